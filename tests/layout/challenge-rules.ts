/**
 * Assertions on the drawing of `challenges` (dialectic extension): every route orthogonal, from the
 * challenger's outline to the challenged element's outline or onto a visible point of the
 * challenged link, entering no element's footprint but at its own ends.
 */
import { expect } from 'vitest';
import type { Layout, LayoutChallenge, LayoutNode, Point } from '../../src/layout/types.js';
import { byId, footprint, onOutline, onPolyline, type Box } from './rules.js';

const EPS = 0.05;

/** The polyline a challenge of a link lands on: the model edge, or the challenged challenge. */
export function challengedLink(layout: Layout, c: LayoutChallenge): Point[] | undefined {
  const t = c.target;
  if (t.type !== 'relation') return undefined;
  return (
    layout.edges.find((e) => e.from === t.from && e.to === t.to)?.points ??
    layout.challenges?.find((o) => o.from === t.from && o.target.type === 'element' && o.target.id === t.to)?.points
  );
}

/** True when the axis-parallel segment a-b enters the open interior of the box. */
export function entersBox(a: Point, b: Point, box: Box): boolean {
  return (
    Math.min(a.x, b.x) < box.x + box.width - EPS &&
    Math.max(a.x, b.x) > box.x + EPS &&
    Math.min(a.y, b.y) < box.y + box.height - EPS &&
    Math.max(a.y, b.y) > box.y + EPS
  );
}

/** Length of `points` that runs on top of (collinear, overlapping) the segments of `other`. */
export function overlapLength(points: readonly Point[], other: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const flat = Math.abs(a.y - b.y) < EPS;
    for (let k = 1; k < other.length; k++) {
      const p = other[k - 1]!;
      const q = other[k]!;
      const same = flat ? Math.abs(p.y - q.y) < EPS && Math.abs(p.y - a.y) < 1 : Math.abs(p.x - q.x) < EPS && Math.abs(p.x - a.x) < 1;
      if (!same) continue;
      const [lo, hi] = flat ? [Math.min(a.x, b.x), Math.max(a.x, b.x)] : [Math.min(a.y, b.y), Math.max(a.y, b.y)];
      const [olo, ohi] = flat ? [Math.min(p.x, q.x), Math.max(p.x, q.x)] : [Math.min(p.y, q.y), Math.max(p.y, q.y)];
      total += Math.max(0, Math.min(hi, ohi) - Math.max(lo, olo));
    }
  }
  return total;
}

/**
 * onOutline, with room for the layout's rounding to 0.01 px where an ellipse is steep (near its
 * top and bottom a rounded y moves the outline's x by much more than 0.01).
 */
function nearOutline(n: LayoutNode, p: Point): boolean {
  if (n.kind !== 'solution' && n.kind !== 'assumption' && n.kind !== 'justification') return onOutline(n, p);
  const a = n.width / 2;
  const b = n.height / 2;
  const r = Math.hypot((p.x - n.x - a) / a, (p.y - n.y - b) / b);
  return Math.abs(r - 1) * Math.min(a, b) < 0.05;
}

/** Asserts the drawing rules of every challenge of the layout. */
export function expectChallengeRoutes(layout: Layout): void {
  const nodes = byId(layout);
  for (const c of layout.challenges ?? []) {
    const name = `${c.from} challenges ${c.target.type === 'element' ? c.target.id : `${c.target.from} -> ${c.target.to}`}`;
    const points = c.points;
    expect(points.length, `${name}: drawn`).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      expect(Math.abs(a.x - b.x) < EPS || Math.abs(a.y - b.y) < EPS, `${name}: segment ${i} axis-parallel`).toBe(true);
    }
    const from = nodes.get(c.from)!;
    const last = points[points.length - 1]!;
    expect(nearOutline(from, points[0]!), `${name}: starts on ${c.from}`).toBe(true);
    const target: LayoutNode | undefined = c.target.type === 'element' ? nodes.get(c.target.id) : undefined;
    if (target) {
      expect(nearOutline(target, last), `${name}: ends on ${target.id}`).toBe(true);
    } else {
      const link = challengedLink(layout, c);
      expect(link, `${name}: its link is drawn`).toBeDefined();
      expect(onPolyline(link!, last), `${name}: ends on the link`).toBe(true);
      for (const n of layout.nodes) {
        const f = footprint(n);
        const inside = last.x > f.x - EPS && last.x < f.x + f.width + EPS && last.y > f.y - EPS && last.y < f.y + f.height + EPS;
        expect(inside, `${name}: ends on a visible point of the link, not on ${n.id}`).toBe(false);
      }
    }
    // No element's footprint is entered, except the challenger's by the first segment and the
    // challenged element's by the last (the shapes inside their boxes are not all rectangles).
    for (const n of layout.nodes) {
      const box = footprint(n);
      for (let i = 1; i < points.length; i++) {
        const own = (n === from && i === 1) || (n === target && i === points.length - 1);
        if (own) continue;
        expect(entersBox(points[i - 1]!, points[i]!, box), `${name}: segment ${i} enters ${n.id}`).toBe(false);
      }
    }
  }
}
