/**
 * Pattern extension: where the multiplicity balls and choice diamonds go (grammar/extensions.md),
 * placed on the finished layout. A `many` (solid) or `optional` (hollow) ball sits on the link's
 * last segment just before the arrowhead, its label to the right; a choice diamond sits on the
 * junction where its SupportedBy links part (their first bend, or just below the shape when the
 * links run straight), its label beside it, above the links. The diagram grows to hold the
 * labels. A choice group's links leave from a port of their own (choiceLanes, used when the
 * ELK graph is built), so their junction is theirs alone.
 */
import type { Model } from '../semantics/model.js';
import { measure } from './measure.js';
import { MARGIN } from './style.js';
import type { Layout, LayoutChoice, LayoutEdge, LayoutNode, LayoutPatternMark, Point } from './types.js';

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

/** Distance between the bottom ports of an element whose links leave in lanes (choice groups). */
const LANE_GAP = 24;

/** A bottom port of an element: its name after the pack's ELK id, and its offset from the centre. */
export interface Lane {
  port: string;
  dx: number;
}

/** Where the links of elements with choice groups leave from (see choiceLanes). */
export interface ChoiceLanes {
  /** Per model edge index: the lane a SupportedBy link of such an element leaves from. */
  ofEdge: Map<number, Lane>;
  /** Per element index: its lanes, the ordinary one (`b`) first. */
  ofElement: Map<number, Lane[]>;
}

/**
 * Pattern extension: the bottom ports of elements with choice groups. Each group's links leave
 * from a port of their own, so that ELK joins them, and only them, at one junction (where the
 * diamond goes); the element's other links leave from the usual port `b`. The ports sit side by
 * side under the element, in the order of their first link (source order), centred.
 * `bottomWidth` is the length of an element's bottom side, which the ports stay well inside.
 */
export function choiceLanes(model: Model, index: ReadonlyMap<string, number>, bottomWidth: (element: number) => number): ChoiceLanes {
  const lanes: ChoiceLanes = { ofEdge: new Map(), ofElement: new Map() };
  const groupOf = new Map<string, number>();
  (model.choices ?? []).forEach((c, j) => {
    for (const to of c.to) groupOf.set(`${c.from}\u0000${to}`, j);
  });
  if (groupOf.size === 0) return lanes;
  const owners = new Set((model.choices ?? []).filter((c) => c.to.length > 0).map((c) => c.from));
  // Per element, its ports in the order of their first link, and the links of each.
  const ports = new Map<number, Map<string, number[]>>();
  model.edges.forEach((e, k) => {
    const i = index.get(e.from);
    if (i === undefined || e.relation !== 'supportedBy' || !owners.has(e.from)) return;
    const group = groupOf.get(`${e.from}\u0000${e.to}`);
    const port = group === undefined ? 'b' : `g${group}`;
    const byPort = ports.get(i) ?? new Map<string, number[]>();
    ports.set(i, byPort);
    const list = byPort.get(port) ?? [];
    byPort.set(port, list);
    list.push(k);
  });
  for (const [i, byPort] of ports) {
    const m = byPort.size;
    const gap = Math.min(LANE_GAP, bottomWidth(i) / (m + 1));
    const list: Lane[] = [];
    [...byPort.keys()].forEach((port, p) => {
      const lane = { port, dx: round((p - (m - 1) / 2) * gap) };
      list.push(lane);
      for (const k of byPort.get(port)!) lanes.ofEdge.set(k, lane);
    });
    // `b` first; an element whose links all sit in groups keeps it at its centre for the rest.
    const ordinary = list.find((l) => l.port === 'b') ?? { port: 'b', dx: 0 };
    lanes.ofElement.set(i, [ordinary, ...list.filter((l) => l !== ordinary)]);
  }
  return lanes;
}


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
  const supports = (from: string) => layout.edges.filter((e) => e.from === from && e.relation === 'supportedBy' && e.points.length >= 2);
  for (const element of model.elements) {
    if (!element.choice) continue;
    const node = nodes.get(element.id);
    if (node) node.choice = choiceMark(node, supports(element.id), element.choice.label, grow);
  }
  // Choice groups: the diamond on the junction of the group's links only (they leave from a
  // port of their own, see choiceLanes).
  const choices: LayoutChoice[] = [];
  for (const c of model.choices ?? []) {
    const node = nodes.get(c.from);
    if (!node) continue;
    const to = new Set(c.to);
    const links = supports(c.from).filter((e) => to.has(e.to));
    choices.push({ from: c.from, to: [...c.to], ...choiceMark(node, links, c.label, grow) });
  }
  if (model.choices) layout.choices = choices;
  layout.width = round(right);
  return taken;
}

/**
 * The diamond on the junction of `links` and its label beside it, above the line the links part
 * along: on the right, or on the left when the links leave left of the element's centre (its
 * other links leave right of them) and the label fits there.
 */
function choiceMark(node: LayoutNode, links: readonly LayoutEdge[], label: string | null, grow: (x: number) => void): LayoutPatternMark {
  const at = junction(node, links);
  const width = label ? measure(label, { bold: false, italic: false, code: false }, PATTERN_FONT_SIZE) : 0;
  const leftX = at.x - CHOICE_WIDTH / 2 - LABEL_GAP - width;
  const left = at.x < node.x + node.width / 2 - 0.5 && leftX >= MARGIN / 2;
  const labelAt = label ? { x: round(left ? leftX : at.x + CHOICE_WIDTH / 2 + LABEL_GAP), y: round(at.y - LABEL_GAP) } : null;
  if (labelAt) grow(labelAt.x + width);
  return { label, at, labelAt, labelWidth: round(width) };
}

/**
 * Where the links part: the first bend of one leaving the shape's bottom straight down (links
 * from one port share their first segment, so it is their common junction); else just below
 * the shape, on the links' first segment.
 */
function junction(node: LayoutNode, links: readonly LayoutEdge[]): Point {
  for (const link of links) {
    const [a, b, c] = link.points;
    if (a && b && c && Math.abs(a.x - b.x) < 0.05 && b.y - a.y >= CHOICE_HEIGHT / 2 + 2) return { x: round(b.x), y: round(b.y) };
  }
  const x = links[0]?.points[0]?.x ?? node.x + node.width / 2;
  return { x: round(x), y: round(node.y + node.height + CHOICE_DROP) };
}

/**
 * Right of a ball on a vertical line, its baseline at the ball's bottom (so it stays clear of a
 * horizontal line just above the ball); above it, centred, on a horizontal line.
 */
function labelBeside(at: Point, half: number, vertical: boolean, width: number): Point {
  if (vertical) return { x: round(at.x + half + LABEL_GAP), y: round(at.y + half + 1) };
  return { x: round(at.x - width / 2), y: round(at.y - half - LABEL_GAP) };
}
