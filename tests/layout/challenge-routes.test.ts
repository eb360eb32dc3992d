/**
 * Routes of `challenges` (dialectic extension) around the laid-out diagram: the router on its own
 * (src/layout/route-around.ts), then whole cases (the example and generated wide and deep trees
 * with challengers below, above, left and right of what they challenge) checked for the drawing
 * rules: orthogonal, no element box entered but at the route's own ends, the arrow on the
 * challenged element's outline or on a visible point of the challenged link, nothing drawn on top
 * of another line, deterministic.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { routeAround, type Port } from '../../src/layout/route-around.js';
import type { Rect, Segment } from '../../src/layout/route-lines.js';
import type { Layout, Point } from '../../src/layout/types.js';
import { CROWDED_CASE, deepCase, wideCase } from './challenge-cases.js';
import { challengedLink, entersBox, expectChallengeRoutes, overlapLength } from './challenge-rules.js';
import { byId, expectGsnRules } from './rules.js';

const port = (at: Point, stub: Point, dir: Port['dir'], cost = 0): Port => ({ at, stub, dir, cost });
const asBox = (r: Rect) => ({ x: r.x0, y: r.y0, width: r.x1 - r.x0, height: r.y1 - r.y0 });

function expectClear(route: Point[], boxes: Rect[]): void {
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1]!;
    const b = route[i]!;
    expect(a.x === b.x || a.y === b.y).toBe(true);
    for (const r of boxes) expect(entersBox(a, b, asBox(r))).toBe(false);
  }
}

describe('routeAround', () => {
  // Up from (100, 300) to (100, 0); the ports' stubs are 12 px out.
  const up = { starts: [port({ x: 100, y: 300 }, { x: 100, y: 288 }, 0)], ends: [port({ x: 100, y: 0 }, { x: 100, y: 12 }, 0)] };

  it('goes straight when nothing is in the way', () => {
    expect(routeAround({ ...up, boxes: [], lines: [] })).toEqual([{ x: 100, y: 300 }, { x: 100, y: 0 }]);
  });

  it('goes around a box in the way, orthogonally, with few bends', () => {
    const boxes = [{ x0: 40, y0: 120, x1: 220, y1: 180 }];
    const route = routeAround({ ...up, boxes, lines: [] })!;
    expect(route[0]).toEqual({ x: 100, y: 300 });
    expect(route[route.length - 1]).toEqual({ x: 100, y: 0 });
    expectClear(route, boxes);
    expect(route.length).toBe(6); // up, aside, up past the box, back, up
  });

  it('keeps off a line already drawn when there is room', () => {
    const lines: Segment[] = [{ a: { x: 100, y: 250 }, b: { x: 100, y: 50 }, line: 0 }];
    const route = routeAround({ ...up, boxes: [], lines })!;
    expect(overlapLength(route, [lines[0]!.a, lines[0]!.b])).toBe(0);
  });

  it('takes the cheapest of several ports', () => {
    const ends = [port({ x: 100, y: 0 }, { x: 100, y: 12 }, 0, 500), port({ x: 300, y: 0 }, { x: 300, y: 12 }, 0)];
    const route = routeAround({ starts: up.starts, ends, boxes: [], lines: [] })!;
    expect(route[route.length - 1]).toEqual({ x: 300, y: 0 });
  });

  it('gives up (null) when the end is walled in', () => {
    const boxes = [
      { x0: 0, y0: -60, x1: 200, y1: -30 },
      { x0: 0, y0: 30, x1: 200, y1: 60 },
      { x0: -30, y0: -60, x1: 0, y1: 60 },
      { x0: 200, y0: -60, x1: 230, y1: 60 },
    ];
    expect(routeAround({ ...up, boxes, lines: [] })).toBeNull();
  });

  it('is deterministic', () => {
    const boxes = [{ x0: 40, y0: 120, x1: 160, y1: 180 }];
    expect(routeAround({ ...up, boxes, lines: [] })).toEqual(routeAround({ ...up, boxes, lines: [] }));
  });
});

/**
 * The cases, with what is asked of them beyond the rules: `shared`, how long a challenge may run
 * on top of another line (at most), and whether challenges of links must land where the link is
 * its own. The crowded case has no such room everywhere: a route may share a short stretch, and
 * the challenge of a link that leaves its element on a fork shared with a sibling may land on it.
 */
