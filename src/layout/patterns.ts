/**
 * Pattern extension: where the multiplicity balls and choice diamonds go (grammar/extensions.md),
 * placed on the finished layout. A `many` (solid) or `optional` (hollow) ball sits on the link's
 * last segment just before the arrowhead, its label to the right; a choice diamond sits on the
 * junction where the element's SupportedBy links part (the first bend of the first one, or just
 * below the shape when the links run straight), its label to the right, above the links. The diagram grows to
 * hold the labels.
 */
import type { Model } from '../semantics/model.js';
import { measure } from './measure.js';
import { MARGIN } from './style.js';
import type { Layout, LayoutNode, Point } from './types.js';

/** Radius of a multiplicity ball. */
export const BALL_RADIUS = 4;
/** Width and height of a choice diamond. */
export const CHOICE_WIDTH = 14;
export const CHOICE_HEIGHT = 10;
/** Font size of multiplicity and choice labels. */
export const PATTERN_FONT_SIZE = 10;
/** Length of an edge's arrowhead (render/style.ts ARROW_LENGTH), kept clear. */
const ARROW_CLEAR = 10;
const LABEL_GAP = 3;
/** How far below the shape a choice diamond's centre sits when the links do not bend. */
const CHOICE_DROP = 14;

const round = (v: number) => Math.round(v * 100) / 100 + 0;

/**
 * Adds `multiplicity` to the edges and `choice` to the nodes that have them. Returns, per link
 * (`from\0to`), how much of its end the marks take, so ACPs keep clear of them.
 */
export function placePatterns(model: Model, layout: Layout): Map<string, number> {
  const taken = new Map<string, number>();
  let right = layout.width;
  const grow = (x: number) => {
    right = Math.max(right, x + MARGIN);
  };
  model.edges.forEach((e, k) => {
    const edge = layout.edges[k];
    if (!e.multiplicity || !edge || edge.points.length < 2) return;
    const end = edge.points[edge.points.length - 1]!;
    const start = edge.points[edge.points.length - 2]!;
    const length = Math.hypot(end.x - start.x, end.y - start.y);
    const back = Math.min(ARROW_CLEAR + BALL_RADIUS + 1, Math.max(0, length - BALL_RADIUS));
    const t = length > 0 ? back / length : 0;
    const at = { x: round(end.x + (start.x - end.x) * t), y: round(end.y + (start.y - end.y) * t) };
    const label = e.multiplicity.label;
    const width = label ? measure(label, { bold: false, italic: false, code: false }, PATTERN_FONT_SIZE) : 0;
    const vertical = Math.abs(end.y - start.y) >= Math.abs(end.x - start.x);
    const labelAt = label ? labelBeside(at, BALL_RADIUS, vertical, width) : null;
    edge.multiplicity = { kind: e.multiplicity.kind, label, at, labelAt, labelWidth: round(width) };
    if (labelAt) grow(labelAt.x + width);
    taken.set(`${e.from}\u0000${e.to}`, back + BALL_RADIUS - ARROW_CLEAR + 2);
  });
  const nodes = new Map<string, LayoutNode>();
  for (const n of layout.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  for (const element of model.elements) {
    if (!element.choice) continue;
    const node = nodes.get(element.id);
    if (!node) continue;
    const first = layout.edges.find((e) => e.from === element.id && e.relation === 'supportedBy' && e.points.length >= 2);
    const at = junction(node, first?.points);
    const label = element.choice.label;
    const width = label ? measure(label, { bold: false, italic: false, code: false }, PATTERN_FONT_SIZE) : 0;
    // Right of the diamond, above the line the links part along.
    const labelAt = label ? { x: round(at.x + CHOICE_WIDTH / 2 + LABEL_GAP), y: round(at.y - LABEL_GAP) } : null;
    node.choice = { label, at, labelAt, labelWidth: round(width) };
    if (labelAt) grow(labelAt.x + width);
  }
  layout.width = round(right);
  return taken;
}

/** The first bend of a link leaving the shape's bottom straight down; else just below the shape. */
function junction(node: LayoutNode, points: readonly Point[] | undefined): Point {
  const bottom = { x: node.x + node.width / 2, y: node.y + node.height };
  const [a, b, c] = points ?? [];
  if (a && b && c && Math.abs(a.x - b.x) < 0.05 && b.y - a.y >= CHOICE_HEIGHT / 2 + 2) return { x: round(b.x), y: round(b.y) };
  return { x: round(bottom.x), y: round(bottom.y + CHOICE_DROP) };
}

/**
 * Right of a ball on a vertical line, its baseline at the ball's bottom (so it stays clear of a
 * horizontal line just above the ball); above it, centred, on a horizontal line.
 */
function labelBeside(at: Point, half: number, vertical: boolean, width: number): Point {
  if (vertical) return { x: round(at.x + half + LABEL_GAP), y: round(at.y + half + 1) };
  return { x: round(at.x - width / 2), y: round(at.y - half - LABEL_GAP) };
}
