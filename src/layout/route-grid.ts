/**
 * The visibility grid of route-around.ts. Its lines run along the sides of the boxes expanded by
 * CLEAR, through the ports, the ends of the drawn lines and along the region's border, plus the
 * midline of every wide gap (so a route can keep clear of both sides). Each grid edge gets a cost
 * per px (blocked within TOUCH of a box, dearer within CLEAR of one, dearer on or beside a line
 * already drawn, as route-lines.ts prices it) and a fixed cost for crossing a drawn line.
 */
import { along, BESIDE, CLEAR, grow, TOUCH, type LineCosts, type Rect, type Segment } from './route-lines.js';
import type { Point } from './types.js';

export interface Grid {
  xs: number[];
  ys: number[];
  /**
   * Horizontal edge (i,j)-(i+1,j) at j*(nx-1)+i: cost factor per px (Infinity: blocked), the
   * extra factor for running on or beside drawn lines (the worst one: a bus drawn by several
   * edges counts once) and the fixed cost of crossings.
   */
  hFactor: Float64Array;
  hAlong: Float64Array;
  hExtra: Float64Array;
  /** Vertical edge (i,j)-(i,j+1) at j*nx+i. */
  vFactor: Float64Array;
  vAlong: Float64Array;
  vExtra: Float64Array;
}

/** Extra cost factor per px close to a box. */
const NEAR_BOX = 1;
const EPS = 0.01;

/** The grid, or null when it would have more than `maxNodes` nodes. */
export function buildGrid(
  region: Rect,
  boxes: readonly Rect[],
  lines: readonly Segment[],
  points: readonly Point[],
  limits: { maxNodes: number; costs: LineCosts },
): Grid | null {
  const xv = [region.x0, region.x1, ...points.map((p) => p.x)];
  const yv = [region.y0, region.y1, ...points.map((p) => p.y)];
  // Columns half as far from the boxes too, when there are lines to keep off: a gap between
  // siblings (ELK leaves 24 px) then has three lanes, not one, so two routes through it need not
  // run on top of each other.
  for (const b of boxes) xv.push(b.x0 - CLEAR, b.x1 + CLEAR);
  if (lines.length > 0) for (const b of boxes) xv.push(b.x0 - CLEAR / 2, b.x1 + CLEAR / 2);
  for (const b of boxes) yv.push(b.y0 - CLEAR, b.y1 + CLEAR);
  // Where drawn lines start, end and turn: a grid edge is then beside a line all along or not at all.
  for (const l of lines) xv.push(l.a.x, l.b.x);
  for (const l of lines) yv.push(l.a.y, l.b.y);
  const xs = axis(xv, region.x0, region.x1);
  const ys = axis(yv, region.y0, region.y1);
  const nx = xs.length;
  const ny = ys.length;
  if (nx * ny > limits.maxNodes || nx < 2 || ny < 2) return null;
  const grid: Grid = {
    xs,
    ys,
    hFactor: new Float64Array((nx - 1) * ny).fill(1),
    hAlong: new Float64Array((nx - 1) * ny),
    hExtra: new Float64Array((nx - 1) * ny),
    vFactor: new Float64Array(nx * (ny - 1)).fill(1),
    vAlong: new Float64Array(nx * (ny - 1)),
    vExtra: new Float64Array(nx * (ny - 1)),
  };
  for (const b of boxes) {
    markRect(grid, grow(b, CLEAR), (f) => f + NEAR_BOX);
    markRect(grid, grow(b, TOUCH), () => Infinity);
  }
  for (const s of lines) markLine(grid, s, limits.costs);
  return grid;
}

/** Sorted distinct coordinates inside [lo, hi], with the midline of every gap of 2 CLEAR or more. */
function axis(values: number[], lo: number, hi: number): number[] {
  const sorted = [...new Set(values.filter((v) => v >= lo && v <= hi))].sort((a, b) => a - b);
  const out: number[] = [];
  sorted.forEach((v, k) => {
    const prev = sorted[k - 1];
    if (prev !== undefined && v - prev >= 2 * CLEAR) out.push((prev + v) / 2);
    out.push(v);
  });
  return out;
}

