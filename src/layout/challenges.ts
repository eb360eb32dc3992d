/**
 * Dialectic extension: where `challenges` relations go. For layering, a challenge is an ELK edge
 * from what it challenges (the element, or the source of the challenged link) down to the
 * challenger, leaving from a port right of the element's centre (SupportedBy edges use the
 * centre); so the counter-argument sits below and beside what it attacks. It is drawn the other
 * way, from the challenger up to its target: ELK's route reversed for an element, and a short
 * orthogonal path to the middle of the link for a link.
 */
import type { Model, ModelChallenge } from '../semantics/model.js';
import { bottomAt, pathMidpoint, topCentre, type ShapeBox } from './geometry.js';
import type { Point } from './types.js';

/** Horizontal offset of the challenge port from the element's centre, at most. */
export const CHALLENGE_PORT_OFFSET = 30;
/** How far below a horizontal link segment a challenge turns up into it. */
const APPROACH = 14;

/** The port offset for an element of this width: a quarter of it, capped. */
export function challengePortOffset(width: number): number {
  return Math.min(CHALLENGE_PORT_OFFSET, width / 4);
}

/** Element index the challenge hangs from (its target, or the challenged link's source), and the challenger's. */
export function challengeEnds(c: ModelChallenge, index: ReadonlyMap<string, number>): { from: number; to: number } | null {
  const anchor = index.get(c.target.type === 'element' ? c.target.id : c.target.from);
  const challenger = index.get(c.from);
  return anchor === undefined || challenger === undefined ? null : { from: anchor, to: challenger };
}

/**
 * Polylines of every challenge, in model order. `routes` holds ELK's route per challenge (from
 * the anchor's port down to the challenger), when ELK routed it. Challenges of challenges are
 * resolved in passes, since their target's polyline must be known first.
 */
export function challengePoints(
  model: Model,
  boxes: readonly ShapeBox[],
  index: ReadonlyMap<string, number>,
  edgePoints: readonly Point[][],
  routes: ReadonlyMap<number, Point[]>,
): Point[][] {
  const challenges = model.challenges ?? [];
  const out: Point[][] = challenges.map(() => []);
  const edgeAt = new Map<string, number>();
  model.edges.forEach((e, k) => edgeAt.set(`${e.from}\u0000${e.to}`, k));
  const challengeAt = new Map<string, number>();
  challenges.forEach((c, j) => {
    if (c.target.type === 'element') challengeAt.set(`${c.from}\u0000${c.target.id}`, j);
  });
  let pending = challenges.map((_c, j) => j);
  for (let pass = 0; pass < 4 && pending.length > 0; pass++) {
    pending = pending.filter((j) => {
      const c = challenges[j]!;
      const ends = challengeEnds(c, index);
      if (!ends) return false;
      const start = topCentre(boxes[ends.to]!);
      if (c.target.type === 'element') {
        out[j] = toElement(start, boxes[ends.from]!, routes.get(j));
        return false;
      }
      const key = `${c.target.from}\u0000${c.target.to}`;
      const k = edgeAt.get(key);
      const target = k !== undefined ? edgePoints[k] : out[challengeAt.get(key) ?? -1];
      if (!target || target.length < 2) return true; // its target is drawn in a later pass
      out[j] = toLink(start, target);
      return false;
    });
  }
  return out;
}

/** From the challenger's top up to the target's bottom, right of its centre. */
function toElement(start: Point, target: ShapeBox, route: Point[] | undefined): Point[] {
  const end = bottomAt(target, challengePortOffset(target.width));
  if (!route || route.length < 2) return orthogonal(start, end);
  const inner = route.slice(1, -1).reverse();
  // ELK's route ends on the pack's bottom; move its first and last legs onto the shapes.
  const first = inner[0];
  const last = inner[inner.length - 1];
  if (first) first.x = start.x;
  if (last) last.x = end.x;
  return [start, ...inner, end];
}

/** From the challenger's top to the middle of a link's polyline. */
function toLink(start: Point, link: readonly Point[]): Point[] {
  const { point, vertical } = pathMidpoint(link);
  if (vertical) return [start, { x: start.x, y: point.y }, point];
  const below = point.y + APPROACH;
  return [start, { x: start.x, y: below }, { x: point.x, y: below }, point];
}

/** Up, across, up: an orthogonal path from `start` to `end`. */
function orthogonal(start: Point, end: Point): Point[] {
  if (Math.abs(start.x - end.x) < 0.01) return [start, end];
  const mid = (start.y + end.y) / 2;
  return [start, { x: start.x, y: mid }, { x: end.x, y: mid }, end];
}
