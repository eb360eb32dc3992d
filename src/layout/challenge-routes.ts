/**
 * The drawing of a diagram's challenges, one at a time (challenges.ts says in which order): what
 * each is routed between (its ports), around what (the boxes and lines near it, found through a
 * SpatialIndex), with one SearchSpace and its allowance for them all. Every route drawn becomes a
 * line the later ones keep off; its first and last legs (where it starts, its arrowhead) count
 * most. Where a challenge of a link means to land is reserved before any is drawn, so no route
 * runs through an arrowhead still to come.
 */
import { challengerPorts, targetPorts, usualLanes } from './challenge-ports.js';
import { toElement, toLink } from './challenge-fallback.js';
import type { ShapeBox } from './geometry.js';
import { topCentre } from './geometry.js';
import { linkPorts } from './link-ports.js';
import { routeAround, SearchSpace, type Port, type RouteRequest } from './route-around.js';
import { bounds, grow, legCost, meets, ON, type Rect, type Segment } from './route-lines.js';
import { SpatialIndex } from './spatial-index.js';
import type { Point } from './types.js';

/**
 * States the careful searches of all challenges may settle together (see SearchSpace): enough for
 * every ordinary case, and in proportion to the diagram, so that routing costs little next to ELK
 * even when many challenges cross a large, crowded diagram.
 */
const ALLOWANCE_BASE = 100_000;
const ALLOWANCE_PER_ELEMENT = 100;
/** Distance from a challenge's ends within which its route may run (route-around.ts's widest region, and then some). */
const REACH = 480;
/** Counts only running on top of a line (see legCost). */
const ON_ONLY = { on: 1, onEnd: 1, beside: 0, besideDashed: 0, cross: 0 };

/** What challenge j is drawn between and around, for the router. */
export interface Job {
  request: RouteRequest;
  /** How much of its target the challenge may land on (px): the least room goes first. */
  room: number;
  /** A challenge of a link. */
  link: boolean;
  /** The plain route, for when the router gives up. */
  fallback: () => Point[];
}

/** A challenge as the drawing needs it: its ends' element indices, and for a link its polyline's number. */
export interface ChallengeShape {
  /** Challenger and anchor (the challenged element or the link's source), or null when unknown. */
  ends: { from: number; to: number } | null;
  /** For a challenged link: the line it is (model edge k is line k, challenge i line edges + i), or -1. */
  line: number | null;
}

export class ChallengeRoutes {
  /** The polyline of each challenge; empty until drawn. */
  readonly out: Point[][];
  private readonly lines = new SpatialIndex<Segment>((s) => bounds([s.a, s.b]));
  private readonly boxIndex = new SpatialIndex<Rect>((r) => r);
  private readonly reserved = new Map<number, Segment>();
  private readonly space: SearchSpace;
  private readonly m: number;

  constructor(
    private readonly shapes: readonly ChallengeShape[],
    private readonly boxes: readonly ShapeBox[],
    private readonly feet: readonly Rect[],
    private readonly edgePoints: readonly Point[][],
    private readonly elkRoutes: ReadonlyMap<number, Point[]>,
  ) {
    this.out = shapes.map(() => []);
    this.m = edgePoints.length;
    edgePoints.forEach((points, k) => segments(points, k).forEach((s) => this.lines.add(s)));
    feet.forEach((r) => this.boxIndex.add(r));
    this.space = new SearchSpace(ALLOWANCE_BASE + ALLOWANCE_PER_ELEMENT * boxes.length);
  }

  /** Of `pending`, those that can be drawn now, least room first; reserves where the links' challenges land. */
  order(pending: readonly number[]): number[] {
    const ready = pending.map((j) => ({ j, job: this.job(j) })).filter((r) => r.job !== 'later');
    for (const { j, job } of ready) {
      const best = job && job !== 'later' && job.link ? cheapest(job.request.ends) : null;
      if (best) this.reserved.set(j, { a: best.at, b: best.stub, line: this.m + j, dashed: true, end: true });
    }
    return ready.sort((a, b) => room(a.job) - room(b.job) || a.j - b.j).map((r) => r.j);
  }

  /** Draws challenge j (its ports' costs see every line drawn so far). */
  draw(j: number): void {
    const job = this.job(j);
    this.reserved.delete(j);
    if (!job || job === 'later') return;
    this.out[j] = routeAround(job.request, this.space) ?? job.fallback();
    this.addRoute(j);
  }

