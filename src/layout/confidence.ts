/**
 * Confidence extension: where assurance claim points go (grammar/extensions.md). Placed on the
 * finished layout: an ACP on an element sits on the shape's outline at its top right (stacked
 * downwards when an element has several); one on a relation sits on the relation's last segment
 * (the one part of a polyline no sibling link shares), between its start and the arrowhead (and
 * any multiplicity ball), or at the polyline's middle when that segment is too short. The name is
 * written right of the square (centred above it on a horizontal segment). The diagram grows to hold the
 * names.
 */
import type { Model } from '../semantics/model.js';
import { pathMidpoint } from './geometry.js';
import { measure } from './measure.js';
import { CONTEXT_RADIUS, MARGIN } from './style.js';
import type { Layout, LayoutAcp, LayoutNode, Point } from './types.js';

/** Side of the filled square. */
export const ACP_SIZE = 8;
/** Font size of the ACP's name. */
export const ACP_FONT_SIZE = 10;
/** Gap between the square and its name. */
const LABEL_GAP = 3;
/** Vertical distance between stacked ACPs on one element. */
const STACK = 14;
/** Length of an edge's arrowhead (render/style.ts ARROW_LENGTH), kept clear. */
const ARROW_CLEAR = 10;
/** Farthest an ACP on a link sits from the link's end. */
const MAX_BACK = 24;

const round = (v: number) => Math.round(v * 100) / 100 + 0;

/** Adds `layout.acps` (only when the model has ACPs) and grows the diagram to hold them. */
export function placeAcps(model: Model, layout: Layout, clearance: ReadonlyMap<string, number> = new Map()): Layout {
  const acps = model.acps ?? [];
  if (acps.length === 0) return layout;
  const nodes = new Map<string, LayoutNode>();
  for (const n of layout.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const stacked = new Map<string, number>();
  const placed: LayoutAcp[] = [];
  for (const acp of acps) {
    const labelWidth = measure(acp.name, { bold: false, italic: false, code: false }, ACP_FONT_SIZE);
    if (acp.on.type === 'element') {
      const node = nodes.get(acp.on.id);
      if (!node) continue;
      const k = stacked.get(node.id) ?? 0;
      stacked.set(node.id, k + 1);
      const corner = topRight(node);
      const at = { x: corner.x, y: corner.y + k * STACK };
      placed.push(make(acp.name, { type: 'element', id: node.id }, at, true, labelWidth, `${acp.name} on ${node.id}`));
      continue;
    }
    const { from, to } = acp.on;
    const points = layout.edges.find((e) => e.from === from && e.to === to)?.points
      ?? layout.challenges?.find((c) => c.from === from && c.target.type === 'element' && c.target.id === to)?.points;
    if (!points || points.length < 2) continue;
    const k = `${from}\u0000${to}`;
    const n = stacked.get(k) ?? 0;
    stacked.set(k, n + 1);
    const { point, vertical } = onLastSegment(points, (clearance.get(k) ?? 0) + n * STACK);
    placed.push(make(acp.name, { type: 'relation', from, to }, point, vertical, labelWidth, `${acp.name} on the link ${from} -> ${to}`));
  }
  let right = layout.width;
  let bottom = layout.height;
  for (const a of placed) {
    right = Math.max(right, a.label.x + a.labelWidth + MARGIN, a.x + ACP_SIZE / 2 + MARGIN);
    bottom = Math.max(bottom, a.y + ACP_SIZE / 2 + MARGIN);
  }
  layout.acps = placed;
  layout.width = round(right);
  layout.height = round(bottom);
  return layout;
}

function make(name: string, on: LayoutAcp['on'], at: Point, beside: boolean, labelWidth: number, title: string): LayoutAcp {
  const x = round(at.x);
  const y = round(at.y);
  // Beside: right of the square, vertically centred on it; otherwise centred above it.
  const label = beside ? { x: round(x + ACP_SIZE / 2 + LABEL_GAP), y: round(y + ACP_FONT_SIZE * 0.36) } : { x: round(x - labelWidth / 2), y: round(y - ACP_SIZE / 2 - LABEL_GAP) };
  return { name, on, x, y, size: ACP_SIZE, label, labelWidth: round(labelWidth), title };
}

/** The outline's top-right point: the corner of a box, the 45-degree point of a round shape. */
export function topRight(n: LayoutNode): Point {
  const cx = n.x + n.width / 2;
  const cy = n.y + n.height / 2;
  switch (n.kind) {
    case 'solution':
    case 'assumption':
    case 'justification':
      return { x: cx + (n.width / 2) * Math.SQRT1_2, y: cy - (n.height / 2) * Math.SQRT1_2 };
    case 'context': {
      const r = Math.min(CONTEXT_RADIUS, n.width / 2, n.height / 2);
      return { x: n.x + n.width - r + r * Math.SQRT1_2, y: n.y + r - r * Math.SQRT1_2 };
    }
    default:
      return { x: n.x + n.width, y: n.y }; // goal corner; the strategy's top edge ends at the box's right
  }
}

/**
 * The middle of the last segment's free part (what the arrowhead and `extra`, the marks near the
 * end, leave), at most MAX_BACK from the end; the polyline's middle when nothing is free.
 */
function onLastSegment(points: readonly Point[], extra: number): { point: Point; vertical: boolean } {
  const end = points[points.length - 1]!;
  const start = points[points.length - 2]!;
  const length = Math.hypot(end.x - start.x, end.y - start.y);
  const free = length - ARROW_CLEAR - extra;
  const vertical = Math.abs(end.x - start.x) < Math.abs(end.y - start.y);
  if (free < ACP_SIZE + 2) return pathMidpoint(points);
  const back = Math.min(MAX_BACK, ARROW_CLEAR + extra + free / 2);
  const t = back / length;
  return { point: { x: end.x + (start.x - end.x) * t, y: end.y + (start.y - end.y) * t }, vertical };
}
