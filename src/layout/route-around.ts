/**
 * A small obstacle-aware orthogonal router for lines drawn after ELK has placed everything (the
 * dialectic extension's challenges). A* (route-search.ts) over the visibility grid of
 * route-grid.ts, where every bend costs BEND: the cheapest route is short, has few bends, keeps
 * CLEAR of the boxes and stays off the lines already drawn.
 *
 * The search runs between ports: each has its exact end (`at`, on an outline or a link) and a
 * `stub` a short straight leg away, outside every box; the search goes from stub to stub and the
 * legs are added at both ends. It looks only at the boxes and lines near the ports (a margin
 * around them, widened once when no route fits); when the way is crowded it settles for a plainer
 * route (see TRIES); and it gives up (null) when the grid or the search would grow past a fixed
 * budget, so its cost stays small next to ELK's on large diagrams. Pass one SearchSpace to many
 * calls to reuse its memory and share its allowance.
 */
import { buildGrid } from './route-grid.js';
import { bounds, CLEAR, FULL, grow, meets, PLAIN, type Rect, type Segment } from './route-lines.js';
import { BEND, lowerBound, search, SearchSpace, type Port } from './route-search.js';
import type { Point } from './types.js';

export { SearchSpace, type Dir, type Port } from './route-search.js';

export interface RouteRequest {
  starts: readonly Port[];
  ends: readonly Port[];
  /** The boxes to keep out of (all near the ports; the router picks the ones in its region). */
  boxes: readonly Rect[];
  /** The lines already drawn (likewise). */
  lines: readonly Segment[];
}

/** Margins around the ports' bounding box: the search region, then the wider retry. */
const MARGINS = [80, 400];
/**
 * The searches tried in turn, each when the one before found the way too dear. A route dearer
 * than CROWDED times the straight estimate (plus a few bends), or one that takes long to find,
 * means the way is crowded with lines, and a maze around every line reads worse than a route
 * that shares a stretch with one: so the next search cares less about lines (PLAIN), and the
 * last only keeps out of the boxes. Routes across a large part of the diagram, whose grid would
 * be large, go the same way, and so do all routes once the SearchSpace's allowance is spent.
 * Each with the most grid nodes and settled states it may use.
 */
const TRIES = [
  { costs: FULL, nodes: 20_000, states: 10_000, crowded: true },
  { costs: PLAIN, nodes: 40_000, states: 10_000, crowded: true },
  { costs: null, nodes: 120_000, states: 100_000, crowded: false },
] as const;
const CROWDED = 1.5;
const SPARE_BENDS = 6;

/** The cheapest orthogonal polyline from a start's `at` to an end's `at`, or null. */
export function routeAround(request: RouteRequest, space = new SearchSpace()): Point[] | null {
  const { starts, ends } = request;
  if (starts.length === 0 || ends.length === 0) return null;
  const points = [...starts, ...ends].flatMap((p) => [p.at, p.stub]);
  for (const margin of MARGINS) {
    const region = grow(bounds(points), margin);
    const near = grow(region, CLEAR);
    const boxes = request.boxes.filter((b) => meets(b, near));
    const lines = request.lines.filter((s) => meets(bounds([s.a, s.b]), region));
    const stubs = [...starts, ...ends].map((p) => p.stub);
    const cost = CROWDED * lowerBound(starts, ends) + SPARE_BENDS * BEND;
    for (const t of TRIES) {
      if (t.crowded && space.spent) continue;
      const grid = buildGrid(region, boxes, t.costs ? lines : [], stubs, { maxNodes: t.nodes, costs: t.costs ?? PLAIN });
      const found = grid ? search(grid, starts, ends, space, { cost: t.crowded ? cost : Infinity, states: t.states }) : 'dear';
      if (found === 'none') break; // no way through this region: try a wider one
      if (found !== 'dear') return found;
    }
  }
  return null;
}
