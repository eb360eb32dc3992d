/**
 * Model + shapes -> ELK graph. GSN conventions ELK does not give by itself are built in here:
 *
 * - A context, assumption or justification used by exactly one element is packed with that
 *   element into one ELK node: first on the right, second on the left, alternating, each
 *   vertically centred on the element (several on one side stack in a column centred on it).
 *   The InContextOf edges inside a pack are drawn here, not by ELK.
 * - Every ELK node has two FIXED_POS ports at its element's own top and bottom centre, so
 *   SupportedBy edges attach to the element, not the middle of the pack.
 * - Nodes and edges are fed in depth-first source order (a shared child when its last parent
 *   is reached); with crossing minimisation off, ELK keeps that order within each layer, so
 *   SupportedBy children stay left to right as written.
 *
 * All walks are iterative.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Model } from '../semantics/model.js';
import { CONTEXT_KINDS } from '../syntax/ast.js';
import { leftMiddle, rightMiddle, type ShapeBox } from './geometry.js';
import type { ShapeGeometry } from './shapes.js';
import { CONTEXT_GAP, CONTEXT_STACK_GAP, LAYER_SPACING, MARGIN, NODE_SPACING, STRATEGY_SKEW } from './style.js';
import type { Point } from './types.js';
import { challengeEnds, challengePortOffset } from './challenges.js';
import { choiceLanes, type Lane } from './patterns.js';

export interface PackMember {
  /** Index into model.elements. */
  element: number;
  /** Offset of the member's shape box from the pack's top-left corner. */
  dx: number;
  dy: number;
}

export interface Pack {
  elkId: string;
  /** The element the pack is built around (index into model.elements). */
  main: number;
  members: PackMember[];
  width: number;
  height: number;
  /** x of the main element's centre, relative to the pack. */
  portX: number;
  /** InContextOf edges inside the pack: model edge index and polyline relative to the pack. */
  inner: { edge: number; points: Point[] }[];
}

export interface GraphPlan {
  packs: Pack[];
  /** Pack index of every element. */
  packOf: number[];
  /** ELK edges: model edge index per ELK edge id `e<k>`. */
  routed: number[];
  /** Model edges that could not be laid out by ELK (self-loops, unknown ends). */
  unrouted: number[];
  /** Model challenges routed by ELK, as ELK edge id `c<j>` for challenge j. */
  challengesRouted: Set<number>;
  /** Pattern extension: model edge index -> how far right of its element's centre the edge leaves (choice lanes). */
  startShift: Map<number, number>;
  graph: ElkNode;
}

export const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  // Each element one row below its lowest parent (network simplex layering would pull a shared
  // child's other parents down to it).
  'elk.layered.layering.strategy': 'LONGEST_PATH_SOURCE',
  // Source order is the drawing order: no crossing minimisation (see DAG_OPTIONS for graphs
  // with long edges), no greedy switching.
  'elk.layered.crossingMinimization.strategy': 'NONE',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  // Brandes-Koepf, balanced: parents centred over their children, fast on wide trees.
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.spacing.nodeNode': String(NODE_SPACING),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_SPACING),
  'elk.spacing.edgeNode': '12',
  'elk.spacing.edgeEdge': '10',
  'elk.layered.spacing.edgeNodeBetweenLayers': '12',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.separateConnectedComponents': 'false',
  'elk.padding': `[top=${MARGIN},left=${MARGIN},bottom=${MARGIN},right=${MARGIN}]`,
};

/**
 * For a graph with edges spanning several rows (shared evidence at different depths): a layer
 * sweep that may move only the dummy nodes of long edges, never reorder real nodes. With NONE,
 * ELK appends those dummies at the right end of every row, so such edges wander across the
 * whole diagram. The sweep costs superlinear time and memory (3,000 elements: 11 s instead of
 * 2.6 s; 10,000: minutes and gigabytes), so it is used only up to DAG_SWEEP_LIMIT nodes.
 */
export const DAG_OPTIONS: Record<string, string> = {
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
};
export const DAG_SWEEP_LIMIT = 1000;
/** Children of one element from which a challenger of one of their links is placed beside it. */
const LONG_ROW = 5;

