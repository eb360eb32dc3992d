import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSvg } from '../render/xml.js';
import { PAGE } from './page.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gsnc.js');
/** The fixture page without its broken line: three valid diagrams. */
const VALID_PAGE = PAGE.replace(/^> goal G1 "Again" <script>\n/m, '');

function gsnc(args: string[], cwd: string, input?: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gsnc-md-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('gsnc markdown', () => {
  it('writes each fence as OUT-n.svg next to OUT.md and links it', () => {
    const dir = scratch({ 'doc.md': VALID_PAGE });
    const run = gsnc(['markdown', 'doc.md', '-o', 'site/Safety Case.md'], dir);
    expect(run.stderr).toContain('wrote site/Safety Case.md');
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, 'site')).sort()).toEqual(['Safety Case-1.svg', 'Safety Case-2.svg', 'Safety Case-3.svg', 'Safety Case.md']);
    const out = readFileSync(join(dir, 'site', 'Safety Case.md'), 'utf8');
    expect(out).not.toContain('```gsn');
    expect(out).toContain('\n![G1: The emergency braking function is acceptably safe](Safety%20Case-1.svg)\n');
    expect(out).toContain('\n  ![Hazard H1](Safety%20Case-2.svg)\n'); // inside the list item
    expect(out).toContain('\n> ![G1: Top](Safety%20Case-3.svg)\n'); // inside the quote
    expect(out).toContain('```js\nconsole.log("<not a diagram>");\n```\n');
    expect(out.split('\n').length).toBe(VALID_PAGE.split('\n').length - (6 + 6 + 5) + 3); // the rest is untouched
    for (const n of [1, 2, 3]) parseSvg(readFileSync(join(dir, 'site', `Safety Case-${n}.svg`), 'utf8'));
  });

  it('draws the text layers asked for with --layer', () => {
    const dir = scratch({ 'doc.md': '```gsn\ngoal G1 "Top" @layer(owner, "Safety team") {\n  solution Sn1 "E"\n}\n```\n' });
    expect(gsnc(['markdown', 'doc.md', '-o', 'out.md', '--layer', 'owner'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'out-1.svg'), 'utf8')).toContain('OWNER:');
  });

  it('is deterministic and keeps CRLF line endings', () => {
    const dir = scratch({ 'doc.md': VALID_PAGE.replace(/\n/g, '\r\n') });
    expect(gsnc(['markdown', 'doc.md', '-o', 'a.md', '-q'], dir).code).toBe(0);
    expect(gsnc(['markdown', 'doc.md', '-o', 'b.md', '-q'], dir).code).toBe(0);
    const a = readFileSync(join(dir, 'a.md'), 'utf8');
    expect(a).toContain('![Hazard H1](a-2.svg)\r\n');
    expect(a.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(readFileSync(join(dir, 'a-1.svg'), 'utf8')).toBe(readFileSync(join(dir, 'b-1.svg'), 'utf8'));
  });

  it('prints diagnostics with Markdown line numbers, exits 1 and writes nothing', () => {
    const dir = scratch({ 'doc.md': PAGE, 'out.md': 'previous output\n' });
    const run = gsnc(['markdown', 'doc.md', '-o', 'out.md'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('doc.md:29:8: error GSN201');
    expect(run.stderr).toContain('  29 | > goal G1 "Again" <script>');
    expect(run.stderr).toContain('doc.md:26:8: note:');
    expect(run.stderr).not.toContain('wrote');
    expect(readdirSync(dir).sort()).toEqual(['doc.md', 'out.md']);
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toBe('previous output\n');
  });

  it('writes PNG diagrams with --format png', () => {
    const dir = scratch({ 'doc.md': '# Case\n\n```gsn\ngoal G1 "Top" {\n  solution Sn1 "Evidence"\n}\n```\n' });
    const run = gsnc(['markdown', 'doc.md', '-o', 'out/case.md', '--format', 'png', '--scale', '1'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'case.md'), 'utf8')).toBe('# Case\n\n![G1: Top](case-1.png)\n');
    const png = readFileSync(join(dir, 'out', 'case-1.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(gsnc(['markdown', 'doc.md', '-o', 'x.md', '--scale', '2'], dir).code).toBe(2); // --scale needs png
  });

  it('reads standard input and copies a page without fences as it is', () => {
    const dir = scratch({});
    const run = gsnc(['markdown', '-', '-o', 'out.md'], dir, '# Nothing to draw\n');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toBe('# Nothing to draw\n');
  });

  it('exits 2 on usage errors', () => {
    const dir = scratch({ 'doc.md': VALID_PAGE });
    const noOutput = gsnc(['markdown', 'doc.md'], dir);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain('-o OUT.md');
    expect(gsnc(['markdown', 'doc.md', '-o', '-'], dir).code).toBe(2);
    expect(gsnc(['markdown', 'doc.md', '--format', 'gif', '-o', 'x.md'], dir).code).toBe(2);
    expect(gsnc(['markdown', 'missing.md', '-o', 'x.md'], dir).code).toBe(2);
    expect(gsnc(['markdown', 'doc.md', 'doc.md', '-o', 'x.md'], dir).code).toBe(2);
    expect(existsSync(join(dir, 'x.md'))).toBe(false);
  });

  it('is listed in --help', () => {
    expect(gsnc(['--help'], ROOT).stdout).toContain('gsnc markdown FILE.md -o OUT.md');
  });
});
