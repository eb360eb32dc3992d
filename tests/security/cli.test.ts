/**
 * The CLI (issue 7): it escapes control characters when echoing user text, so ESC, CSI, OSC and
 * BEL sequences in file names, IDs, text or option values never reach a terminal or CI log raw;
 * and it writes outputs atomically: a failing build leaves the previous output byte-identical,
 * and no temporary file is left behind, whether the input has errors or the write itself fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gsnc.js');
const SLOW = { timeout: 300_000 };

function gsnc(args: string[], cwd: string, input?: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, GSNC_DEBUG: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'gsnc-sec-'));
}

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  const found: string[] = [];
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) stack.push(path);
      else found.push(path);
    }
  }
  return found.sort();
}

// Terminal control: C0 controls but tab and newline, DEL, C1 controls (U+0080-U+009F, CSI is
// U+009B), and bidi overrides that would reorder what a reader sees.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const RAW_C0 = /[\u0000-\u0008\u000b-\u001f\u007f]/;

const ESC = '\u001b';
const SEQUENCES = `${ESC}[31mRED${ESC}[0m ${ESC}]0;pwned\u0007 ${ESC}]8;;https://evil/\u0007link${ESC}]8;;\u0007 \u009b2J ${ESC}[2J\u202e`;

describe('no terminal escape injection', () => {
  it('in a file name, through diagnostics and "wrote" lines', SLOW, () => {
    const dir = scratch();
    const name = `case${ESC}[31m${ESC}]0;x\u0007.gsn`;
    writeFileSync(join(dir, name), 'goal G1 "t" {\n  goal G2 "unsupported"\n}\n');
    const run = gsnc(['build', name, '-o', 'out/'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning GSN301');
    expect(run.stderr).toContain('wrote');
    expect(run.stderr).not.toMatch(RAW_CONTROL);
    expect(run.stderr).toContain('\\u{1b}');
  });

  it('in a file name that cannot be read, and in option values (usage errors)', () => {
    const dir = scratch();
    for (const args of [
      ['build', `missing${SEQUENCES}.gsn`],
      ['build', 'x.gsn', '--theme', SEQUENCES],
      ['build', 'x.gsn', '--format', SEQUENCES],
      ['build', 'x.gsn', '--timeout', SEQUENCES],
      ['build', 'x.gsn', '--scale', SEQUENCES],
      ['check', 'x.gsn', '--format', SEQUENCES],
      ['build', `--${SEQUENCES}`],
      [SEQUENCES],
    ]) {
      const run = gsnc(args, dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).not.toMatch(RAW_CONTROL);
      expect(run.stdout, args.join(' ')).not.toMatch(RAW_CONTROL);
    }
  });

  it('in element text, in caret excerpts and messages, for every command', SLOW, () => {
    const dir = scratch();
    writeFileSync(join(dir, 'case.gsn'), `goal G1 "top ${SEQUENCES}" {\n  solution Sn1 "e ${SEQUENCES} \\q"\n  solution Sn2 "ok ${SEQUENCES}"\n}\n@bad${ESC}[1m\n`);
    writeFileSync(join(dir, 'ok.gsn'), `goal G1 "top ${SEQUENCES}" {\n  solution Sn1 "e ${SEQUENCES}" @url("x${ESC}[1m")\n}\n`);
    const commands = [
      ['build', 'case.gsn'],
      ['check', 'case.gsn'],
      ['check', 'case.gsn', '--format', 'json'],
      ['build', 'ok.gsn', '-o', '-'],
      ['build', 'ok.gsn', '-o', '-', '--format', 'json'],
      ['check', 'ok.gsn'],
      ['report', 'ok.gsn'],
      ['evidence', 'ok.gsn'],
    ];
    for (const args of commands) {
      const run = gsnc(args, dir);
      const what = args.join(' ');
      expect(run.code, `${what}: ${run.stderr}`).not.toBe(70);
      expect(run.stderr, what).not.toMatch(RAW_CONTROL);
      // Outputs are data (SVG, JSON, Markdown), but may well be printed: no C0 control either.
      expect(run.stdout, what).not.toMatch(RAW_C0);
    }
    // Diagnostics were printed, with the excerpt shown escaped.
    const check = gsnc(['check', 'case.gsn'], dir);
    expect(check.stderr).toContain('error GSN104');
    expect(check.stderr).toContain('\\u{1b}[31mRED');
  });

  it('from standard input', () => {
    const dir = scratch();
    const run = gsnc(['check', '-'], dir, `goal G1 "x ${SEQUENCES} \\q"\n`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('<stdin>:1:');
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('atomic writes', () => {
  const GOOD = 'goal G1 "t" {\n  solution Sn1 "e"\n}\n';
  const BAD = 'goal G1 "t" {\n  solution Sn1 "e"\n}\ngoal G1 "again"\n';

  it('a build with errors leaves the previous output byte-identical and no temporary file', SLOW, () => {
    for (const format of ['svg', 'json']) {
      const dir = scratch();
      writeFileSync(join(dir, 'case.gsn'), BAD);
      const previous = Buffer.from([0xef, 0xbb, 0xbf, 0x3c, 0x00, 0xff, 0x0a]); // any bytes at all
      writeFileSync(join(dir, `case.${format}`), previous);
      const run = gsnc(['build', 'case.gsn', '--format', format], dir);
      expect(run.code).toBe(1);
      expect(readFileSync(join(dir, `case.${format}`)).equals(previous)).toBe(true);
      expect(tree(dir)).toEqual(['case.gsn', `case.${format}`]);
    }
  });

  it('several inputs into a directory: the failing one keeps its old output, the others are replaced', SLOW, () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.gsn'), GOOD);
    writeFileSync(join(dir, 'b.gsn'), BAD);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'a.svg'), 'old a');
    writeFileSync(join(dir, 'out', 'b.svg'), 'old b');
    const run = gsnc(['build', 'a.gsn', 'b.gsn', '-o', 'out/'], dir);
    expect(run.code).toBe(1);
    expect(readFileSync(join(dir, 'out', 'a.svg'), 'utf8')).toMatch(/^<svg/);
    expect(readFileSync(join(dir, 'out', 'b.svg'), 'utf8')).toBe('old b');
    expect(tree(dir)).toEqual(['a.gsn', 'b.gsn', 'out/a.svg', 'out/b.svg']);
  });

  it('a write that fails (the target is a directory) leaves no temporary file and says why', SLOW, () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.gsn'), GOOD);
    // out/a.svg is a non-empty directory: the temporary file is written, the rename fails.
    mkdirSync(join(dir, 'out', 'a.svg'), { recursive: true });
    writeFileSync(join(dir, 'out', 'a.svg', 'keep.txt'), 'untouched');
    const run = gsnc(['build', 'a.gsn', '-o', 'out/'], dir);
    expect(run.code).toBe(2); // the user's to fix, not an internal error
    expect(run.stderr).toContain('cannot write out/a.svg');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(join(dir, 'out', 'a.svg', 'keep.txt'), 'utf8')).toBe('untouched');
    expect(tree(dir)).toEqual(['a.gsn', 'out/a.svg/keep.txt']);
    // A file where a directory should be.
    writeFileSync(join(dir, 'file'), 'x');
    const nested = gsnc(['build', 'a.gsn', '-o', 'file/a.svg'], dir);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain('cannot write file/a.svg');
    expect(tree(dir)).toEqual(['a.gsn', 'file', 'out/a.svg/keep.txt']);
  });

  it('a successful build replaces the output in one step (no temporary file left)', SLOW, () => {
    const dir = scratch();
    writeFileSync(join(dir, 'case.gsn'), GOOD);
    writeFileSync(join(dir, 'case.svg'), 'old');
    const run = gsnc(['build', 'case.gsn'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'case.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\n?$/);
    expect(tree(dir)).toEqual(['case.gsn', 'case.svg']);
    expect(existsSync(join(dir, `.case.svg.${process.pid}.tmp`))).toBe(false);
  });
});
