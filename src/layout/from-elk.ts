/**
 * ELK result -> plain Layout data. Only the numbers gsnc needs are copied out; every edge is
 * completed so it starts on the outline of its `from` shape and ends on its `to` shape.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Model } from '../semantics/model.js';
import type { GraphPlan } from './elk-graph.js';
import { elkPositions, elkRoutes } from './elk-result.js';
import { bottomCentre, topCentre, type ShapeBox } from './geometry.js';
import type { ShapeGeometry } from './shapes.js';
import {
  FONT_FAMILY,
  FONT_SIZE,
  LINE_HEIGHT,
  MARGIN,
} from './style.js';
import type { Layout, LayoutChallenge, LayoutEdge, LayoutNode, Point } from './types.js';
import { challengePoints } from './challenges.js';

const round = (v: number) => Math.round(v * 100) / 100 + 0; // + 0 turns -0 into 0

export function fromElk(model: Model, shapes: ShapeGeometry[], plan: GraphPlan, result: ElkNode): Layout {
  const position = elkPositions(result);

  const boxes: ShapeBox[] = new Array<ShapeBox>(model.elements.length);
  for (const pack of plan.packs) {
    const at = position.get(pack.elkId) ?? { x: 0, y: 0 };
    for (const m of pack.members) {
      const s = shapes[m.element]!;
      boxes[m.element] = { kind: s.kind, x: at.x + m.dx, y: at.y + m.dy, width: s.width, height: s.height };
    }
  }

  const points: Point[][] = model.edges.map(() => []);
  for (const pack of plan.packs) {
    const at = position.get(pack.elkId) ?? { x: 0, y: 0 };
    for (const inner of pack.inner) points[inner.edge] = inner.points.map((p) => ({ x: at.x + p.x, y: at.y + p.y }));
  }
  const elkEdges = elkRoutes(result);
  const index = new Map<string, number>();
  model.elements.forEach((e, i) => {
    if (!index.has(e.id)) index.set(e.id, i);
  });
  plan.routed.forEach((k, j) => {
    const edge = model.edges[k]!;
    const from = boxes[index.get(edge.from)!]!;
    const to = boxes[index.get(edge.to)!]!;
    const start = bottomCentre(from);
    start.x += plan.startShift?.get(k) ?? 0; // pattern extension: a choice lane's port beside the centre
    const end = topCentre(to);
    const route = elkEdges.get(`e${j}`) ?? [];
    points[k] = tidy([start, ...route.map((p) => ({ x: p.x, y: p.y })), end]);
  });
  for (const k of plan.unrouted) {
    const edge = model.edges[k]!;
    const i = index.get(edge.from);
    const j = index.get(edge.to);
    if (i === undefined || j === undefined) continue;
    // A self-loop (only in a model with errors): a small loop on the right.
    const b = boxes[i]!;
    const x = b.x + b.width;
    const y = b.y + b.height / 2;
    points[k] = i === j ? [{ x, y: y - 6 }, { x: x + 12, y: y - 6 }, { x: x + 12, y: y + 6 }, { x, y: y + 6 }] : [bottomCentre(b), topCentre(boxes[j]!)];
  }

  const routes = new Map<number, Point[]>();
  for (const j of plan.challengesRouted) {
    const route = elkEdges.get(`c${j}`);
    if (route) routes.set(j, route.map((p) => ({ x: p.x, y: p.y })));
  }
  // What challenges keep out of: each shape with its decorations (the A/J letter, diamonds).
  const feet = boxes.map((b, i) => ({ x0: b.x, y0: b.y, x1: b.x + b.width + shapes[i]!.reserveRight, y1: b.y + b.height + shapes[i]!.reserveBottom }));
  const challengeLines = challengePoints(model, boxes, feet, index, points, routes).map(tidy);

  // Bounds of everything drawn, so width/height cover it with a margin on every side.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  model.elements.forEach((_e, i) => {
    const b = boxes[i]!;
    const s = shapes[i]!;
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width + s.reserveRight);
    maxY = Math.max(maxY, b.y + b.height + s.reserveBottom);
  });
  for (const list of [...points, ...challengeLines]) {
    for (const p of list) {
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x);
      maxY = Math.max(maxY, p.y);
    }
  }
  if (model.elements.length === 0) minX = minY = maxX = maxY = MARGIN;
  const shiftX = MARGIN - minX;
  const shiftY = MARGIN - minY;

  const nodes: LayoutNode[] = model.elements.map((e, i) => {
    const b = boxes[i]!;
    const s = shapes[i]!;
    const x = b.x + shiftX;
    const y = b.y + shiftY;
    return {
      id: e.id,
      kind: e.kind,
      x: round(x),
      y: round(y),
      width: round(b.width),
      height: round(b.height),
      undeveloped: e.undeveloped,
      uninstantiated: e.uninstantiated,
      url: e.url,
      classes: [...e.classes],
      ...(e.counter ? { counter: true } : {}),
      ...(e.defeated ? { defeated: true } : {}),
      title: s.title,
      label: { x: round(x + s.label.x), y: round(y + s.label.y) },
      lines: s.lines.map((l) => ({
        x: round(x + l.x),
        y: round(y + l.y),
        width: round(l.width),
        bullet: l.bullet,
        runs: l.runs.map((r) => ({ ...r })),
      })),
    };
  });
  const edges: LayoutEdge[] = model.edges.map((e, k) => ({
    from: e.from,
    to: e.to,
    relation: e.relation,
    points: points[k]!.map((p) => ({ x: round(p.x + shiftX), y: round(p.y + shiftY) })),
    ...(e.defeated ? { defeated: true } : {}),
  }));
  const shifted = (list: Point[]) => list.map((p) => ({ x: round(p.x + shiftX), y: round(p.y + shiftY) }));
  const challenges: LayoutChallenge[] = (model.challenges ?? []).map((c, j) => ({
    from: c.from,
    target: { ...c.target },
    defeated: c.defeated,
    points: shifted(challengeLines[j] ?? []),
  }));
  return {
    width: round(maxX + shiftX + MARGIN),
    height: round(maxY + shiftY + MARGIN),
    font: { family: FONT_FAMILY, size: FONT_SIZE, lineHeight: LINE_HEIGHT },
    nodes,
    edges,
    ...(model.challenges ? { challenges } : {}),
  };
}

/** Drops repeated points and middle points of straight runs; keeps the ends. */
function tidy(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const prev = out[out.length - 2];
    if (last && prev) {
      const vertical = Math.abs(prev.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01;
      const horizontal = Math.abs(prev.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01;
      if (vertical || horizontal) out.pop();
    }
    out.push(p);
  }
  return out;
}

