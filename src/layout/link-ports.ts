/**
 * Where a challenge of a link may land on it, as route ends for route-around.ts: square onto a
 * stretch of the link that reads as the link's own. Not beside a box (where the link's ends are),
 * not on its own arrowhead, not at its corners, not on or where it meets another line (a bus it
 * shares with its siblings, another challenge's arrow). The link's middle is preferred; other
 * points of its stretches cost by how far they are from it. Besides each stretch's middle, the
 * points offered are those in a lane (where a route would run anyway: the challenger's own
 * ports, the sides of the boxes around kept CLEAR), so the last leg needs no jog.
 */
import { horizontal, keep, vertical } from './challenge-ports.js';
import type { Port } from './route-around.js';
import { bounds, CLEAR, grow, meets, ON, type Rect, type Segment } from './route-lines.js';
import type { Point } from './types.js';

/** Length of the last leg into a link: room for the open arrowhead (10 px) and a little line. */
const APPROACH = 14;
/** Parts of a link kept clear of a challenge's arrow: beside boxes (as the link's ends are). */
const BOX_ZONE = 6;
/**
 * How strictly a point must read as the link's own, strictest first: away from the link's own
 * arrowhead (`arrow` px from its end), `corner` px from its corners and `junction` px from where
 * another line meets it (an arrow there reads as aimed at both), off the lines it shares with
 * others unless `shared` (a link drawn entirely on a bus shared with its siblings).
 */
const LOOKS = [
  { arrow: 16, corner: 10, junction: 10, shared: false },
  { arrow: 12, corner: 2, junction: 4, shared: false },
  { arrow: 12, corner: 2, junction: 0, shared: true },
] as const;
type Look = (typeof LOOKS)[number];
/** Cost per px of ending away from the link's middle, and of coming from the far side. */
const DRIFT = 1.5;
const FAR_SIDE = 8;
/** At most this many points of a link are offered. */
const LINK_POINTS = 8;

/** A visible stretch [lo, hi] (distances along the link) of the axis-parallel segment a-b that starts at s0. */
interface Piece {
  lo: number;
  hi: number;
  s0: number;
  a: Point;
  b: Point;
  flat: boolean;
}

/**
 * Ports on `link`, each point reached square from either side; `toward` is the challenger's
 * centre (its side is preferred), `lanes` the x (for level stretches) and y (for upright ones)
 * where routes run, `others` the lines other than the link. `room` is the length of link the
 * points were chosen from.
 */
export function linkPorts(
  link: readonly Point[],
  toward: Point,
  lanes: { xs: readonly number[]; ys: readonly number[] },
  boxes: readonly Rect[],
  others: readonly Segment[],
): { ports: Port[]; room: number } {
  const near = grow(bounds(link), CLEAR + APPROACH);
  const local = { boxes: boxes.filter((b) => meets(b, near)), lines: others.filter((s) => meets(bounds([s.a, s.b]), near)) };
  const xs = [...lanes.xs, ...local.boxes.flatMap((b) => [b.x0 - CLEAR, b.x1 + CLEAR])];
  const ys = [...lanes.ys, ...local.boxes.flatMap((b) => [b.y0 - CLEAR, b.y1 + CLEAR])];
  for (const look of LOOKS) {
    const pieces = visiblePieces(link, local.boxes, look.shared ? [] : local.lines, look);
    const ports = keep(local, null, portsOn(link, pieces, toward, xs, ys));
    if (ports.length > 0) return { ports, room: pieces.reduce((sum, p) => sum + p.hi - p.lo, 0) };
  }
  return { ports: [], room: 0 };
}

function portsOn(link: readonly Point[], pieces: Piece[], toward: Point, xs: readonly number[], ys: readonly number[]): Port[] {
  const middle = length(link) / 2;
  const candidates: { piece: Piece; s: number; cost: number }[] = [];
  for (const piece of pieces) {
    const { lo, hi, s0, a, b, flat } = piece;
    const own = middle >= lo && middle <= hi ? middle : (lo + hi) / 2;
    const inLanes = (flat ? xs : ys)
      .map((c) => s0 + (flat ? (c - a.x) * Math.sign(b.x - a.x) : (c - a.y) * Math.sign(b.y - a.y)))
      .filter((s) => s >= lo && s <= hi);
    for (const s of [own, ...new Set(inLanes)]) candidates.push({ piece, s, cost: DRIFT * Math.abs(s - middle) });
  }
  candidates.sort((p, q) => p.cost - q.cost || p.s - q.s);
  const ports: Port[] = [];
  for (const { piece, s, cost } of candidates.slice(0, LINK_POINTS)) {
    const t = (s - piece.s0) / Math.hypot(piece.b.x - piece.a.x, piece.b.y - piece.a.y);
    const point = { x: piece.a.x + (piece.b.x - piece.a.x) * t, y: piece.a.y + (piece.b.y - piece.a.y) * t };
    if (piece.flat) {
      ports.push(vertical(point, point.y + APPROACH, 0, cost), vertical(point, point.y - APPROACH, 1, cost + FAR_SIDE));
    } else {
      const right = toward.x > point.x;
      ports.push(
        horizontal(point, point.x + APPROACH, 2, cost + (right ? 0 : FAR_SIDE)),
        horizontal(point, point.x - APPROACH, 3, cost + (right ? FAR_SIDE : 0)),
      );
    }
  }
  return ports;
}

