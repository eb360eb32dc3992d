/**
 * The AI safety-case framework in the diagram: category badges (with classes and colours), the
 * legend of the categories used, the --ratings glyph, trusted / untrusted components; and that
 * none of it moves or overlaps anything, or appears on a diagram without framework annotations.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDING_BLOCKS, CATEGORIES, findBlock, type Rating } from '../../src/framework/blocks.js';
import { compile, type CompileOptions, type CompileResult } from '../../src/index.js';
import { GLYPH_UNIT, GLYPH_WIDTH } from '../../src/layout/badges.js';
import { spanAt } from '../../src/layout/geometry.js';
import { FONT_SIZE, LETTER_RESERVE_X, LETTER_RESERVE_Y, decorationHeight } from '../../src/layout/style.js';
import type { Layout, LayoutNode } from '../../src/layout/types.js';
import { parseCliArgs } from '../../src/cli/args.js';
import { CATEGORY_COLOURS } from '../../src/render/marks-style.js';
import { expectGolden } from '../helpers/golden.js';
import { expectGsnRules } from '../layout/rules.js';
import { elements, inertnessProblems, parseSvg, textOf, type XNode } from '../render/xml.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const source = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');

async function build(text: string, options: CompileOptions = {}): Promise<CompileResult & { svg: string; layout: Layout }> {
  const result = await compile(text, { file: 'test.gsn', ...options });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  expect(result.svg).not.toBeNull();
  return result as CompileResult & { svg: string; layout: Layout };
}

const classesOf = (n: XNode) => (n.getAttribute?.('class') ?? '').split(' ').filter(Boolean);
const withClass = (root: XNode, name: string) => [...elements(root)].filter((e) => classesOf(e).includes(name));
const nodeGroup = (root: XNode, id: string): XNode => {
  const found = [...elements(root)].find((e) => e.getAttribute?.('id') === `gsn-node-${id}`);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};
const childrenOf = (n: XNode) => Array.from(n.childNodes).filter((c) => c.nodeType === 1);
const attr = (n: XNode, name: string) => n.getAttribute?.(name) ?? null;
const numAttr = (n: XNode, name: string) => Number(attr(n, name));

const ASCENT = (1901 / 2048) * FONT_SIZE;
const EPS = 0.02;

describe('framework diagram: ai-deployment example', async () => {
  const plain = await build(source('ai-deployment.gsn'));
  const rated = await build(source('ai-deployment.gsn'), { ratings: true });
  const framework = plain.framework!;
  const root = parseSvg(plain.svg);
  const ratedRoot = parseSvg(rated.svg);

  it('is well-formed, inert SVG, with and without ratings', () => {
    expect(inertnessProblems(root)).toEqual([]);
    expect(inertnessProblems(ratedRoot)).toEqual([]);
  });

  it('gives every argument node a badge with its category class, reading "category · block"', () => {
    expect(framework.arguments.length).toBeGreaterThan(0);
    for (const a of framework.arguments) {
      const group = nodeGroup(root, a.element);
      expect(classesOf(group), a.element).toContain(`gsn-category-${a.category}`);
      const badges = childrenOf(group).filter((c) => classesOf(c).includes('gsn-badge'));
      const badge = badges.find((b) => classesOf(b).includes(`gsn-category-${a.category}`));
      expect(badge, `${a.element} has a ${a.category} badge`).toBeDefined();
      const pill = childrenOf(badge!).find((c) => attr(c, 'class') === 'gsn-badge-pill')!;
      expect(attr(pill, 'fill')).toBe(CATEGORY_COLOURS[a.category].fill);
      const text = childrenOf(badge!).find((c) => attr(c, 'class') === 'gsn-badge-text')!;
      expect(textOf(text)).toBe(a.block ? `${a.category} \u00b7 ${a.block}` : a.category);
    }
  });

  it('uses all four categories, and only argument nodes have category classes', () => {
    const used = new Set<string>();
    for (const el of elements(root)) {
      if (!classesOf(el).includes('gsn-node')) continue;
      for (const c of classesOf(el)) if (c.startsWith('gsn-category-')) used.add(c.slice('gsn-category-'.length));
    }
    expect([...used].sort()).toEqual([...CATEGORIES].sort());
    const argued = new Set(framework.arguments.map((a) => a.element));
    for (const n of plain.layout.nodes) expect((n.badges ?? []).some((b) => b.type === 'category'), n.id).toBe(argued.has(n.id));
  });

  it('lists exactly the categories used in the legend, in the paper order', () => {
    const legend = withClass(root, 'gsn-legend');
    expect(legend).toHaveLength(1);
    const listed = withClass(legend[0]!, 'gsn-legend-category').map((g) => classesOf(g).find((c) => c.startsWith('gsn-category-')));
    expect(listed).toEqual(CATEGORIES.map((c) => `gsn-category-${c}`));
  });

  it('marks untrusted and trusted components differently', () => {
    const expected = new Map(framework.components.map((c) => [c.element, c.trust]));
    expect(expected.get('SS1')).toBe('untrusted');
    expect(expected.get('SS2')).toBe('trusted');
    for (const [id, trust] of expected) {
      const group = nodeGroup(root, id);
      const other = trust === 'trusted' ? 'untrusted' : 'trusted';
      expect(classesOf(group), id).toContain(`gsn-${trust}`);
      expect(classesOf(group), id).not.toContain(`gsn-${other}`);
      const ring = childrenOf(group).find((c) => classesOf(c).includes('gsn-trust-ring'))!;
      expect(classesOf(ring)).toContain(`gsn-trust-ring-${trust}`);
      // Untrusted is dashed, trusted solid: distinct without colour.
      expect(attr(ring, 'stroke-dasharray') !== null, id).toBe(trust === 'untrusted');
      const tag = childrenOf(group).find((c) => classesOf(c).includes('gsn-trust-badge'))!;
      expect(classesOf(tag)).toContain(`gsn-trust-${trust}`);
      expect(textOf(childrenOf(tag).find((c) => attr(c, 'class') === 'gsn-badge-text')!)).toBe(trust);
    }
    expect(withClass(withClass(root, 'gsn-legend')[0]!, 'gsn-legend-trust')).toHaveLength(2);
  });

  it('draws no ratings glyph without --ratings', () => {
    expect(withClass(root, 'gsn-ratings')).toHaveLength(0);
    expect(plain.layout.nodes.every((n) => (n.badges ?? []).every((b) => b.type !== 'category' || b.glyph === null))).toBe(true);
  });

  it('with --ratings, draws bars whose lengths follow the ratings table', () => {
    const units = (r: Rating) => (r === 'weak' ? 1 : r === 'moderate' ? 2 : 3);
    const checked = new Set<string>();
    for (const a of framework.arguments) {
      if (!a.block) continue;
      const block = findBlock(a.category, a.block)!;
      const badge = childrenOf(nodeGroup(ratedRoot, a.element)).find((c) => classesOf(c).includes(`gsn-category-${a.category}`))!;
      const glyph = childrenOf(badge).find((c) => attr(c, 'class') === 'gsn-ratings')!;
      expect(glyph, `${a.element} has a glyph`).toBeDefined();
      expect(textOf(childrenOf(glyph).find((c) => c.nodeName === 'title')!)).toContain('practicality');
      const bars = childrenOf(glyph).filter((c) => classesOf(c).includes('gsn-ratings-bar'));
      expect(bars).toHaveLength(3);
      const ratings = [block.practicality, block.maxStrength, block.scalability];
      bars.forEach((bar, i) => {
        expect(classesOf(bar)).toContain(`gsn-rating-${ratings[i]}`);
        if (ratings[i] === 'varies') {
          expect(numAttr(bar, 'width')).toBeCloseTo(GLYPH_WIDTH, 2);
          expect(attr(bar, 'fill')).toBe('none');
          expect(attr(bar, 'stroke-dasharray')).not.toBeNull();
        } else {
          expect(numAttr(bar, 'width'), `${a.element} bar ${i}`).toBeCloseTo(units(ratings[i]!) * GLYPH_UNIT, 2);
        }
      });
      checked.add(`${a.category}/${a.block}`);
    }
    // A few blocks with different shapes of ratings are covered.
    for (const key of ['control/monitoring', 'control/isolation', 'trustworthiness/not-alignment-faking', 'deference/deferring-to-truthful-ai', 'inability/dangerous-capability-evals']) {
      expect(checked, key).toContain(key);
    }
    expect(withClass(withClass(ratedRoot, 'gsn-legend')[0]!, 'gsn-legend-ratings')).toHaveLength(1);
  });

  it('keeps the GSN layout rules (no overlaps, text inside) with and without ratings', () => {
    expectGsnRules(plain.model!, plain.layout);
    expectGsnRules(rated.model!, rated.layout);
  });

  it('puts every badge and glyph inside its shape, above the ID label', () => {
    expectBadgesInside(plain.layout);
    expectBadgesInside(rated.layout);
  });

  it('places the legend inside the diagram, clear of every node and edge', () => {
    for (const layout of [plain.layout, rated.layout]) expectLegendClear(layout);
  });

  it('matches the golden SVG (with --ratings)', () => {
    expectGolden('framework-diagram/ai-deployment.ratings.svg', rated.svg);
  });
});

describe('framework diagram: other documents', () => {
  it('lists only the categories a case uses (ai-holes: inability and control)', async () => {
    const result = await build(source('ai-holes.gsn'));
    const root = parseSvg(result.svg);
    const legend = withClass(root, 'gsn-legend')[0]!;
    const listed = withClass(legend, 'gsn-legend-category').map((g) => classesOf(g).find((c) => c.startsWith('gsn-category-')));
    expect(listed).toEqual(['gsn-category-inability', 'gsn-category-control']);
    expect(result.layout.legend!.rows.filter((r) => r.type === 'category').map((r) => r.type === 'category' && r.category)).toEqual(['inability', 'control']);
    expectGsnRules(result.model!, result.layout);
    expectLegendClear(result.layout);
  });

  it('draws nothing of the framework, and the same bytes, for a case without its annotations', async () => {
    for (const name of ['minimal.gsn', 'shared-evidence.gsn', 'hazard-directed.gsn']) {
      const text = source(name);
      const plain = await build(text);
      const rated = await build(text, { ratings: true });
      expect(rated.svg, name).toBe(plain.svg);
      expect(plain.framework, name).toBeNull();
      expect(plain.layout.legend, name).toBeUndefined();
      expect(plain.layout.nodes.every((n) => n.badges === undefined && n.trust === undefined), name).toBe(true);
      expect(plain.svg).not.toMatch(/gsn-badge|gsn-legend|gsn-category-|gsn-trust|gsn-ratings/);
      expect(plain.svg.match(/<style/g)).toHaveLength(1);
    }
  });

  it('draws a category without a block, several categories on one node, and a strategy badge inside the slant', async () => {
    const text = [
      'goal G1 "Top" @control @inability(dangerous-capability-evals) {',
      '  strategy S1 "Argue over each subsystem" @trustworthiness(testbeds) {',
      '    goal G2 "Leaf" @deference(deferring-to-truthful-ai) { solution Sn1 "Evidence" }',
      '  }',
      '  context C1 "Untrusted component" @untrusted',
      '}',
    ].join('\n');
    const result = await build(text, { ratings: true });
    const g1 = result.layout.nodes.find((n) => n.id === 'G1')!;
    expect(g1.badges!.map((b) => b.text)).toEqual(['control', 'inability \u00b7 dangerous-capability-evals']);
    // Stacked, not overlapping.
    expect(g1.badges![1]!.y).toBeGreaterThanOrEqual(g1.badges![0]!.y + g1.badges![0]!.height);
    // No block, no ratings, no glyph.
    const first = g1.badges![0]!;
    expect(first.type === 'category' && first.glyph).toBe(null);
    const root = parseSvg(result.svg);
    expect(classesOf(nodeGroup(root, 'G1'))).toEqual(expect.arrayContaining(['gsn-category-control', 'gsn-category-inability']));
    expect(classesOf(nodeGroup(root, 'S1'))).toContain('gsn-category-trustworthiness');
    expect(classesOf(nodeGroup(root, 'C1'))).toContain('gsn-untrusted');
    expectGsnRules(result.model!, result.layout);
    expectBadgesInside(result.layout);
    expectLegendClear(result.layout);
  });

  it('writes the block name as text, escaped and sanitised', async () => {
    // An unknown block is an error, so nothing is drawn at all: the badge text can only ever be a
    // block from the table, or a category name.
    const result = await compile('goal G1 "x" @control(<script>)', { file: 't.gsn' });
    expect(result.svg).toBeNull();
    for (const b of BUILDING_BLOCKS) expect(b.block).toMatch(/^[a-z-]+$/);
  });

  it('parses --ratings on the command line', () => {
    expect(parseCliArgs(['build', 'a.gsn', '--ratings']).ratings).toBe(true);
    expect(parseCliArgs(['build', 'a.gsn']).ratings).toBe(false);
  });
});

/** Every pill and glyph lies inside its node's shape (strategies: inside the slant), above the ID label. */
function expectBadgesInside(layout: Layout): void {
  for (const n of layout.nodes) {
    for (const b of n.badges ?? []) {
      const boxes = [b, ...(b.type === 'category' && b.glyph ? [b.glyph] : [])];
      for (const box of boxes) {
        for (const y of [box.y, box.y + box.height]) {
          const span = spanAt(n, y);
          expect(span, `${n.id}: badge inside vertically`).not.toBeNull();
          expect(box.x, `${n.id}: badge inside on the left`).toBeGreaterThanOrEqual(span![0] - EPS);
          expect(box.x + box.width, `${n.id}: badge inside on the right`).toBeLessThanOrEqual(span![1] + EPS);
        }
        expect(box.y + box.height, `${n.id}: badge above the label`).toBeLessThanOrEqual(n.label.y - ASCENT + EPS);
      }
    }
  }
}

