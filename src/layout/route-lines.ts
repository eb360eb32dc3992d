/**
 * The plain geometry of routing (rectangles, the pieces of lines already drawn) and what drawn
 * lines cost a route: running on top of one (it would read as that line), beside one (crowded),
 * across one. route-grid.ts prices its grid with these; the ports price their legs.
 */
import type { Point } from './types.js';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** An axis-parallel piece of a line already drawn; `line` names the polyline it belongs to. */
export interface Segment {
  a: Point;
  b: Point;
  line: number;
  /** A dashed line (a challenge): another dashed line close beside it reads as its double. */
  dashed?: boolean;
  /** The first or last leg of a challenge: a line on top of it would hide where it starts or its arrowhead. */
  end?: boolean;
}

/** Distance kept from boxes; ELK keeps its edges 12 px from nodes too. */
export const CLEAR = 12;
/** Routes never come closer to a box than this (a line on a box's border reads as the border). */
export const TOUCH = 3;
/**
 * Parallel lines closer than ON read as one; closer than BESIDE (ELK's spacing), as crowded, and a
 * dashed line beside another dashed one as its double (beside a solid one it still reads as itself).
 */
export const ON = 5;
export const BESIDE = 10;

/** What drawn lines cost a route: per px on one (on a challenge's end leg), beside a solid or a dashed one, per crossing. */
export interface LineCosts {
  on: number;
  onEnd: number;
  beside: number;
  besideDashed: number;
  cross: number;
}

/** The costs of a full search: keep off the lines. */
export const FULL: LineCosts = { on: 8, onEnd: 40, beside: 0.5, besideDashed: 2, cross: 16 };
/** Of a plain search, for crowded ways: only running on top of a line costs, and less. */
export const PLAIN: LineCosts = { on: 4, onEnd: 20, beside: 0, besideDashed: 0, cross: 0 };
const EPS = 0.01;

/** The bounding rectangle of the points. */
export function bounds(points: readonly Point[]): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return { x0, y0, x1, y1 };
}

/** True when the closed rectangles share a point. */
export function meets(a: Rect, b: Rect): boolean {
  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;
}

export function grow(r: Rect, by: number): Rect {
  return { x0: r.x0 - by, y0: r.y0 - by, x1: r.x1 + by, y1: r.y1 + by };
}

/** Extra cost factor per px of running `gap` px beside a drawn line (0 when far enough). */
export function along(gap: number, s: Segment, costs: LineCosts): number {
  const d = Math.abs(gap);
  if (d < ON) return s.end ? costs.onEnd : costs.on;
  return d < BESIDE ? (s.dashed ? costs.besideDashed : costs.beside) : 0;
}

/**
 * True when the axis-parallel leg a-b keeps `margin` px out of every box but `own` (with a
 * margin, a stub on a box's border is refused: a route could reach it only along that border).
 */
export function legClear(a: Point, b: Point, boxes: readonly Rect[], own: Rect | null, margin = 0): boolean {
  const r = grow({ x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) }, margin);
  return boxes.every((o) => o === own || !(r.x0 < o.x1 - EPS && r.x1 > o.x0 + EPS && r.y0 < o.y1 - EPS && r.y1 > o.y0 + EPS));
}

/** The cost a grid with these costs would give the leg a-b for running along or crossing drawn lines. */
export function legCost(a: Point, b: Point, lines: readonly Segment[], costs: LineCosts = FULL): number {
  const horizontal = Math.abs(a.y - b.y) < EPS;
  const lo = horizontal ? Math.min(a.x, b.x) : Math.min(a.y, b.y);
  const hi = horizontal ? Math.max(a.x, b.x) : Math.max(a.y, b.y);
  const at = horizontal ? a.y : a.x;
  let cost = 0;
  for (const s of lines) {
    const sh = Math.abs(s.a.y - s.b.y) < EPS;
    const sv = Math.abs(s.a.x - s.b.x) < EPS;
    const slo = sh ? Math.min(s.a.x, s.b.x) : Math.min(s.a.y, s.b.y);
    const shi = sh ? Math.max(s.a.x, s.b.x) : Math.max(s.a.y, s.b.y);
    const sAt = sh ? s.a.y : s.a.x;
    if (horizontal ? sh : sv) cost += along(sAt - at, s, costs) * Math.max(0, Math.min(hi, shi) - Math.max(lo, slo));
    else if ((horizontal ? sv : sh) && sAt > lo + EPS && sAt < hi - EPS && at > slo + EPS && at < shi - EPS) cost += costs.cross;
  }
  return cost;
}