export function buildGraph(model: Model, shapes: ShapeGeometry[]): GraphPlan {
  const n = model.elements.length;
  const index = new Map<string, number>();
  model.elements.forEach((e, i) => {
    if (!index.has(e.id)) index.set(e.id, i);
  });
  const lanes = choiceLanes(model, index, (i) => shapes[i]!.width - (shapes[i]!.kind === 'strategy' ? STRATEGY_SKEW : 0));
  const edgeEnds = model.edges.map((e) => {
    const from = index.get(e.from);
    const to = index.get(e.to);
    return from === undefined || to === undefined ? null : { from, to };
  });

  // Which contextual elements are used by exactly one element and nothing else touches.
  const host = new Array<number>(n).fill(-1); // -1 unknown, -2 not packable, else host index
  const outDegree = new Array<number>(n).fill(0);
  model.edges.forEach((edge, k) => {
    const ends = edgeEnds[k];
    if (!ends) return;
    outDegree[ends.from]!++;
    const target = ends.to;
    if (edge.relation !== 'inContextOf' || ends.from === target) host[target] = -2;
    else if (host[target] === -1) host[target] = ends.from;
    else if (host[target] !== ends.from) host[target] = -2;
  });
  const packed = (i: number) =>
    host[i]! >= 0 && outDegree[i] === 0 && CONTEXT_KINDS.has(model.elements[i]!.kind);

  // Packs, one per element that is not packed into another.
  const packOf = new Array<number>(n).fill(-1);
  const packs: Pack[] = [];
  const contextsOf = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (packed(i)) continue;
    packOf[i] = packs.length;
    packs.push({ elkId: `n${packs.length}`, main: i, members: [], width: 0, height: 0, portX: 0, inner: [] });
  }
  const innerEdges = new Map<number, number[]>(); // context -> its model edges
  model.edges.forEach((_edge, k) => {
    const ends = edgeEnds[k];
    if (!ends || !packed(ends.to)) return;
    const list = contextsOf.get(ends.from) ?? [];
    if (!innerEdges.has(ends.to)) {
      list.push(ends.to);
      innerEdges.set(ends.to, []);
    }
    contextsOf.set(ends.from, list);
    innerEdges.get(ends.to)!.push(k);
  });
  for (const pack of packs) {
    arrangePack(pack, contextsOf.get(pack.main) ?? [], shapes, model, innerEdges, packOf);
  }

  // Depth-first source order over packs.
  const outEdges: number[][] = packs.map(() => []);
  const incoming = new Array<number>(packs.length).fill(0);
  const routed: number[] = [];
  const unrouted: number[] = [];
  model.edges.forEach((_edge, k) => {
    const ends = edgeEnds[k];
    if (!ends) {
      unrouted.push(k);
      return;
    }
    if (packed(ends.to)) return; // drawn inside the pack
    const a = packOf[ends.from]!;
    const b = packOf[ends.to]!;
    if (a === b) {
      unrouted.push(k);
      return;
    }
    outEdges[a]!.push(k);
    incoming[b]!++;
  });
  // Challenges: ELK edges from what they challenge down to the challenger (challenges.ts),
  // numbered after the model edges in the same lists.
  const m = model.edges.length;
  const allEnds = edgeEnds.slice();
  const anchors = new Set<number>();
  const challengesRouted = new Set<number>();
  const challengesBy = new Map<string, number>();
  for (const c of model.challenges ?? []) challengesBy.set(c.from, (challengesBy.get(c.from) ?? 0) + 1);
  (model.challenges ?? []).forEach((c, j) => {
    const ends = challengeEnds(c, index);
    allEnds.push(ends);
    if (!ends || packOf[ends.from]! < 0 || packOf[ends.to]! < 0) return;
    const a = packOf[ends.from]!;
    const b = packOf[ends.to]!;
    if (a === b) return;
    // In a long row, a challenger of one link goes right after the link's far end among the
    // anchor's children, so ELK places it beside what it challenges rather than at the far end
    // of the row (a challenger of several things stays at the end: no place is beside them all;
    // in a short row the end is near anyway, and the order as written is kept).
    const out = outEdges[a]!;
    const far = c.target.type === 'relation' && challengesBy.get(c.from) === 1 && out.length >= LONG_ROW ? index.get(c.target.to) : undefined;
    let at = far === undefined ? -1 : out.findIndex((k) => k < m && edgeEnds[k]?.to === far);
    if (at < 0) at = out.length;
    else for (at++; at < out.length && out[at]! >= m; at++); // after earlier challengers of that link
    out.splice(at, 0, m + j);
    incoming[b]!++;
    anchors.add(a);
    challengesRouted.add(j);
  });

  // A pack is placed when its last parent is (a topological depth-first order), so a shared
  // child keeps its place among the children of the parent drawn just above it.
  const order: number[] = [];
  const placed = new Array<boolean>(packs.length).fill(false);
  const waiting = incoming.slice();
  const visit = (root: number) => {
    const stack = [root];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (placed[p]) continue;
      placed[p] = true;
      order.push(p);
      const out = outEdges[p]!;
      for (let j = out.length - 1; j >= 0; j--) {
        const target = packOf[allEnds[out[j]!]!.to]!;
        if (--waiting[target]! <= 0 && !placed[target]) stack.push(target);
      }
    }
  };
  for (const id of model.topGoals) {
    const i = index.get(id);
    if (i !== undefined && packOf[i]! >= 0 && incoming[packOf[i]!] === 0) visit(packOf[i]!);
  }
  for (let p = 0; p < packs.length; p++) if (incoming[p] === 0) visit(p);
  for (let p = 0; p < packs.length; p++) visit(p); // only cycles are left (a model with errors)

  // A shared child gets one top port per incoming SupportedBy edge, all at its centre: ELK merges
  // edges that share a port into one hyperedge, and a bus joining several parents to several
  // shared children would show links that were never stated. Separate ports keep each link
  // traceable on its own track.
  const supportersOf = new Array<number>(packs.length).fill(0);
  for (const out of outEdges) for (const k of out) if (k < m) supportersOf[packOf[allEnds[k]!.to]!]!++;
  const children: ElkNode[] = order.map((p) => {
    const pack = packs[p]!;
    const sharedTops = supportersOf[p]! > 1 ? supportersOf[p]! : 0;
    const extraTops = Array.from({ length: sharedTops }, (_, j) => topPort(`${pack.elkId}t${j}`, pack.portX));
    const challengePort = anchors.has(p) ? [bottomPort(`${pack.elkId}c`, pack.portX + challengePortOffset(shapes[pack.main]!.width), pack.height)] : [];
    return {
      id: pack.elkId,
      width: pack.width,
      height: pack.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS', 'elk.alignment': 'TOP' },
      ports: [
        ...challengePort,
        topPort(`${pack.elkId}t`, pack.portX),
        ...extraTops,
        ...(lanes.ofElement.get(pack.main) ?? [ORDINARY]).map((lane) => bottomPort(`${pack.elkId}${lane.port}`, pack.portX + lane.dx, pack.height)),
      ],
    };
  });
  const edges: ElkExtendedEdge[] = [];
  const startShift = new Map<number, number>();
  const usedTops = new Array<number>(packs.length).fill(0);
  const supportPort = (target: number) =>
    supportersOf[target]! > 1 ? `${packs[target]!.elkId}t${usedTops[target]!++}` : `${packs[target]!.elkId}t`;
  for (const p of order) {
    for (const k of outEdges[p]!) {
      const ends = allEnds[k]!;
      if (k >= m) {
        edges.push({ id: `c${k - m}`, sources: [`${packs[packOf[ends.from]!]!.elkId}c`], targets: [`${packs[packOf[ends.to]!]!.elkId}t`] });
        continue;
      }
      const lane = lanes.ofEdge.get(k) ?? lanes.ofElement.get(ends.from)?.[0] ?? ORDINARY;
      if (lane.dx !== 0) startShift.set(k, lane.dx);
      edges.push({
        id: `e${routed.length}`,
        sources: [`${packs[packOf[ends.from]!]!.elkId}${lane.port}`],
        targets: [supportPort(packOf[ends.to]!)],
      });
      routed.push(k);
    }
  }
  const sweep = packs.length <= DAG_SWEEP_LIMIT && hasLongEdges(packs.length, outEdges, (k) => packOf[allEnds[k]!.to]!);
  const layoutOptions = sweep ? { ...ELK_OPTIONS, ...DAG_OPTIONS } : { ...ELK_OPTIONS };
  return { packs, packOf, routed, unrouted, challengesRouted, startShift, graph: { id: 'root', layoutOptions, children, edges } };
}