/** The legend is inside the diagram's margin and keeps clear of every node footprint and edge. */
function expectLegendClear(layout: Layout): void {
  const legend = layout.legend;
  expect(legend).toBeDefined();
  const l = legend!;
  expect(l.x).toBeGreaterThanOrEqual(0);
  expect(l.y).toBeGreaterThanOrEqual(0);
  expect(l.x + l.width).toBeLessThanOrEqual(layout.width + EPS);
  expect(l.y + l.height).toBeLessThanOrEqual(layout.height + EPS);
  const apart = (b: { x: number; y: number; width: number; height: number }) =>
    b.x >= l.x + l.width || b.x + b.width <= l.x || b.y >= l.y + l.height || b.y + b.height <= l.y;
  for (const n of layout.nodes) expect(apart(footprint(n)), `legend clear of ${n.id}`).toBe(true);
  for (const e of layout.edges) {
    for (let i = 0; i + 1 < e.points.length; i++) {
      const p = e.points[i]!;
      const q = e.points[i + 1]!;
      const seg = { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(p.x - q.x), height: Math.abs(p.y - q.y) };
      expect(apart(seg), `legend clear of ${e.from}>${e.to}`).toBe(true);
    }
  }
  // Rows inside the box.
  for (const row of l.rows) {
    const texts = row.type === 'ratings' ? row.labels : [row.label];
    for (const t of texts) {
      expect(t.x).toBeGreaterThan(l.x);
      expect(t.y).toBeLessThan(l.y + l.height);
    }
  }
}

function footprint(n: LayoutNode) {
  const letter = n.kind === 'assumption' || n.kind === 'justification';
  return {
    x: n.x,
    y: n.y,
    width: n.width + (letter ? LETTER_RESERVE_X : 0),
    height: n.height + Math.max(decorationHeight(n.undeveloped, n.uninstantiated), letter ? LETTER_RESERVE_Y : 0),
  };
}
