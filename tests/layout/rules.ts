/** Assertions of the GSN layout rules on the geometry of a Layout. */
import { expect } from 'vitest';
import { spanAt, type ShapeBox } from '../../src/layout/geometry.js';
import { CONTEXT_KINDS } from '../../src/syntax/ast.js';
import { measure } from '../../src/layout/measure.js';
import { LETTER_RESERVE_X, LETTER_RESERVE_Y, decorationHeight, FONT_SIZE } from '../../src/layout/style.js';
import type { Layout, LayoutNode, Point } from '../../src/layout/types.js';
import type { Model } from '../../src/semantics/model.js';

const EPS = 0.02;
/** DejaVu Sans ascent and descent at 12 px. */
const ASCENT = (1901 / 2048) * FONT_SIZE;
const DESCENT = (483 / 2048) * FONT_SIZE;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The shape box plus what is drawn around it (decorations below, the A/J letter). */
export function footprint(n: LayoutNode): Box {
  const letter = n.kind === 'assumption' || n.kind === 'justification';
  return {
    x: n.x,
    y: n.y,
    width: n.width + (letter ? LETTER_RESERVE_X : 0),
    height: n.height + Math.max(decorationHeight(n.undeveloped, n.uninstantiated), letter ? LETTER_RESERVE_Y : 0),
  };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;
}

export function byId(layout: Layout): Map<string, LayoutNode> {
  return new Map(layout.nodes.map((n) => [n.id, n]));
}

/** True when p lies on the outline of the shape. */
export function onOutline(n: ShapeBox, p: Point): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) <= EPS;
  const span = spanAt(n, Math.min(Math.max(p.y, n.y), n.y + n.height));
  if (!span || p.y < n.y - EPS || p.y > n.y + n.height + EPS) return false;
  if (near(p.y, n.y) || near(p.y, n.y + n.height)) return p.x >= span[0] - EPS && p.x <= span[1] + EPS;
  return near(p.x, span[0]) || near(p.x, span[1]);
}

/** Which single-use contextual elements are packed beside their one user (see elk-graph.ts). */
export function singleUseContexts(model: Model): Map<string, string> {
  const users = new Map<string, Set<string>>();
  const other = new Set<string>();
  for (const e of model.edges) {
    if (e.relation === 'inContextOf') {
      const set = users.get(e.to) ?? new Set<string>();
      set.add(e.from);
      users.set(e.to, set);
    } else other.add(e.to);
    other.add(`from:${e.from}`);
  }
  const result = new Map<string, string>();
  const kinds = new Map(model.elements.map((e) => [e.id, e.kind]));
  for (const [ctx, set] of users) {
    if (set.size === 1 && !other.has(ctx) && !other.has(`from:${ctx}`) && CONTEXT_KINDS.has(kinds.get(ctx)!)) {
      const user = [...set][0]!;
      if (user !== ctx) result.set(ctx, user);
    }
  }
  return result;
}

