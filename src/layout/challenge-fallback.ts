/**
 * The plain routes of challenges, for when route-around.ts gives up (no route within its
 * budget): ELK's route reversed for a challenged element, a short orthogonal path to the middle
 * of a challenged link. They may cross boxes; the router's budget makes them rare.
 */
import { challengePortOffset } from './challenge-ports.js';
import { bottomAt, pathMidpoint, type ShapeBox } from './geometry.js';
import type { Point } from './types.js';

/** How far below a horizontal link segment the path turns up into it. */
const APPROACH = 14;

/** From the challenger's top up to the target's bottom, right of its centre. */
export function toElement(start: Point, target: ShapeBox, route: Point[] | undefined): Point[] {
  const end = bottomAt(target, challengePortOffset(target.width));
  if (!route || route.length < 2) return orthogonal(start, end);
  const inner = route.slice(1, -1).reverse().map((p) => ({ ...p }));
  // ELK's route ends on the pack's bottom; move its first and last legs onto the shapes.
  const first = inner[0];
  const last = inner[inner.length - 1];
  if (first) first.x = start.x;
  if (last) last.x = end.x;
  return [start, ...inner, end];
}

/** From the challenger's top to the middle of a link's polyline. */
export function toLink(start: Point, link: readonly Point[]): Point[] {
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