  /**
   * Draws challenge j again when its route runs on another line (the way round may have been
   * taken by lines drawn after it), keeping the new route if it runs on fewer. Only while the
   * searches' allowance lasts: past it a route would not improve.
   */
  redraw(j: number): void {
    if (this.out[j]!.length < 2 || this.space.spent) return;
    const around = (points: readonly Point[]) => this.lines.near(grow(bounds(points), ON)).filter((s) => s.line !== this.m + j);
    const before = onLines(this.out[j]!, around(this.out[j]!));
    if (before === 0) return;
    this.lines.remove((s) => s.line === this.m + j);
    const job = this.job(j);
    const again = job && job !== 'later' ? routeAround(job.request, this.space) : null;
    if (again && onLines(again, around(again)) < before) this.out[j] = again;
    this.addRoute(j);
  }

  private addRoute(j: number): void {
    const legs = segments(this.out[j]!, this.m + j);
    legs.forEach((s, i) => this.lines.add({ ...s, dashed: true, end: i === 0 || i === legs.length - 1 }));
  }

  /** The boxes and lines the route of challenge j between these points could meet (route-around.ts looks no further). */
  private near(points: readonly Point[], j: number): { boxes: Rect[]; lines: Segment[] } {
    const area = grow(bounds(points), REACH);
    const held = [...this.reserved].filter(([k, s]) => k !== j && meets(bounds([s.a, s.b]), area)).map(([, s]) => s);
    return { boxes: this.boxIndex.near(area), lines: [...this.lines.near(area), ...held] };
  }

  /** What to route for challenge j: null when it cannot be drawn, 'later' when its target is not drawn yet. */
  private job(j: number): Job | 'later' | null {
    const { ends, line } = this.shapes[j]!;
    if (!ends) return null;
    const from = this.boxes[ends.to]!;
    if (line === null) {
      const target = this.boxes[ends.from]!;
      const scene = this.near([...corners(from), ...corners(target)], j);
      const starts = challengerPorts(from, this.feet[ends.to]!, scene, usualLanes(target, 'bottom'));
      // A challenge of its own challenger (a model with errors) must not start where it ends.
      const toPorts = targetPorts(target, this.feet[ends.from]!, scene, usualLanes(from, 'top')).filter(
        (p) => !starts.some((q) => q.at.x === p.at.x && q.at.y === p.at.y),
      );
      const fallback = () => toElement(topCentre(from), target, this.elkRoutes.get(j));
      return { request: { starts, ends: toPorts, ...scene }, room: target.width + target.height, link: false, fallback };
    }
    const target = line < 0 ? undefined : line < this.m ? this.edgePoints[line] : this.out[line - this.m];
    if (!target) return null;
    if (target.length < 2) return line >= this.m ? 'later' : null;
    const scene = this.near([...corners(from), ...target], j);
    const centre = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    const lanes = { xs: usualLanes(from, 'top'), ys: [centre.y] };
    const { ports, room } = linkPorts(target, centre, lanes, scene.boxes, scene.lines.filter((s) => s.line !== line));
    // The challenger may also leave straight below a point it can land on.
    const starts = challengerPorts(from, this.feet[ends.to]!, scene, ports.filter((p) => p.dir < 2).map((p) => p.at.x));
    return { request: { starts, ends: ports, ...scene }, room, link: true, fallback: () => toLink(topCentre(from), target) };
  }
}

function corners(b: ShapeBox): Point[] {
  return [{ x: b.x, y: b.y }, { x: b.x + b.width, y: b.y + b.height }];
}

/** Length of the polyline that runs on top of the lines. */
function onLines(points: readonly Point[], lines: readonly Segment[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += legCost(points[i - 1]!, points[i]!, lines, ON_ONLY);
  return total;
}

function cheapest(ports: readonly Port[]): Port | null {
  return ports.reduce<Port | null>((best, p) => (!best || p.cost < best.cost ? p : best), null);
}

function room(job: Job | null | 'later'): number {
  return job && job !== 'later' ? job.room : 0;
}

function segments(points: readonly Point[], line: number): Segment[] {
  return points.slice(1).map((b, i) => ({ a: points[i]!, b, line }));
}
