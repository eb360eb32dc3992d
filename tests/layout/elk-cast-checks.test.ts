/**
 * Every gsnc bundle (library, CLI, playground) has ELK without GWT's run-time cast checks
 * (scripts/elk-cast-checks.mjs): faster, and it must lay out exactly as the installed elkjs does. Both are run here on the examples'
 * ELK graphs, random trees and a generated case, and their answers compared whole.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { generateCase } from '../../bench/generate.mjs';
import { withoutCastChecks } from '../../scripts/elk-cast-checks.mjs';
import { check } from '../../src/semantics/check.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { buildGraph } from '../../src/layout/elk-graph.js';
import { shapeFor } from '../../src/layout/shapes.js';
import { parse } from '../../src/syntax/parse.js';
import type { Model } from '../../src/semantics/model.js';
import { randomTree } from './model-helper.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const ORIGINAL = require.resolve('elkjs/lib/elk.bundled.js');

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
type ElkClass = new (options: { algorithms: string[] }) => Elk;

function patchedElk(): ElkClass {
  const dir = mkdtempSync(join(tmpdir(), 'gsnc-elk-'));
  const file = join(dir, 'elk.bundled.js');
  writeFileSync(file, withoutCastChecks(readFileSync(ORIGINAL, 'utf8')));
  return createRequire(file)(file) as ElkClass;
}

function graphOf(model: Model): ElkNode {
  return buildGraph(model, model.elements.map((e) => shapeFor(e.id, e.kind, e.text, e.undeveloped, e.uninstantiated))).graph;
}

function modelOf(text: string): Model | null {
  const parsed = parse(text, { limits: DEFAULT_LIMITS });
  return check(parsed.value, { limits: DEFAULT_LIMITS }).value;
}

const examples = readdirSync(join(ROOT, 'examples'))
  .filter((name) => name.endsWith('.gsn') && !name.includes('expect-error'))
  .map((name) => modelOf(readFileSync(join(ROOT, 'examples', name), 'utf8')))
  .filter((m): m is Model => m !== null && m.elements.length > 0);

describe('ELK without cast checks', () => {
  it('patches the pinned elkjs and refuses code it was not written for', () => {
    const source = readFileSync(ORIGINAL, 'utf8');
    expect(withoutCastChecks(source)).not.toBe(source);
    expect(() => withoutCastChecks(source.replace('function JD(a,b){SDb(a==null||ID(a,b));return a}', ''))).toThrow(/elkjs changed/);
  });

  it('lays out exactly as the installed elkjs', { timeout: 120_000 }, async () => {
    const Original = require(ORIGINAL) as ElkClass;
    const original = new Original({ algorithms: ['layered'] });
    const patched = new (patchedElk())({ algorithms: ['layered'] });
    const graphs = [
      ...examples.map(graphOf),
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((seed) => graphOf(randomTree(seed, 30 + seed * 25))),
      graphOf(modelOf(generateCase(400))!),
    ];
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const graph of graphs) {
      const expected = await original.layout(structuredClone(graph));
      expect(await patched.layout(structuredClone(graph))).toEqual(expected);
    }
  });
});
