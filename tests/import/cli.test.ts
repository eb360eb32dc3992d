import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gsnc.js');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'gsn2x', 'examples');

function gsnc(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A scratch copy of the corpus, so outputs written next to inputs stay out of it. */
function corpusCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gsnc-gsn2x-'));
  cpSync(CORPUS, dir, { recursive: true });
  return dir;
}

describe.skipIf(!existsSync(CORPUS))('gsnc with gsn2x YAML', () => {
  it('check accepts YAML, loads the files a module uses, and rejects duplicate IDs across modules', () => {
    const dir = corpusCopy();
    const ok = gsnc(['check', 'modular/index.gsn.yaml'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('modular/sub1.gsn.yaml:14:5: info GSN610');
    const bad = gsnc(['check', 'modular/index.gsn.yaml', 'modular/sub2.gsn.yaml'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('modular/sub2.gsn.yaml:5:1: error GSN201');
    expect(bad.stderr).toContain('modular/index.gsn.yaml:5:1: note: goal G1 is first defined here');
  });

  it('build compiles several YAML files as one case, named after the first', () => {
    const dir = corpusCopy();
    const run = gsnc(['build', 'template/template.gsn.yaml', 'template/instance.gsn.yaml', '-o', 'out/'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'template.svg'), 'utf8')).toContain('G2');
    expect(gsnc(['example.gsn.yaml'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'example.svg'))).toBe(true);
  });

  it('points YAML errors at file:line:col', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gsnc-gsn2x-'));
    const file = join(dir, 'bad.gsn.yaml');
    writeFileSync(file, 'G1:\n  text: ok\n  supportedBy: [Sn1\n');
    const run = gsnc(['check', 'bad.gsn.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.gsn\.yaml:\d+:\d+: error GSN601/);
  });

  it('import writes one .gsn per input that compiles without errors', () => {
    const dir = corpusCopy();
    const run = gsnc(['import', 'dialectic/second.gsn.yaml', 'confidence.gsn.yaml', 'example.gsn.yaml', '-o', 'gsn/'], dir);
    expect(run.code).toBe(0);
    for (const name of ['second', 'confidence', 'example']) {
      const written = join(dir, 'gsn', `${name}.gsn`);
      expect(readFileSync(written, 'utf8')).toMatch(/^\/\/ Imported from /);
      expect(gsnc(['check', written], dir).code).toBe(0);
    }
    expect(gsnc(['fmt', '--check', 'gsn/second.gsn', 'gsn/example.gsn'], dir).code).toBe(0);
    const beside = gsnc(['import', 'minimalcss/min.gsn.yaml'], dir);
    expect(beside.code).toBe(0);
    expect(readFileSync(join(dir, 'minimalcss', 'min.gsn'), 'utf8')).toContain('undeveloped goal G1 "This is a Goal" @class(additionalclass1, additionalclass2)');
  });

  it('import writes nothing when an input cannot be converted', () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'x.yaml'), 'X1:\n  text: unknown type\n');
    const run = gsnc(['import', 'x.yaml', '-o', 'gsn/'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('x.yaml:1:1: error GSN602');
    expect(existsSync(join(dir, 'gsn'))).toBe(false);
    expect(gsnc(['import', 'example.gsn'], dir).code).toBe(2);
  });
});
