/**
 * The CLI lays out a big tree's blocks on helper threads as well as its own (src/cli/elk-pool.ts).
 * Where a block was laid out must not show: same answers as ELK in one thread, same SVG bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ElkPool, slimResult } from '../../src/cli/elk-pool.js';
import { buildGraph } from '../../src/layout/elk-graph.js';
import { runElk } from '../../src/layout/run-elk.js';
import { shapeFor } from '../../src/layout/shapes.js';
import { compile } from '../../src/index.js';
import { generateCase } from '../../bench/generate.mjs';
import { randomTree } from '../layout/model-helper.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HELPER = new URL('../../dist/elk-worker.js', import.meta.url);

describe('ELK pool', () => {
  it('answers every call as ELK in this thread does, whichever thread took it', async () => {
    const graphs = [1, 2, 3, 4, 5, 6].map((seed) => {
      const m = randomTree(seed, 60 + seed * 20);
      return buildGraph(m, m.elements.map((e) => shapeFor(e.id, e.kind, e.text, e.undeveloped, e.uninstantiated))).graph;
    });
    const expected = await Promise.all(graphs.map(async (g) => slimResult(await runElk(structuredClone(g)))));
    const pool = new ElkPool(HELPER, 2);
    try {
      // While the helpers warm up, calls run here; once they are warm, they take calls too.
      expect(await Promise.all(graphs.map(async (g) => slimResult(await pool.run(structuredClone(g)))))).toEqual(expected);
      await pool.whenReady();
      const before = pool.taken.helpers;
      expect(await Promise.all(graphs.map(async (g) => slimResult(await pool.run(structuredClone(g)))))).toEqual(expected);
      expect(pool.taken.helpers).toBeGreaterThan(before);
      expect(pool.taken.here).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('gives the CLI the same SVG bytes as compile() for a big tree', async () => {
    const text = generateCase(2600);
    expect(text.length).toBeGreaterThan(280_000); // big enough for the CLI to start helpers
    const dir = mkdtempSync(join(tmpdir(), 'gsnc-pool-'));
    writeFileSync(join(dir, 'big.gsn'), text);
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'gsnc.js'), 'build', 'big.gsn', '-o', 'big.svg'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const library = await compile(text, { file: 'big.gsn' });
    expect(readFileSync(join(dir, 'big.svg'), 'utf8')).toBe(library.svg);
  });
});