/** First index whose value is >= v (or > v with `strict`). */
function bound(arr: readonly number[], v: number, strict = false): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? arr[mid]! <= v : arr[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Applies `f` to the factor of every grid edge that enters the open interior of `r`. */
function markRect(grid: Grid, r: Rect, f: (factor: number) => number): void {
  const { xs, ys } = grid;
  const nx = xs.length;
  // Rows strictly inside, horizontal edges overlapping (x0, x1).
  const j0 = bound(ys, r.y0 + EPS, true);
  const j1 = bound(ys, r.y1 - EPS);
  const i0 = Math.max(0, bound(xs, r.x0 + EPS, true) - 1);
  const i1 = Math.min(nx - 1, bound(xs, r.x1 - EPS));
  for (let j = j0; j < j1; j++) for (let i = i0; i < i1; i++) grid.hFactor[j * (nx - 1) + i] = f(grid.hFactor[j * (nx - 1) + i]!);
  // Columns strictly inside, vertical edges overlapping (y0, y1).
  const c0 = bound(xs, r.x0 + EPS, true);
  const c1 = bound(xs, r.x1 - EPS);
  const r0 = Math.max(0, bound(ys, r.y0 + EPS, true) - 1);
  const r1 = Math.min(ys.length - 1, bound(ys, r.y1 - EPS));
  for (let j = r0; j < r1; j++) for (let i = c0; i < c1; i++) grid.vFactor[j * nx + i] = f(grid.vFactor[j * nx + i]!);
}

/** Makes running on or beside `s` dear and crossing it cost `costs.cross`. */
function markLine(grid: Grid, s: Segment, costs: LineCosts): void {
  const { xs, ys } = grid;
  const nx = xs.length;
  if (Math.abs(s.a.y - s.b.y) < EPS) {
    const y = s.a.y;
    const a = Math.min(s.a.x, s.b.x);
    const b = Math.max(s.a.x, s.b.x);
    const i0 = Math.max(0, bound(xs, a + 0.5, true) - 1);
    const i1 = Math.min(nx - 1, bound(xs, b - 0.5));
    for (let j = bound(ys, y - BESIDE, true); j < bound(ys, y + BESIDE); j++) {
      const by = along(ys[j]! - y, s, costs);
      for (let i = i0; i < i1; i++) raise(grid.hAlong, j * (nx - 1) + i, by);
    }
    const j = bound(ys, y, true) - 1; // the vertical edge from ys[j] <= y down to ys[j+1] > y
    if (j < 0 || j >= ys.length - 1 || costs.cross === 0) return;
    for (let i = bound(xs, a + EPS, true); i < bound(xs, b - EPS); i++) add(grid.vExtra, j * nx + i, costs.cross);
    return;
  }
  if (Math.abs(s.a.x - s.b.x) >= EPS) return; // not axis-parallel: nothing to follow
  const x = s.a.x;
  const a = Math.min(s.a.y, s.b.y);
  const b = Math.max(s.a.y, s.b.y);
  const j0 = Math.max(0, bound(ys, a + 0.5, true) - 1);
  const j1 = Math.min(ys.length - 1, bound(ys, b - 0.5));
  for (let i = bound(xs, x - BESIDE, true); i < bound(xs, x + BESIDE); i++) {
    const by = along(xs[i]! - x, s, costs);
    for (let j = j0; j < j1; j++) raise(grid.vAlong, j * nx + i, by);
  }
  const i = bound(xs, x, true) - 1;
  if (i < 0 || i >= nx - 1 || costs.cross === 0) return;
  for (let j = bound(ys, a + EPS, true); j < bound(ys, b - EPS); j++) add(grid.hExtra, j * (nx - 1) + i, costs.cross);
}

function add(values: Float64Array, k: number, by: number): void {
  values[k] = values[k]! + by;
}

function raise(values: Float64Array, k: number, to: number): void {
  values[k] = Math.max(values[k]!, to);
}