function length(points: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  return total;
}

/** The stretches of the link's axis-parallel segments that read as the link's own. */
function visiblePieces(link: readonly Point[], boxes: readonly Rect[], others: readonly Segment[], look: Look): Piece[] {
  const total = length(link);
  const pieces: Piece[] = [];
  let s0 = 0;
  for (let i = 1; i < link.length; i++) {
    const a = link[i - 1]!;
    const b = link[i]!;
    const l = Math.hypot(b.x - a.x, b.y - a.y);
    const flat = Math.abs(a.y - b.y) < 0.01;
    if (l > 0 && (flat || Math.abs(a.x - b.x) < 0.01)) {
      const hidden = hiddenOn(a, b, flat, boxes, others, look.junction);
      hidden.push([total - look.arrow - s0, Infinity]);
      if (i > 1) hidden.push([-Infinity, look.corner]);
      if (i < link.length - 1) hidden.push([l - look.corner, Infinity]);
      for (const [lo, hi] of subtract([0, l], hidden)) if (hi - lo >= 2) pieces.push({ lo: s0 + lo, hi: s0 + hi, s0, a, b, flat });
    }
    s0 += l;
  }
  return pieces;
}

/** Distances from `a` along the segment a-b hidden by boxes and by other lines. */
function hiddenOn(a: Point, b: Point, flat: boolean, boxes: readonly Rect[], others: readonly Segment[], junction: number): [number, number][] {
  const hidden: [number, number][] = [];
  const along = (p: Point) => (flat ? (p.x - a.x) * Math.sign(b.x - a.x) : (p.y - a.y) * Math.sign(b.y - a.y));
  const across = flat ? a.y : a.x;
  const area = grow(bounds([a, b]), BOX_ZONE + ON);
  for (const r of boxes.filter((o) => meets(o, area)).map((o) => grow(o, BOX_ZONE))) {
    const [lo, hi] = flat ? [r.y0, r.y1] : [r.x0, r.x1];
    if (across <= lo || across >= hi) continue;
    hidden.push(sorted(along(flat ? { x: r.x0, y: a.y } : { x: a.x, y: r.y0 }), along(flat ? { x: r.x1, y: a.y } : { x: a.x, y: r.y1 })));
  }
  for (const o of others) {
    if (!meets(bounds([o.a, o.b]), area)) continue;
    const same = flat ? Math.abs(o.a.y - o.b.y) < 0.01 && Math.abs(o.a.y - a.y) < ON : Math.abs(o.a.x - o.b.x) < 0.01 && Math.abs(o.a.x - a.x) < ON;
    if (same) hidden.push(sorted(along(o.a), along(o.b)));
    // Where another line meets the link (a branch of a bus, another challenge's arrow), an
    // arrow would read as aimed at that line too.
    for (const p of [o.a, o.b]) if (Math.abs((flat ? p.y : p.x) - across) < 0.5) hidden.push([along(p) - junction, along(p) + junction]);
  }
  return hidden;
}

function sorted(p: number, q: number): [number, number] {
  return p <= q ? [p, q] : [q, p];
}

/** [lo, hi] minus every interval of `cuts`. */
function subtract(range: [number, number], cuts: [number, number][]): [number, number][] {
  let out: [number, number][] = [range];
  for (const [c0, c1] of cuts) {
    out = out.flatMap(([lo, hi]): [number, number][] => {
      if (c1 <= lo || c0 >= hi) return [[lo, hi]];
      const parts: [number, number][] = [];
      if (c0 > lo) parts.push([lo, c0]);
      if (c1 < hi) parts.push([c1, hi]);
      return parts;
    });
  }
  return out;
}