/** The bottom port SupportedBy links leave from, at the element's centre (choice lanes add more: patterns.ts). */
const ORDINARY: Lane = { port: 'b', dx: 0 };

// No `elk.port.side` on ports: with FIXED_POS, ELK reads the side from where the port is (top
// edge: north, bottom edge: south), with the same result, and each option costs ELK time per port.
function topPort(id: string, x: number) {
  return { id, x, y: 0, width: 0, height: 0 };
}

function bottomPort(id: string, x: number, y: number) {
  return { id, x, y, width: 0, height: 0 };
}

/**
 * True when, with every node one row below its lowest parent, some edge spans more than one
 * row (or the graph has a cycle, which only a model with errors has).
 */
function hasLongEdges(count: number, outEdges: number[][], targetOf: (edge: number) => number): boolean {
  const waiting = new Array<number>(count).fill(0);
  for (const out of outEdges) for (const k of out) waiting[targetOf(k)]!++;
  const layer = new Array<number>(count).fill(0);
  const ready: number[] = [];
  for (let p = 0; p < count; p++) if (waiting[p] === 0) ready.push(p);
  let done = 0;
  while (ready.length > 0) {
    const p = ready.pop()!;
    done++;
    for (const k of outEdges[p]!) {
      const t = targetOf(k);
      layer[t] = Math.max(layer[t]!, layer[p]! + 1);
      if (--waiting[t]! === 0) ready.push(t);
    }
  }
  if (done < count) return true;
  for (let p = 0; p < count; p++) for (const k of outEdges[p]!) if (layer[targetOf(k)]! - layer[p]! > 1) return true;
  return false;
}

