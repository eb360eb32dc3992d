/**
 * The A* of route-around.ts over a route-grid.ts grid. A state is a grid node and the heading the
 * route arrived with, so a bend costs BEND; the search runs from the start ports' stubs to a goal
 * state reached through any end port's stub. Its arrays live in a SearchSpace that one layout
 * reuses for all its routes (stamped per search instead of cleared), so many searches do not
 * churn memory.
 */
import { MinHeap } from './min-heap.js';
import type { Grid } from './route-grid.js';
import type { Point } from './types.js';

/** Heading: up, down, left, right (y grows downwards). */
export type Dir = 0 | 1 | 2 | 3;

export interface Port {
  /** Where the line ends: on an outline or on a link. */
  at: Point;
  /** The other end of the straight leg from `at`: where the search starts or stops. */
  stub: Point;
  /** Heading along the leg: from `at` to `stub` for a start, from `stub` to `at` for an end. */
  dir: Dir;
  /** Preference among the ports (added to the route's cost). */
  cost: number;
}

/** Cost of a bend, in px of length. */
export const BEND = 24;
const STEP: readonly (readonly [number, number])[] = [[0, -1], [0, 1], [-1, 0], [1, 0]];
const REVERSE: readonly Dir[] = [1, 0, 3, 2];

/**
 * Scratch arrays for searches, grown on demand (a state's entries count only under the current
 * stamp), and the states settled so far by all of them against an allowance for the careful
 * searches: past it the router keeps to its cheapest search, so a layout's routing stays in
 * proportion to its size however crowded it is.
 */
export class SearchSpace {
  cost = new Float64Array(0);
  prev = new Int32Array(0);
  seen = new Uint32Array(0);
  done = new Uint32Array(0);
  stamp = 0;
  settled = 0;

  constructor(readonly allowance = Infinity) {}

  /** True once the careful searches have used up the allowance. */
  get spent(): boolean {
    return this.settled > this.allowance;
  }

  /** Starts a search over `size` states. */
  begin(size: number): void {
    if (this.seen.length < size) {
      const n = Math.max(size, 2 * this.seen.length);
      this.cost = new Float64Array(n);
      this.prev = new Int32Array(n);
      this.seen = new Uint32Array(n);
      this.done = new Uint32Array(n);
      this.stamp = 0;
    }
    this.stamp++;
  }

  costOf(s: number): number {
    return this.seen[s] === this.stamp ? this.cost[s]! : Infinity;
  }

  reach(s: number, cost: number, from: number): void {
    this.seen[s] = this.stamp;
    this.cost[s] = cost;
    this.prev[s] = from;
  }
}

/**
 * The cheapest polyline from a start's `at` to an end's `at`. 'none' when there is none; 'dear'
 * when every route would cost more than `budget.cost`, or the search would settle more than
 * `budget.states` states.
 */
