/**
 * Dialectic extension end to end: the example compiles, the core layout rules still hold, every
 * challenge is drawn from its challenger's outline to its target, and the SVG carries the
 * extension's classes (golden).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { pathMidpoint } from '../../src/layout/geometry.js';
import type { Layout, Point } from '../../src/layout/types.js';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
import { byId, expectGsnRules, onOutline, onPolyline } from '../layout/rules.js';

const FILE = 'examples/ext-dialectic.gsn';
const text = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');
const close = (a: Point, b: Point) => Math.abs(a.x - b.x) < 0.05 && Math.abs(a.y - b.y) < 0.05;


describe('dialectic extension, end to end', async () => {
  const result = await compile(text, { file: FILE });
  const layout = result.layout as Layout;

  it('compiles without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.svg).not.toBeNull();
  });

  it('keeps the core layout rules', () => {
    expectGsnRules(result.model!, layout);
  });

  it('draws each challenge orthogonally from the challenger top to its target', () => {
    const nodes = byId(layout);
    expect(layout.challenges).toHaveLength(result.model!.challenges!.length);
    for (const c of layout.challenges ?? []) {
      const from = nodes.get(c.from)!;
      const [first] = c.points;
      const last = c.points[c.points.length - 1]!;
      expect(close(first!, { x: from.x + from.width / 2, y: from.y }), `${c.from} starts on its top`).toBe(true);
      for (let i = 1; i < c.points.length; i++) {
        const a = c.points[i - 1]!;
        const b = c.points[i]!;
        expect(Math.abs(a.x - b.x) < 0.05 || Math.abs(a.y - b.y) < 0.05, `${c.from} is orthogonal`).toBe(true);
      }
      if (c.target.type === 'element') {
        const to = nodes.get(c.target.id)!;
        expect(onOutline(to, last), `${c.from} ends on ${c.target.id}`).toBe(true);
        expect(last.y).toBeGreaterThan(to.y + to.height / 2); // from below: challenges point upwards
        continue;
      }
      const t = c.target;
      const link = layout.edges.find((e) => e.from === t.from && e.to === t.to)?.points
        ?? layout.challenges?.find((o) => o.from === t.from && o.target.type === 'element' && o.target.id === t.to)?.points;
      expect(link, `${t.from} -> ${t.to} is drawn`).toBeDefined();
      expect(onPolyline(link!, last), `${c.from} ends on ${t.from} -> ${t.to}`).toBe(true);
      expect(close(pathMidpoint(link!).point, last)).toBe(true);
    }
  });

  it('marks counter, defeated and challenges in the SVG', () => {
    const svg = result.svg!;
    expect(svg.match(/class="gsn-node gsn-goal gsn-counter"/g)).toHaveLength(4);
    expect(svg.match(/class="gsn-node gsn-solution gsn-counter"/g)).toHaveLength(4);
    expect(svg).toContain('class="gsn-node gsn-solution gsn-counter gsn-defeated"');
    expect(svg).toContain('class="gsn-node gsn-strategy gsn-defeated"');
    expect(svg.match(/class="gsn-edge gsn-challenges( gsn-defeated)?"/g)).toHaveLength(6);
    expect(svg).toContain('class="gsn-edge gsn-challenges gsn-defeated"');
    expect(svg).toContain('class="gsn-edge gsn-supported-by gsn-defeated"');
    expect(svg).toContain('id="gsn-arrow-open"');
    expect(svg.match(/class="gsn-defeat-mark"/g)).toHaveLength(5); // G2, S2, CSn2; Sn3 link; CSn2 challenge
  });

  it('matches the goldens', () => {
    expectGolden('extensions/ext-dialectic.svg', result.svg!);
    expectGolden('extensions/ext-dialectic.layout.json', toGoldenJson(layout));
    expectGolden('extensions/ext-dialectic.model.json', toGoldenJson(result.model));
  });
});

describe('a core case is unchanged by the extensions', () => {
  it('has no extension markers, styles or fields', async () => {
    const r = await compile('goal G1 "a" { solution Sn1 "b" }');
    expect(r.svg).not.toContain('gsn-arrow-open');
    expect(r.svg).not.toContain('gsn-counter');
    expect(r.layout).not.toHaveProperty('challenges');
  });
});
