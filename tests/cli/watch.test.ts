/**
 * `gsnc build --watch` as a user runs it: a real process on real files, edited in place and
 * replaced by rename (as vim and many IDEs save), broken and fixed, then stopped with SIGINT;
 * and a modular project, whose imported files are watched too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gsnc.js');

const caseText = (claim: string) => `goal G1 "${claim}" {
  context C1 "Operating context"
  solution Sn1 "Test report"
}
`;
const BROKEN = `goal G1 "Broken claim" {
  solution Sn1 "Evidence"
  unknownThing
}
`;

interface Watcher {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function startWatch(args: string[]): Watcher {
  const child = spawn(process.execPath, [BIN, 'build', ...args, '--watch'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  child.stdout!.resume();
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, stderr: () => err, exited };
}

async function until(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

describe('gsnc build --watch', () => {
  it('rebuilds on change, keeps the last good output on errors, prints diagnostics, stops on SIGINT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gsnc-watch-'));
    const input = join(dir, 'case.gsn');
    const output = join(dir, 'case.svg');
    try {
      writeFileSync(input, caseText('First claim'));
      const w = startWatch([input]);
      await until('the first build', () => read(output).includes('First claim') && w.stderr().includes('watching 1 file'));

      // Edited in place: rebuilt, and the watcher says how long that took.
      writeFileSync(input, caseText('Second claim'));
      await until('the rebuild after an in-place edit', () => read(output).includes('Second claim') && /rebuilt \S*case\.gsn in \d+ ms/.test(w.stderr()));

      // Replaced by rename, twice (a watch on the file itself would miss the second).
      for (const claim of ['Third claim', 'Fourth claim']) {
        const temporary = join(dir, '.case.gsn.swp');
        writeFileSync(temporary, caseText(claim));
        renameSync(temporary, input);
        await until(`the rebuild after a save by rename (${claim})`, () => read(output).includes(claim));
      }

      // Broken: diagnostics printed, output untouched.
      const good = read(output);
      const before = w.stderr().length;
      writeFileSync(input, BROKEN);
      await until('the diagnostics of the broken edit', () => w.stderr().slice(before).includes('last good output is kept'));
      const printed = w.stderr().slice(before);
      expect(printed).toMatch(/case\.gsn:3:3: error GSN\d+/);
      expect(printed).toContain('1 error');
      expect(read(output)).toBe(good);

      // Fixed again: rebuilt.
      writeFileSync(input, caseText('Fixed claim'));
      await until('the rebuild after the fix', () => read(output).includes('Fixed claim'));

      w.child.kill('SIGINT');
      expect(await w.exited).toBe(0);
      expect(w.stderr()).toContain('stopped watching');
      expect(w.stderr()).not.toContain('internal error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('watches several files into an output directory and applies the theme', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gsnc-watch-'));
    const out = join(dir, 'out');
    try {
      writeFileSync(join(dir, 'a.gsn'), caseText('Case A'));
      writeFileSync(join(dir, 'b.gsn'), caseText('Case B'));
      const w = startWatch([join(dir, 'a.gsn'), join(dir, 'b.gsn'), '-o', out, '--theme', 'dark']);
      await until('the first builds', () => read(join(out, 'a.svg')).includes('Case A') && read(join(out, 'b.svg')).includes('Case B'));
      expect(read(join(out, 'a.svg'))).toContain('#0d1117');
      writeFileSync(join(dir, 'b.gsn'), caseText('Case B, edited'));
      await until('the rebuild of b', () => read(join(out, 'b.svg')).includes('Case B, edited'));
      expect(read(join(out, 'a.svg'))).toContain('Case A');
      w.child.kill('SIGTERM');
      expect(await w.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('watches the files a project imports, follows imports added later, and waits for a file imported before it exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gsnc-watch-'));
    const out = join(dir, 'out');
    const main = (imports: string, refs: string) => `module Main "Top"\n${imports}goal G1 "Main claim" {\n${refs}}\n`;
    const part = (claim: string) => `module Part "A part"\npublic goal G2 "${claim}" {\n  solution Sn1 "Evidence"\n}\n`;
    const extra = (claim: string) => `module Extra "Another part"\npublic goal G3 "${claim}" {\n  solution Sn3 "Evidence"\n}\n`;
    try {
      mkdirSync(join(dir, 'lib'));
      writeFileSync(join(dir, 'main.gsn'), main('import "lib/Part.gsn"\n', '  G2\n'));
      writeFileSync(join(dir, 'lib', 'Part.gsn'), part('Part claim 1'));
      const w = startWatch([join(dir, 'main.gsn'), '-o', out]);
      await until('the first build', () => read(join(out, 'Part.svg')).includes('Part claim 1') && w.stderr().includes('watching 1 file (and 1 file imported)'));

      // The imported file, edited in place, then replaced by rename: the project is rebuilt.
      writeFileSync(join(dir, 'lib', 'Part.gsn'), part('Part claim 2'));
      await until('the rebuild after an imported file changed', () => read(join(out, 'Part.svg')).includes('Part claim 2'));
      const temporary = join(dir, 'lib', '.Part.gsn.swp');
      writeFileSync(temporary, part('Part claim 3'));
      renameSync(temporary, join(dir, 'lib', 'Part.gsn'));
      await until('the rebuild after an imported file was replaced', () => read(join(out, 'Part.svg')).includes('Part claim 3'));

      // A new import of a file that is not there yet: errors, then built once the file appears.
      const before = w.stderr().length;
      writeFileSync(join(dir, 'main.gsn'), main('import "lib/Part.gsn"\nimport "more/Extra.gsn"\n', '  G2\n  G3\n'));
      await until('the errors of the missing import', () => w.stderr().slice(before).includes('last good output is kept'));
      expect(w.stderr().slice(before)).toMatch(/main\.gsn:3:8: error GSN521/);
      mkdirSync(join(dir, 'more'));
      writeFileSync(join(dir, 'more', 'Extra.gsn'), extra('Extra claim 1'));
      await until('the build once the imported file exists', () => read(join(out, 'Extra.svg')).includes('Extra claim 1'));
      writeFileSync(join(dir, 'more', 'Extra.gsn'), extra('Extra claim 2'));
      await until('the rebuild after the newly imported file changed', () => read(join(out, 'Extra.svg')).includes('Extra claim 2'));
      expect(read(join(out, 'Main.svg'))).toContain('Main claim');

      w.child.kill('SIGINT');
      expect(await w.exited).toBe(0);
      expect(w.stderr()).not.toContain('internal error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses standard input and non-build commands', async () => {
    for (const args of [['build', '-', '--watch'], ['check', 'x.gsn', '--watch']]) {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
      started.push(child);
      child.stdin!.end('');
      let err = '';
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
      expect(code).toBe(2);
      expect(err).toMatch(/--watch/);
    }
  });
});
