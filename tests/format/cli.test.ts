import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gsnc.js');

function gsnc(args: string[], cwd: string, input?: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', input });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const UGLY = 'goal G1 "Top"{\ncontext C1 "Context"   // why\n    solution Sn1 "Evidence" }\n';
const PRETTY = 'goal G1 "Top" {\n  context C1 "Context" // why\n  solution Sn1 "Evidence"\n}\n';

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gsnc-fmt-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('gsnc fmt', () => {
  it('rewrites files in place', () => {
    const dir = scratch({ 'a.gsn': UGLY, 'b.gsn': PRETTY });
    const run = gsnc(['fmt', 'a.gsn', 'b.gsn'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'a.gsn'), 'utf8')).toBe(PRETTY);
    expect(run.stderr).toContain('formatted a.gsn');
    expect(run.stderr).not.toContain('b.gsn');
  });

  it('--check lists the files that would change, exits 1 and writes nothing', () => {
    const dir = scratch({ 'a.gsn': UGLY, 'b.gsn': PRETTY });
    const run = gsnc(['fmt', '--check', 'a.gsn', 'b.gsn'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('a.gsn\n');
    expect(readFileSync(join(dir, 'a.gsn'), 'utf8')).toBe(UGLY);
    expect(gsnc(['fmt', '--check', 'b.gsn'], dir).code).toBe(0);
  });

  it('-o writes elsewhere, - reads stdin and writes stdout', () => {
    const dir = scratch({ 'a.gsn': UGLY });
    expect(gsnc(['fmt', 'a.gsn', '-o', 'out.gsn'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'out.gsn'), 'utf8')).toBe(PRETTY);
    expect(readFileSync(join(dir, 'a.gsn'), 'utf8')).toBe(UGLY);
    const piped = gsnc(['fmt', '-'], dir, UGLY);
    expect(piped).toMatchObject({ code: 0, stdout: PRETTY });
  });

  it('refuses a file with syntax errors: prints them, exits 1, leaves it alone', () => {
    const broken = 'goal G1 "Top" {\n  solution Sn1 "x"\n';
    const dir = scratch({ 'broken.gsn': broken });
    const run = gsnc(['fmt', 'broken.gsn'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.gsn:\d+:\d+: error GSN110/);
    expect(readFileSync(join(dir, 'broken.gsn'), 'utf8')).toBe(broken);
  });

  it('usage errors exit 2', () => {
    const dir = scratch({ 'a.gsn': UGLY, 'b.gsn': PRETTY });
    expect(gsnc(['fmt', 'a.gsn', 'b.gsn', '-o', 'x.gsn'], dir).code).toBe(2);
    expect(gsnc(['build', '--check', 'a.gsn'], dir).code).toBe(2);
  });
});
