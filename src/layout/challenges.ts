/**
 * Dialectic extension: where `challenges` relations go. For layering, a challenge is an ELK edge
 * from what it challenges (the element, or the source of the challenged link) down to the
 * challenger, leaving from a port right of the element's centre (SupportedBy edges use the
 * centre); so the counter-argument sits below and beside what it attacks.
 *
 * It is drawn the other way, from the challenger to its target, once ELK has placed everything
 * (challenge-routes.ts): routed around the boxes and off the lines already drawn by
 * route-around.ts, into the target's outline or square onto a visible stretch of the challenged
 * link (its middle when it can). Should the router give up (no route within its budget), the
 * challenge falls back to a plain route (challenge-fallback.ts).
 */
import type { Model, ModelChallenge } from '../semantics/model.js';
import { ChallengeRoutes, type ChallengeShape } from './challenge-routes.js';
import type { ShapeBox } from './geometry.js';
import type { Rect } from './route-lines.js';
import type { Point } from './types.js';

export { CHALLENGE_PORT_OFFSET, challengePortOffset } from './challenge-ports.js';

/** Element index the challenge hangs from (its target, or the challenged link's source), and the challenger's. */
export function challengeEnds(c: ModelChallenge, index: ReadonlyMap<string, number>): { from: number; to: number } | null {
  const anchor = index.get(c.target.type === 'element' ? c.target.id : c.target.from);
  const challenger = index.get(c.from);
  return anchor === undefined || challenger === undefined ? null : { from: anchor, to: challenger };
}

/**
 * Polylines of every challenge, in model order. `feet` are the boxes to keep out of (shape plus
 * decorations); `routes` holds ELK's route per challenge (from the anchor's port down to the
 * challenger), when ELK routed it. Challenges are drawn in passes: a challenge of a challenge
 * once its target is drawn; within a pass, those with the least room to land on first, so that
 * those with a choice keep off their lines. Then each route that had to run on another line is
 * tried again, now that all lines are known.
 */
export function challengePoints(
  model: Model,
  boxes: readonly ShapeBox[],
  feet: readonly Rect[],
  index: ReadonlyMap<string, number>,
  edgePoints: readonly Point[][],
  routes: ReadonlyMap<number, Point[]>,
): Point[][] {
  const shapes = shapesOf(model, index);
  const drawing = new ChallengeRoutes(shapes, boxes, feet, edgePoints, routes);
  let pending = shapes.map((_s, j) => j);
  while (pending.length > 0) {
    const ready = drawing.order(pending);
    if (ready.length === 0) break; // challenges of each other in a circle (a model with errors)
    for (const j of ready) drawing.draw(j);
    const done = new Set(ready);
    pending = pending.filter((j) => !done.has(j));
  }
  // Not the challenges other challenges land on: their routes stay put.
  const m = model.edges.length;
  const landedOn = new Set(shapes.map((s) => (s.line !== null && s.line >= m ? s.line - m : -1)));
  shapes.forEach((_s, j) => {
    if (!landedOn.has(j)) drawing.redraw(j);
  });
  return drawing.out;
}

/** Each challenge's ends, and the line number of the link it challenges (see ChallengeShape). */
function shapesOf(model: Model, index: ReadonlyMap<string, number>): ChallengeShape[] {
  const challenges = model.challenges ?? [];
  const edgeAt = new Map<string, number>();
  model.edges.forEach((e, k) => edgeAt.set(`${e.from}\u0000${e.to}`, k));
  const challengeAt = new Map<string, number>();
  challenges.forEach((c, j) => {
    if (c.target.type === 'element') challengeAt.set(`${c.from}\u0000${c.target.id}`, j);
  });
  return challenges.map((c) => {
    if (c.target.type === 'element') return { ends: challengeEnds(c, index), line: null };
    const key = `${c.target.from}\u0000${c.target.to}`;
    const other = challengeAt.get(key);
    return { ends: challengeEnds(c, index), line: edgeAt.get(key) ?? (other === undefined ? -1 : model.edges.length + other) };
  });
}
