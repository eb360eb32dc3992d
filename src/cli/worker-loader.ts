/**
 * Entry of the CLI's compile worker. It runs dist/compile-worker.cjs (the compiler in one
 * CommonJS file) with the V8 code cache the build wrote beside it (scripts/code-cache.mjs):
 * compiling ~4.6 MB of JavaScript at every start, and the first compile's lazily compiled
 * functions, cost about 0.2 s of each run; with the cache V8 reads the compiled code instead.
 * Without the bundle (run from source) it loads the ESM worker; with a cache V8 rejects
 * (another Node.js), it compiles as usual.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

export { V8_FLAGS } from './v8-flags.js';

export const BUNDLE = new URL('./compile-worker.cjs', import.meta.url);
export const CODE_CACHE = new URL('./compile-worker.cache', import.meta.url);

/** Compiles the bundle (with the code cache when there is one) and runs it. */
export function runBundle(): { script: Script; exports: Record<string, unknown>; cacheRejected: boolean | undefined } {
  const file = fileURLToPath(BUNDLE);
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(CODE_CACHE);
  } catch {
    cachedData = undefined; // not built yet: compile as usual
  }
  // The CommonJS wrapper on the bundle's first line, so positions in stack traces stay right.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __gsncModuleUrl) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(file), module, file, dirname(file), BUNDLE.href);
  return { script, exports: module.exports, cacheRejected: cachedData ? script.cachedDataRejected : undefined };
}

if (!isMainThread) {
  if (existsSync(BUNDLE)) {
    const { cacheRejected } = runBundle();
    if (process.env['GSNC_DEBUG_CODE_CACHE']) process.stderr.write(`gsnc: code cache ${cacheRejected === undefined ? 'absent' : cacheRejected ? 'rejected' : 'used'}\n`);
  } else {
    await import('./compile-worker.js');
  }
}
