/**
 * No I/O in the library (issue 7): compile() works with file and network access unavailable.
 * A fresh process imports the built library (dist/index.js), then replaces every function of
 * fs, fs/promises, net, http, https, http2, tls, dgram, dns, child_process and worker_threads
 * (and fetch) with one that throws and records the attempt, and watches for modules loaded
 * after that point (a lazy import reads a file). Fonts and metrics must need no file either.
 * The result must equal an unrestricted compile, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHILD = join(ROOT, 'tests', 'determinism', 'compile-child.mjs');
const DIST = pathToFileURL(join(ROOT, 'dist', 'index.js')).href;
const CASES = ['minimal.gsn', 'multilingual.gsn', 'ai-holes.gsn', 'ext-dialectic.gsn', 'invalid/cycle.expect-error.gsn'].map((name) => join(ROOT, 'examples', name));

describe('compile() without file or network access', () => {
  it('makes no I/O call, loads no module, and gives the same result', { timeout: 300_000 }, async () => {
    const run = spawnSync(process.execPath, [CHILD, DIST, ...CASES], {
      cwd: ROOT,
      env: { ...process.env, GSNC_NO_IO: '1' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(run.status, run.stderr).toBe(0);
    const got = JSON.parse(run.stdout) as { out: { file: string; svg: string | null; json: string }[]; attempts: string[]; loaded: string[]; newRequires: number };
    expect(got.attempts).toEqual([]);
    expect(got.loaded).toEqual([]);
    expect(got.newRequires).toBe(0);
    expect(got.out.filter((o) => o.svg !== null).length).toBeGreaterThanOrEqual(4);
    for (const [i, file] of CASES.entries()) {
      const expected = await compile(readFileSync(file, 'utf8'), { file });
      expect(got.out[i]!.json, file).toBe(JSON.stringify(expected));
    }
  });

  it('the stubs really bite (the check is not vacuous)', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      const fs = (await import('node:module')).createRequire(import.meta.url)('node:fs');
      fs.readFileSync = () => { throw new Error('stubbed'); };
      (await import('node:module')).syncBuiltinESMExports();
      try { readFileSync('package.json'); console.log('read'); } catch { console.log('blocked'); }`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('blocked');
  });
});