/** Asserts every GSN layout rule; `orderStrict` checks children order for every parent. */
export function expectGsnRules(model: Model, layout: Layout, options: { orderStrict?: boolean } = {}): void {
  const nodes = byId(layout);
  // One node per element and one edge per model edge, in model order.
  expect(layout.nodes.map((n) => n.id)).toEqual(model.elements.map((e) => e.id));
  expect(layout.edges.map((e) => `${e.from}>${e.to}:${e.relation}`)).toEqual(
    model.edges.map((e) => `${e.from}>${e.to}:${e.relation}`),
  );

  // No two footprints overlap (sweep over x).
  const boxes = layout.nodes.map((n) => ({ id: n.id, box: footprint(n) })).sort((a, b) => a.box.x - b.box.x);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j]!.box.x < boxes[i]!.box.x + boxes[i]!.box.width; j++) {
      if (overlaps(boxes[i]!.box, boxes[j]!.box)) {
        throw new Error(`${boxes[i]!.id} overlaps ${boxes[j]!.id}`);
      }
    }
  }

  // Everything inside the diagram, with its margin.
  for (const n of layout.nodes) {
    const f = footprint(n);
    expect(f.x).toBeGreaterThanOrEqual(0);
    expect(f.y).toBeGreaterThanOrEqual(0);
    expect(f.x + f.width).toBeLessThanOrEqual(layout.width + EPS);
    expect(f.y + f.height).toBeLessThanOrEqual(layout.height + EPS);
  }

  // SupportedBy children below their parent, left to right in source order.
  const children = new Map<string, string[]>();
  for (const e of model.edges) {
    if (e.relation !== 'supportedBy') continue;
    const from = nodes.get(e.from)!;
    const to = nodes.get(e.to)!;
    expect(to.y, `${e.to} below ${e.from}`).toBeGreaterThanOrEqual(footprint(from).y + footprint(from).height);
    const list = children.get(e.from) ?? [];
    if (!list.includes(e.to)) list.push(e.to);
    children.set(e.from, list);
  }
  if (options.orderStrict !== false) {
    for (const [parent, list] of children) {
      for (let i = 0; i + 1 < list.length; i++) {
        const a = nodes.get(list[i]!)!;
        const b = nodes.get(list[i + 1]!)!;
        expect(a.x + a.width / 2, `${parent}: ${a.id} left of ${b.id}`).toBeLessThan(b.x + b.width / 2);
      }
    }
  }

  // Edges: orthogonal, starting and ending on the outlines of their shapes.
  for (const e of layout.edges) {
    const from = nodes.get(e.from)!;
    const to = nodes.get(e.to)!;
    expect(e.points.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i + 1 < e.points.length; i++) {
      const p = e.points[i]!;
      const q = e.points[i + 1]!;
      expect(Math.abs(p.x - q.x) <= EPS || Math.abs(p.y - q.y) <= EPS, `${e.from}>${e.to} orthogonal`).toBe(true);
    }
    // Modular extension: a link from an away element (in a contract module) starts below its compartment.
    const band = from.away?.band;
    const onBand = band !== undefined && Math.abs(e.points[0]!.y - (band.y + band.height)) <= EPS && e.points[0]!.x >= band.x - EPS && e.points[0]!.x <= band.x + band.width + EPS;
    expect(onOutline(from, e.points[0]!) || onBand, `${e.from}>${e.to} starts on ${e.from}`).toBe(true);
    expect(onOutline(to, e.points[e.points.length - 1]!), `${e.from}>${e.to} ends on ${e.to}`).toBe(true);
  }

  // Single-use contexts beside their element on the same row, joined by a short edge.
  const single = singleUseContexts(model);
  const perUser = new Map<string, string[]>();
  for (const [ctx, user] of single) perUser.set(user, [...(perUser.get(user) ?? []), ctx]);
  for (const [ctx, user] of single) {
    const c = nodes.get(ctx)!;
    const u = nodes.get(user)!;
    const beside = c.x >= u.x + u.width - EPS || c.x + c.width <= u.x + EPS;
    expect(beside, `${ctx} beside ${user}`).toBe(true);
    // Same row: the contexts on each side of the element form a column centred on it.
    const cy = c.y + c.height / 2;
    const side = perUser
      .get(user)!
      .map((id) => nodes.get(id)!)
      .filter((o) => o.x > u.x === c.x > u.x);
    const top = Math.min(...side.map((o) => o.y));
    const bottom = Math.max(...side.map((o) => o.y + o.height));
    expect(Math.abs((top + bottom) / 2 - (u.y + u.height / 2)), `${ctx} column centred on ${user}`).toBeLessThanOrEqual(EPS);
    const edge = layout.edges.find((e) => e.from === user && e.to === ctx)!;
    const first = edge.points[0]!;
    const last = edge.points[edge.points.length - 1]!;
    expect(Math.abs(last.x - first.x), `${user}>${ctx} short`).toBeLessThan(60);
    if (perUser.get(user)!.length <= 2) {
      // One context per side: vertically centred, one horizontal segment.
      expect(Math.abs(cy - (u.y + u.height / 2))).toBeLessThanOrEqual(EPS);
      expect(edge.points.length).toBe(2);
      expect(Math.abs(first.y - last.y)).toBeLessThanOrEqual(EPS);
    }
  }

  // Every text line (and the ID label) inside its shape.
  for (const n of layout.nodes) expectTextInside(n);
}

export function expectTextInside(n: LayoutNode): void {
  const lines = n.lines.map((l) => ({ left: l.x - l.width / 2, right: l.x + l.width / 2, base: l.y }));
  const label = measure(n.id, { bold: true, italic: false, code: false }, FONT_SIZE);
  lines.push({ left: n.label.x - label / 2, right: n.label.x + label / 2, base: n.label.y });
  for (const l of lines) {
    for (const y of [l.base - ASCENT, l.base + DESCENT]) {
      const span = spanAt(n, y);
      expect(span, `${n.id}: line at ${l.base} inside vertically`).not.toBeNull();
      expect(l.left, `${n.id}: line at ${l.base} inside on the left`).toBeGreaterThanOrEqual(span![0] - EPS);
      expect(l.right, `${n.id}: line at ${l.base} inside on the right`).toBeLessThanOrEqual(span![1] + EPS);
    }
  }
}

/** True when `p` lies on one of the polyline's orthogonal segments (within 0.05 px). */
export function onPolyline(points: readonly Point[], p: Point): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const inX = p.x >= Math.min(a.x, b.x) - 0.05 && p.x <= Math.max(a.x, b.x) + 0.05;
    const inY = p.y >= Math.min(a.y, b.y) - 0.05 && p.y <= Math.max(a.y, b.y) + 0.05;
    if (inX && inY && (Math.abs(a.x - b.x) < 0.05 || Math.abs(a.y - b.y) < 0.05)) return true;
  }
  return false;
}
