/**
 * Where a challenge may leave its challenger and arrive at a challenged element, as ports for
 * route-around.ts (link-ports.ts does links). Each port has a cost, so the usual drawing wins when
 * it is free: up from the challenger's top centre into the target's bottom right of its centre
 * (where ELK's challenge port is). Lanes, the x of the other end's ports, add ports straight above
 * or below them, so a challenger under its target needs no bends. The other sides are there for
 * when the usual way is blocked or would run along another line. A port whose leg would enter
 * another box is dropped.
 */
import { bottomAt, leftMiddle, rightMiddle, topAt, topCentre, type ShapeBox } from './geometry.js';
import type { Dir, Port } from './route-around.js';
import { bounds, CLEAR, grow, legClear, legCost, meets, PLAIN, TOUCH, type Rect, type Segment } from './route-lines.js';
import { STRATEGY_SKEW } from './style.js';
import type { Point } from './types.js';

/** Horizontal offset of the challenge port from the element's centre, at most. */
export const CHALLENGE_PORT_OFFSET = 30;
/** Ports in a lane keep this far from the ends of a side and from the side's other ports. */
const LANE_MARGIN = 8;

/** The port offset for an element of this width: a quarter of it, capped. */
export function challengePortOffset(width: number): number {
  return Math.min(CHALLENGE_PORT_OFFSET, width / 4);
}

export interface Context {
  boxes: readonly Rect[];
  lines: readonly Segment[];
}

/** x of the usual ports on the top (centre, then right and left of it) or the bottom (right and left). */
export function usualLanes(box: ShapeBox, side: 'top' | 'bottom'): number[] {
  const cx = box.x + box.width / 2;
  const off = challengePortOffset(box.width);
  return side === 'top' ? [cx, cx + off, cx - off] : [cx + off, cx - off];
}

/** Ports of the challenger: top centre first, then the top right and left of it, in a lane, sides, bottom. */
export function challengerPorts(box: ShapeBox, foot: Rect, ctx: Context, lanes: readonly number[] = []): Port[] {
  const off = challengePortOffset(box.width);
  const usual = usualLanes(box, 'top');
  const inLanes = laneOffsets(box, 'top', lanes, usual).map((dx) => vertical(topAt(box, dx), foot.y0 - CLEAR, 0, 20));
  return keep(ctx, foot, [
    vertical(topCentre(box), foot.y0 - CLEAR, 0, 0),
    vertical(topAt(box, off), foot.y0 - CLEAR, 0, 40),
    vertical(topAt(box, -off), foot.y0 - CLEAR, 0, 40),
    ...inLanes,
    horizontal(rightMiddle(box), foot.x1 + CLEAR, 3, 90),
    horizontal(leftMiddle(box), foot.x0 - CLEAR, 2, 90),
    vertical(bottomAt(box, off), foot.y1 + CLEAR, 1, 120),
    vertical(bottomAt(box, -off), foot.y1 + CLEAR, 1, 120),
  ]);
}

/** Ports of a challenged element, as route ends: bottom right of centre first, then left, in a lane, sides, top. */
export function targetPorts(box: ShapeBox, foot: Rect, ctx: Context, lanes: readonly number[] = []): Port[] {
  const off = challengePortOffset(box.width);
  // Not near the bottom's centre either: SupportedBy edges leave there, decorations hang there.
  const usual = [...usualLanes(box, 'bottom'), box.x + box.width / 2];
  const inLanes = laneOffsets(box, 'bottom', lanes, usual).map((dx) => vertical(bottomAt(box, dx), foot.y1 + CLEAR, 0, 3));
  return keep(ctx, foot, [
    vertical(bottomAt(box, off), foot.y1 + CLEAR, 0, 0),
    vertical(bottomAt(box, -off), foot.y1 + CLEAR, 0, 6),
    ...inLanes,
    horizontal(rightMiddle(box), foot.x1 + CLEAR, 2, 90),
    horizontal(leftMiddle(box), foot.x0 - CLEAR, 3, 90),
    vertical(topAt(box, off), foot.y0 - CLEAR, 1, 120),
    vertical(topAt(box, -off), foot.y0 - CLEAR, 1, 120),
  ]);
}

/** Offsets from the centre of the lanes that cross the top or bottom side, clear of its ends and of `usual`. */
function laneOffsets(box: ShapeBox, side: 'top' | 'bottom', lanes: readonly number[], usual: readonly number[]): number[] {
  const round = box.kind === 'solution' || box.kind === 'assumption' || box.kind === 'justification';
  // An ellipse's side is only flat enough near its middle; a strategy's top starts a skew in.
  const inset = round ? box.width * 0.2 : LANE_MARGIN;
  const lo = box.x + inset + (box.kind === 'strategy' && side === 'top' ? STRATEGY_SKEW : 0);
  const hi = box.x + box.width - inset - (box.kind === 'strategy' && side === 'bottom' ? STRATEGY_SKEW : 0);
  const cx = box.x + box.width / 2;
  return [...new Set(lanes)]
    .filter((x) => x >= lo && x <= hi && usual.every((u) => Math.abs(u - x) > LANE_MARGIN))
    .sort((a, b) => a - b)
    .map((x) => x - cx);
}

/** A port with a vertical leg from `at` to height `y`, heading `dir`. */
export function vertical(at: Point, y: number, dir: Dir, cost: number): Port {
  return { at, stub: { x: at.x, y }, dir, cost };
}

export function horizontal(at: Point, x: number, dir: Dir, cost: number): Port {
  return { at, stub: { x, y: at.y }, dir, cost };
}

/** The ports whose leg enters no other box (and, if any, runs on no line), each dearer by what its leg runs along or crosses. */
export function keep(ctx: Context, own: Rect | null, ports: Port[]): Port[] {
  if (ports.length === 0) return [];
  const area = grow(bounds(ports.flatMap((p) => [p.at, p.stub])), CLEAR);
  const boxes = ctx.boxes.filter((b) => meets(b, area));
  const lines = ctx.lines.filter((s) => meets(bounds([s.a, s.b]), area));
  const clear = ports.filter((p) => legClear(p.at, p.stub, boxes, own, TOUCH));
  // A leg on top of another line would hide where that line ends (its arrowhead, another
  // challenge's start): such ports only when there is no other.
  const free = clear.filter((p) => legCost(p.at, p.stub, lines, PLAIN) < 1);
  return (free.length > 0 ? free : clear).map((p) => ({ ...p, cost: p.cost + legCost(p.at, p.stub, lines) }));
}