export function search(
  grid: Grid,
  starts: readonly Port[],
  ends: readonly Port[],
  space: SearchSpace,
  budget: { cost: number; states: number },
): Point[] | 'none' | 'dear' {
  const { xs, ys } = grid;
  const nx = xs.length;
  const ny = ys.length;
  const nodeOf = (p: Point) => {
    const i = xs.indexOf(p.x);
    const j = ys.indexOf(p.y);
    return i < 0 || j < 0 ? -1 : j * nx + i;
  };
  const goal = nx * ny * 4;
  space.begin(goal + 1);
  const heap = new MinHeap();
  const startPort = new Map<number, Port>();
  for (const p of starts) {
    const node = nodeOf(p.stub);
    const s = node * 4 + p.dir;
    if (node < 0 || p.cost >= space.costOf(s)) continue;
    space.reach(s, p.cost, -1);
    startPort.set(s, p);
    heap.push(p.cost + estimate(p.stub.x, p.stub.y, p.dir, ends), p.cost, s);
  }
  const endsAt = new Map<number, Port[]>();
  for (const p of ends) {
    const node = nodeOf(p.stub);
    if (node >= 0) endsAt.set(node, [...(endsAt.get(node) ?? []), p]);
  }
  let endPort: Port | null = null;
  let settled = 0;
  while (heap.size > 0) {
    if (heap.peekKey() > budget.cost) return 'dear';
    const s = heap.pop();
    if (space.done[s] === space.stamp) continue;
    space.done[s] = space.stamp;
    space.settled++;
    if (s === goal) return path(grid, space, goal, startPort, endPort!);
    if (++settled > budget.states) return 'dear';
    const node = s >> 2;
    const dir = (s & 3) as Dir;
    const g = space.cost[s]!;
    for (const p of endsAt.get(node) ?? []) {
      const c = g + p.cost + turn(dir, p.dir);
      if (c >= space.costOf(goal)) continue;
      space.reach(goal, c, s);
      endPort = p;
      heap.push(c, c, goal);
    }
    const i = node % nx;
    const j = (node - i) / nx;
    for (let d = 0 as Dir; d < 4; d++) {
      if (d === REVERSE[dir]) continue;
      const ti = i + STEP[d]![0];
      const tj = j + STEP[d]![1];
      if (ti < 0 || tj < 0 || ti >= nx || tj >= ny) continue;
      // The grid edge between the two nodes: its cost per px, and the fixed cost of crossings.
      const flat = d >= 2;
      const k = flat ? j * (nx - 1) + Math.min(i, ti) : Math.min(j, tj) * nx + i;
      const factor = flat ? grid.hFactor[k]! + grid.hAlong[k]! : grid.vFactor[k]! + grid.vAlong[k]!;
      if (factor === Infinity) continue;
      const length = flat ? Math.abs(xs[ti]! - xs[i]!) : Math.abs(ys[tj]! - ys[j]!);
      const c = g + length * factor + (flat ? grid.hExtra[k]! : grid.vExtra[k]!) + (d === dir ? 0 : BEND);
      const t = (tj * nx + ti) * 4 + d;
      if (c >= space.costOf(t)) continue;
      space.reach(t, c, s);
      heap.push(c + estimate(xs[ti]!, ys[tj]!, d, ends), c, t);
    }
  }
  return 'none';
}

/** The estimate from the cheapest start: no route costs less. */
export function lowerBound(starts: readonly Port[], ends: readonly Port[]): number {
  return Math.min(...starts.map((p) => p.cost + estimate(p.stub.x, p.stub.y, p.dir, ends)));
}

function turn(from: Dir, to: Dir): number {
  return from === to ? 0 : REVERSE[from] === to ? 2 * BEND : BEND;
}

/**
 * A lower bound of the cost from (x, y) heading `dir` to an end (consistent, so A* may settle
 * each state once): the distance and the port's cost, plus a bend unless the end's stub lies
 * straight ahead and the port keeps the heading.
 */
function estimate(x: number, y: number, dir: Dir, ends: readonly Port[]): number {
  let best = Infinity;
  for (const e of ends) {
    const dx = e.stub.x - x;
    const dy = e.stub.y - y;
    const ahead = dir === 0 ? dx === 0 && dy <= 0 : dir === 1 ? dx === 0 && dy >= 0 : dir === 2 ? dy === 0 && dx <= 0 : dy === 0 && dx >= 0;
    best = Math.min(best, Math.abs(dx) + Math.abs(dy) + e.cost + (ahead && dir === e.dir ? 0 : BEND));
  }
  return best;
}

function path(grid: Grid, space: SearchSpace, goal: number, startPort: Map<number, Port>, end: Port): Point[] {
  const nx = grid.xs.length;
  const states: number[] = [];
  for (let s = space.prev[goal]!; s >= 0; s = space.prev[s]!) states.push(s);
  states.reverse();
  const start = startPort.get(states[0]!)!;
  const nodes = states.map((s) => ({ x: grid.xs[(s >> 2) % nx]!, y: grid.ys[Math.floor((s >> 2) / nx)]! }));
  return straighten([start.at, ...nodes, end.at]);
}

/** Drops repeated points and the middle points of straight runs. */
function straighten(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (last && before && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) out.pop();
    out.push(p);
  }
  return out;
}
