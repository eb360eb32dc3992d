/**
 * Big trees are laid out block by block (src/layout/blocks.ts). What a user would notice: the GSN
 * layout rules still hold, every row is where one ELK run would put it, and graphs that are not
 * trees are left to ELK whole.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_TRIGGER, layoutInBlocks } from '../../src/layout/blocks.js';
import { buildGraph } from '../../src/layout/elk-graph.js';
import { fromElk } from '../../src/layout/from-elk.js';
import { layout } from '../../src/layout/layout.js';
import { runElk } from '../../src/layout/run-elk.js';
import { shapeFor } from '../../src/layout/shapes.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import type { Model } from '../../src/semantics/model.js';
import { el, model, randomTree, type Spec } from './model-helper.js';
import { expectGsnRules } from './rules.js';

const shapesOf = (m: Model) => m.elements.map((e) => shapeFor(e.id, e.kind, e.text, e.undeveloped, e.uninstantiated));

/** The layout made in blocks and the one a single ELK run gives, for the same model. */
async function both(m: Model) {
  const shapes = shapesOf(m);
  const plan = buildGraph(m, shapes);
  const blocks = await layoutInBlocks(plan.graph, runElk);
  expect(blocks, 'laid out in blocks').not.toBeNull();
  const single = await runElk(buildGraph(m, shapes).graph);
  return { blocks: fromElk(m, shapes, plan, blocks!), single: fromElk(m, shapes, plan, single) };
}

function chain(length: number): Model {
  let spec: Spec = el('solution', `Sn${length}`, 'leaf');
  for (let i = length - 1; i >= 0; i--) spec = el(i % 2 ? 'strategy' : 'goal', `N${i}`, `step ${i}`, { children: [spec] });
  return model([spec]);
}

describe('layout in blocks', () => {
  it('keeps the GSN rules and the rows of one ELK run on big random trees', async () => {
    for (const [seed, size] of [[3, 900], [7, 1500]] as const) {
      const m = randomTree(seed, size);
      expect(buildGraph(m, shapesOf(m)).graph.children!.length).toBeGreaterThan(BLOCK_TRIGGER);
      const { blocks, single } = await both(m);
      expectGsnRules(m, blocks);
      // Same rows: every element at the height one ELK run gives it.
      expect(blocks.nodes.map((n) => n.y)).toEqual(single.nodes.map((n) => n.y));
      // Blocks cost some width (a subtree keeps its own box), not much.
      expect(blocks.width).toBeLessThan(single.width * 1.3);
    }
  });

  it('is what the layout stage uses for a big tree, deterministically', async () => {
    const m = randomTree(11, 1200);
    const a = (await layout(m, { limits: DEFAULT_LIMITS })).value;
    const b = (await layout(m, { limits: DEFAULT_LIMITS })).value;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const shapes = shapesOf(m);
    const plan = buildGraph(m, shapes);
    expect(a).toEqual(fromElk(m, shapes, plan, (await layoutInBlocks(plan.graph, runElk))!));
  });

  it('lays out a long chain and several top goals', async () => {
    const long = chain(1200);
    const { blocks } = await both(long);
    expectGsnRules(long, blocks);
    const forest = model([randomTree(1, 400), randomTree(2, 400)].map((t, i) => ({ ...rootSpec(t, i) })));
    expect(forest.topGoals.length).toBe(2);
    const laid = await both(forest);
    expectGsnRules(forest, laid.blocks);
  });

  it('leaves graphs that are not trees to ELK whole', async () => {
    const m = randomTree(5, 900);
    const leaf = m.elements.find((e) => e.kind === 'solution')!;
    const other = m.elements.find((e) => e.kind === 'goal' && e.id !== 'G0' && !m.edges.some((x) => x.from === e.id && x.to === leaf.id))!;
    const shared: Model = { ...m, edges: [...m.edges, { ...m.edges.find((x) => x.to === leaf.id)!, from: other.id }] };
    expect(await layoutInBlocks(buildGraph(shared, shapesOf(shared)).graph, runElk)).toBeNull();
    const small = randomTree(5, 100);
    expect(await layoutInBlocks(buildGraph(small, shapesOf(small)).graph, runElk)).toBeNull();
  });
});

/** A random tree's elements re-rooted under a fresh top goal id, so two trees can share a model. */
function rootSpec(m: Model, i: number): Spec {
  const specs = new Map<string, Spec>();
  for (const e of m.elements) specs.set(e.id, el(e.kind, `T${i}${e.id}`, e.text));
  for (const edge of m.edges) (specs.get(edge.from)!.children ??= []).push(specs.get(edge.to)!);
  return specs.get(m.elements[0]!.id)!;
}
