/**
 * `--cache DIR`: a content-addressed cache of compile results for docs pipelines that rebuild
 * unchanged diagrams. The key is a SHA-256 of the input text, every compile option and the
 * compiler build (the worker entry names its code chunk by content hash, so any change to the
 * compiler changes the key). A hit skips the worker entirely: no compiler is loaded, nothing is
 * laid out. The library stays pure; only the CLI reads and writes the cache.
 *
 * Results that do not follow from the input alone (a compile stopped at the time limit, an
 * internal error) are never stored. A cache file that cannot be read is a miss; one that cannot
 * be written is skipped silently (the build does not depend on the cache).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CompileOptions, CompileResult } from '../index.js';
import type { Compiler } from './shared.js';

/** Bumped when the cache file format changes. */
const FORMAT = 'gsnc-cache-1';
const UNCACHEABLE = new Set(['GSN904', 'GSN999']);

/** A result trimmed to some fields (see ResultField) is cached under a key of its own. */
export function cacheKey(text: string, options: CompileOptions, build: string, fields?: readonly string[]): string {
  return createHash('sha256')
    .update(`${FORMAT}\0${build}\0${canonical(options)}\0${fields ? fields.join(',') : '*'}\0`)
    .update(text)
    .digest('hex');
}

/** Wraps `compiler` with a cache in `dir` (created when first written). */
export function cachedCompiler(compiler: Compiler, dir: string, build: string): Compiler {
  return async (text, options, fields) => {
    const key = cacheKey(text, options, build, fields);
    const file = join(dir, `${key}.v8`);
    const hit = readEntry(file);
    if (hit) return hit;
    const result = await compiler(text, options, fields);
    if (!result.diagnostics.some((d) => UNCACHEABLE.has(d.code))) writeEntry(dir, file, result);
    return result;
  };
}

function readEntry(file: string): CompileResult | null {
  try {
    const value = deserialize(readFileSync(file)) as { format?: string; result?: CompileResult };
    return value.format === FORMAT && value.result ? value.result : null;
  } catch {
    return null;
  }
}

function writeEntry(dir: string, file: string, result: CompileResult): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, serialize({ format: FORMAT, result }));
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** JSON with object keys sorted, so equal options give equal keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
