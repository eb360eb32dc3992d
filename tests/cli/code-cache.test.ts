/**
 * The CLI's compile worker runs the compiler bundle with the V8 code cache the build writes
 * (src/cli/worker-loader.ts). Users notice start-up time, and that a stale or broken cache never
 * changes what they get.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const MINIMAL = readFileSync(join(ROOT, 'examples', 'minimal.gsn'), 'utf8');

describe('compile worker code cache', () => {
  it('is written by the build and used by the CLI, with the same SVG as compile()', async () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'gsnc.js'), 'build', '-', '-o', '-'], {
      input: MINIMAL,
      encoding: 'utf8',
      env: { ...process.env, GSNC_DEBUG_CODE_CACHE: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('code cache used');
    expect(run.stdout).toBe((await compile(MINIMAL, { file: '<stdin>' })).svg);
  });

  it('compiles as usual when V8 rejects the cache', async () => {
    // A copy of the loader and the bundle beside a broken cache (inside the repository, so the
    // bundle still finds the installed packages).
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, '.tmp', 'code-cache-'));
    for (const name of ['worker-loader.js', 'compile-worker.cjs']) copyFileSync(join(DIST, name), join(dir, name));
    cpSync(join(DIST, 'chunks'), join(dir, 'chunks'), { recursive: true });
    writeFileSync(join(dir, 'compile-worker.cache'), 'not a code cache');
    const worker = new Worker(pathToFileURL(join(dir, 'worker-loader.js')), { env: { ...process.env, GSNC_DEBUG_CODE_CACHE: '1' }, stderr: true });
    let stderr = '';
    worker.stderr.on('data', (chunk) => (stderr += chunk));
    try {
      const result = await new Promise<{ svg: string | null }>((done, fail) => {
        worker.once('message', (message: { result: { svg: string | null } }) => done(message.result));
        worker.once('error', fail);
        worker.postMessage({ id: 1, text: MINIMAL, options: { file: 'minimal.gsn' } });
      });
      expect(result.svg).toBe((await compile(MINIMAL, { file: 'minimal.gsn' })).svg);
      expect(stderr).toContain('code cache rejected');
    } finally {
      await worker.terminate();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