/** Places the main element and its single-use contexts inside one pack. */
function arrangePack(
  pack: Pack,
  contexts: number[],
  shapes: ShapeGeometry[],
  model: Model,
  innerEdges: Map<number, number[]>,
  packOf: number[],
): void {
  const main = shapes[pack.main]!;
  const cy = main.height / 2;
  const members: PackMember[] = [{ element: pack.main, dx: 0, dy: 0 }];
  const right = contexts.filter((_, i) => i % 2 === 0);
  const left = contexts.filter((_, i) => i % 2 === 1);
  const column = (items: number[], side: 'right' | 'left') => {
    // Stack top to bottom, then centre the stack's shapes on the main element's middle.
    const ys: number[] = [];
    let y = 0;
    items.forEach((c, i) => {
      ys.push(y);
      const s = shapes[c]!;
      y += s.height + s.reserveBottom + (i < items.length - 1 ? CONTEXT_STACK_GAP : 0);
    });
    const last = shapes[items[items.length - 1]!]!;
    const extent = ys[ys.length - 1]! + last.height;
    const shift = cy - extent / 2;
    items.forEach((c, i) => {
      const s = shapes[c]!;
      const dx = side === 'right' ? main.width + main.reserveRight + CONTEXT_GAP : -CONTEXT_GAP - s.reserveRight - s.width;
      members.push({ element: c, dx, dy: ys[i]! + shift });
    });
  };
  if (right.length > 0) column(right, 'right');
  if (left.length > 0) column(left, 'left');

  // Normalise to the pack's top-left corner, reserves included.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const m of members) {
    const s = shapes[m.element]!;
    minX = Math.min(minX, m.dx);
    minY = Math.min(minY, m.dy);
    maxX = Math.max(maxX, m.dx + s.width + s.reserveRight);
    maxY = Math.max(maxY, m.dy + s.height + s.reserveBottom);
  }
  for (const m of members) {
    m.dx -= minX;
    m.dy -= minY;
  }
  pack.members = members;
  pack.width = maxX - minX;
  pack.height = maxY - minY;
  pack.portX = members[0]!.dx + main.width / 2;
  for (const m of members.slice(1)) packOf[m.element] = packOf[pack.main]!;

  // InContextOf edges: horizontal from the element's side to the context's near side; a column
  // of several contexts shares a vertical bus halfway between.
  const box = (m: PackMember): ShapeBox => ({
    kind: model.elements[m.element]!.kind,
    x: m.dx,
    y: m.dy,
    width: shapes[m.element]!.width,
    height: shapes[m.element]!.height,
  });
  const mainBox = box(members[0]!);
  for (const m of members.slice(1)) {
    const ctx = box(m);
    const onRight = ctx.x > mainBox.x;
    const start = onRight ? rightMiddle(mainBox) : leftMiddle(mainBox);
    const end = onRight ? leftMiddle(ctx) : rightMiddle(ctx);
    const points: Point[] = [start];
    if (Math.abs(end.y - start.y) > 0.005) {
      const bus = onRight ? mainBox.x + mainBox.width + CONTEXT_GAP / 2 : mainBox.x - CONTEXT_GAP / 2;
      points.push({ x: bus, y: start.y }, { x: bus, y: end.y });
    }
    points.push(end);
    for (const k of innerEdges.get(m.element) ?? []) pack.inner.push({ edge: k, points });
  }
}
