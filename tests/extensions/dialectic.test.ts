/**
 * Dialectic extension end to end: the example compiles, the core layout rules still hold, every
 * challenge is routed around the boxes from its challenger's outline to its target (more cases in
 * tests/layout/challenge-routes.test.ts), and the SVG carries the extension's classes (golden).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { pathMidpoint } from '../../src/layout/geometry.js';
import type { Layout, Point } from '../../src/layout/types.js';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
import { expectChallengeRoutes } from '../layout/challenge-rules.js';
import { byId, expectGsnRules } from '../layout/rules.js';

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

  it('routes each challenge orthogonally around the boxes, from the challenger to its target', () => {
    expect(layout.challenges).toHaveLength(result.model!.challenges!.length);
    expectChallengeRoutes(layout);
  });

  it('points challenges of elements up into their bottom, and lands on a link at its middle when that is free', () => {
    const nodes = byId(layout);
    for (const c of layout.challenges ?? []) {
      const last = c.points[c.points.length - 1]!;
      if (c.target.type === 'element') {
        const to = nodes.get(c.target.id)!;
        expect(last.y, `${c.from} ends on the bottom of ${to.id}`).toBeGreaterThan(to.y + to.height / 2);
      }
    }
    // G6 -> Sn3 is drawn on its own (no sibling shares its bus): CSn5 lands on its middle.
    const csn5 = layout.challenges!.find((c) => c.from === 'CSn5')!;
    const link = layout.edges.find((e) => e.from === 'G6' && e.to === 'Sn3')!.points;
    expect(close(pathMidpoint(link).point, csn5.points[csn5.points.length - 1]!)).toBe(true);
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
