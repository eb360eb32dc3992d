/**
 * CLI start-up (issue 8): the main thread never loads the compiler. It parses arguments, reads
 * and writes files and prints diagnostics; parsing, checking, ELK and svgdom load only in the
 * compile worker (or in a command loaded on demand with a dynamic import). No timing here: this
 * checks the static import graph of src/cli/main.ts, which is what the process loads at start.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

async function staticImports(entry: string): Promise<Set<string>> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  const inputs = result.metafile.inputs;
  const reached = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || reached.has(imported.path)) continue;
      reached.add(imported.path);
      queue.push(imported.path);
    }
  }
  return reached;
}

describe('CLI start-up', () => {
  it('the main thread does not import the compiler, ELK, svgdom or Chevrotain', async () => {
    const reached = await staticImports('src/cli/main.ts');
    // Small modules of constants (styles, themes) are fine; the library entry and the packages
    // that cost start-up time are not.
    const heavy = [...reached].filter(
      (path) =>
        path === 'src/index.ts' ||
        /^src\/(syntax\/(parse|parser|lexer)|layout\/(layout|run-elk)|render\/(render|dom))\.ts$/.test(path) ||
        /^(chevrotain|elkjs|svgdom|@svgdotjs\/svg\.js)(\/|$)/.test(path),
    );
    expect(heavy).toEqual([]);
  }, 30_000);

  it('the worker does import the compiler', async () => {
    const reached = await staticImports('src/cli/compile-worker.ts');
    expect(reached.has('src/index.ts')).toBe(true);
  }, 30_000);
});