const CASES: [string, string, { shared: number; own: boolean }][] = [
  ['examples/ext-dialectic.gsn', readFileSync(new URL('../../examples/ext-dialectic.gsn', import.meta.url), 'utf8'), { shared: 0, own: true }],
  ['a wide tree', wideCase(12), { shared: 0, own: true }],
  ['a deep tree', deepCase(10), { shared: 0, own: true }],
  ['a crowded case', CROWDED_CASE, { shared: 24, own: false }],
];

/** Where each challenger sits relative to the end of its arrow. */
function directions(layout: Layout): Set<string> {
  const nodes = byId(layout);
  const seen = new Set<string>();
  for (const c of layout.challenges ?? []) {
    const from = nodes.get(c.from)!;
    const end = c.points[c.points.length - 1]!;
    if (from.y >= end.y) seen.add('below');
    if (from.y + from.height <= end.y) seen.add('above');
    if (from.x >= end.x) seen.add('right');
    if (from.x + from.width <= end.x) seen.add('left');
  }
  return seen;
}

describe.each(CASES)('challenge routes in %s', async (_name, text, expected) => {
  const result = await compile(text, { file: 'case.gsn' });
  const layout = result.layout as Layout;

  it('compiles without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(layout.challenges?.length).toBe(result.model!.challenges!.length);
  });

  it('keeps the core layout rules', () => {
    expectGsnRules(result.model!, layout);
  });

  it('draws every challenge around the boxes, onto its target', () => {
    expectChallengeRoutes(layout);
  });

  it('draws no challenge on top of another line', () => {
    const lines = [...layout.edges.map((e) => e.points), ...(layout.challenges ?? []).map((c) => c.points)];
    for (const c of layout.challenges ?? []) {
      const shared = lines.filter((o) => o !== c.points).reduce((sum, o) => sum + overlapLength(c.points, o), 0);
      expect(shared, `${c.from} runs along another line`).toBeLessThanOrEqual(expected.shared);
    }
  });

  it('is deterministic', async () => {
    const again = await compile(text, { file: 'case.gsn' });
    expect(again.layout!.challenges).toEqual(layout.challenges);
  });

  it.runIf(expected.own)('lands on links where the link is its own', () => {
    for (const c of layout.challenges ?? []) {
      const link = challengedLink(layout, c);
      if (!link) continue;
      const end = c.points[c.points.length - 1]!;
      const others = layout.edges.filter((e) => e.points !== link).map((e) => e.points);
      // The arrow's point lies on no other edge (a bus shared with the link's siblings).
      for (const o of others) expect(overlapLength([end, end], o) === 0 && !onSegment(o, end), `${c.from} lands on a shared line`).toBe(true);
    }
  });
});

function onSegment(points: readonly Point[], p: Point): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const inX = p.x >= Math.min(a.x, b.x) - 0.05 && p.x <= Math.max(a.x, b.x) + 0.05;
    const inY = p.y >= Math.min(a.y, b.y) - 0.05 && p.y <= Math.max(a.y, b.y) + 0.05;
    if (inX && inY) return true;
  }
  return false;
}

describe('the generated cases', () => {
  it('place challengers below, above, left and right of what they challenge', async () => {
    const seen = new Set<string>();
    for (const [, text] of CASES.slice(1, 3)) {
      const layout = (await compile(text, { file: 'case.gsn' })).layout as Layout;
      for (const d of directions(layout)) seen.add(d);
    }
    expect([...seen].sort()).toEqual(['above', 'below', 'left', 'right']);
  });
});
