/**
 * Large trees laid out in blocks. ELK layered costs more per node the bigger the graph (here:
 * about 0.45 ms a node in graphs of 100, 0.8 ms in one graph of 10,000), and a few ms a call
 * whatever the size. So a forest of more than BLOCK_TRIGGER ELK nodes is cut into blocks of about
 * BLOCK_SIZE nodes, each laid out by its own ELK call, and put back together by ELK:
 *
 * - A subtree too big for one call keeps its top rows in its own graph; every subtree hanging
 *   below the cut is laid out first and enters that graph as one fixed-size node whose top port
 *   sits above the subtree's root, so the link from the parent still ends on the root.
 * - Small sibling subtrees share one ELK call (laid out side by side, then cut apart), so there
 *   are few calls however bushy the tree.
 * - Every node an ELK graph gets is as tall as the tallest node of its row in the whole forest
 *   (its bottom port moved down with it), so every row is as tall as in one ELK run and rows line
 *   up across blocks. A block only ever sits in the last row of its graph.
 *
 * The result has the shape of ELK's own (children with x/y, edges with one section), so the rest
 * of the layout stage does not know which way it was made. Graphs that are not forests (shared
 * children, challenges, cycles) return null and go to ELK whole.
 */
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import { elkPositions, elkRoutes } from './elk-result.js';
import { NODE_SPACING } from './style.js';
import type { Point } from './types.js';

/** Above this many ELK nodes, a forest is laid out in blocks. */
export const BLOCK_TRIGGER = 500;
/**
 * Aimed-at size of one ELK call. Small calls cost ELK less in all (its time per node grows with
 * the graph), and most of all while its code is still cold: a 1,000-element case's layout, cold,
 * took ~1.68 s with blocks of 250 nodes, ~1.46 s with 120 and ~1.35 s with 60 (medians of 6-8
 * interleaved runs); 10,000 elements were no slower. The rows match one ELK run whatever the size.
 */
export const BLOCK_SIZE = 60;

type Run = (graph: ElkNode) => Promise<ElkNode>;

interface Forest {
  graph: ElkNode;
  nodes: ElkNode[];
  /** Children of each node, in edge order. */
  children: number[][];
  /** Index into graph.edges of the edge into each node (-1 for a root). */
  inEdge: number[];
  parent: number[];
  depth: number[];
  /** Nodes in each subtree, the node included. */
  size: number[];
  roots: number[];
  /** Height of each depth's row: its tallest node. */
  rowHeight: number[];
}

/** A laid-out subtree, relative to its bounding box's top-left corner. */
interface Block {
  root: number;
  width: number;
  height: number;
  /** x of the root's top port. */
  portX: number;
  nodes: { node: number; x: number; y: number }[];
  edges: { edge: number; points: Point[] }[];
}

export async function layoutInBlocks(graph: ElkNode, run: Run): Promise<ElkNode | null> {
  if ((graph.children?.length ?? 0) <= BLOCK_TRIGGER) return null;
  const forest = asForest(graph);
  if (!forest) return null;
  const blocks = await layoutSubtrees(forest, forest.roots, run);
  return assemble(forest, blocks);
}

/** The graph as a forest, or null when some node has two parents, or there is a cycle or a challenge. */
function asForest(graph: ElkNode): Forest | null {
  const nodes = graph.children ?? [];
  const edges = graph.edges ?? [];
  const portNode = new Map<string, number>();
  nodes.forEach((node, i) => {
    for (const port of node.ports ?? []) portNode.set(port.id, i);
  });
  const children: number[][] = nodes.map(() => []);
  const inEdge = new Array<number>(nodes.length).fill(-1);
  const parent = new Array<number>(nodes.length).fill(-1);
  for (let k = 0; k < edges.length; k++) {
    const edge = edges[k]!;
    if (!edge.id.startsWith('e') || edge.sources.length !== 1 || edge.targets.length !== 1) return null;
    const from = portNode.get(edge.sources[0]!);
    const to = portNode.get(edge.targets[0]!);
    if (from === undefined || to === undefined || inEdge[to] !== -1) return null;
    inEdge[to] = k;
    parent[to] = from;
    children[from]!.push(to);
  }
  const roots: number[] = [];
  for (let i = 0; i < nodes.length; i++) if (inEdge[i] === -1) roots.push(i);
  const depth = new Array<number>(nodes.length).fill(-1);
  const order: number[] = [];
  for (const r of roots) depth[r] = 0;
  order.push(...roots);
  for (let q = 0; q < order.length; q++) {
    for (const c of children[order[q]!]!) {
      depth[c] = depth[order[q]!]! + 1;
      order.push(c);
    }
  }
  if (order.length !== nodes.length) return null; // a cycle: some node no root reaches
  const size = new Array<number>(nodes.length).fill(1);
  const rowHeight: number[] = [];
  for (let q = order.length - 1; q >= 0; q--) {
    const i = order[q]!;
    for (const c of children[i]!) size[i]! += size[c]!;
    rowHeight[depth[i]!] = Math.max(rowHeight[depth[i]!] ?? 0, nodes[i]!.height ?? 0);
  }
  return { graph, nodes, children, inEdge, parent, depth, size, roots, rowHeight };
}

/**
 * Blocks for the subtrees of `roots` (siblings or cousins at one depth, in drawing order):
 * consecutive small ones share a call; one too big is cut below its top rows.
 */
async function layoutSubtrees(forest: Forest, roots: number[], run: Run): Promise<Block[]> {
  // All calls start at once (a runner with several threads takes them in parallel); results
  // are used in drawing order whatever order they finish in.
  const pending: Promise<Block[]>[] = [];
  let group: number[] = [];
  let groupSize = 0;
  const flush = () => {
    if (group.length > 0) pending.push(layoutGroup(forest, group, run));
    group = [];
    groupSize = 0;
  };
  for (const r of roots) {
    if (forest.size[r]! > BLOCK_SIZE) {
      flush();
      pending.push(layoutCut(forest, r, run).then((block) => [block]));
      continue;
    }
    if (groupSize + forest.size[r]! > BLOCK_SIZE) flush();
    group.push(r);
    groupSize += forest.size[r]!;
  }
  flush();
  return (await Promise.all(pending)).flat();
}

/** Whole small subtrees in one ELK call, then cut apart into one block each. */
async function layoutGroup(forest: Forest, roots: number[], run: Run): Promise<Block[]> {
  const members: number[] = [];
  for (const r of roots) collect(forest, r, members, () => true);
  const result = await run(subgraph(forest, members, new Map()));
  const placed = elkPositions(result);
  const routes = elkRoutes(result);
  return roots.map((r) => {
    const nodes: number[] = [];
    collect(forest, r, nodes, () => true);
    return toBlock(forest, r, nodes, placed, routes, new Map());
  });
}

/**
 * A subtree too big for one call: its top rows (up to half a block) in one graph whose last row
 * holds the subtrees below them, laid out first, as fixed-size nodes.
 */
async function layoutCut(forest: Forest, root: number, run: Run): Promise<Block> {
  const top = forest.depth[root]!;
  let cut = top + 1;
  let count = 1;
  let level = [root];
  for (;;) {
    const next = level.flatMap((i) => forest.children[i]!);
    const below = next.flatMap((i) => forest.children[i]!);
    if (below.length === 0 || count + next.length > BLOCK_SIZE / 2) break;
    count += next.length;
    level = next;
    cut++;
  }
  const frontier = level.flatMap((i) => forest.children[i]!);
  const hanging = frontier.filter((i) => forest.children[i]!.length > 0);
  const sub = new Map<number, Block>();
  for (const block of await layoutSubtrees(forest, hanging, run)) sub.set(block.root, block);
  const members: number[] = [];
  collect(forest, root, members, (i) => forest.depth[i]! < cut);
  const result = await run(subgraph(forest, members, sub));
  return toBlock(forest, root, members, elkPositions(result), elkRoutes(result), sub);
}

/** Depth-first, in drawing order: i and its descendants while `enter` says to go below. */
function collect(forest: Forest, i: number, out: number[], enter: (node: number) => boolean): void {
  const stack = [i];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    if (!enter(n)) continue;
    const kids = forest.children[n]!;
    for (let j = kids.length - 1; j >= 0; j--) stack.push(kids[j]!);
  }
}

/** The ELK graph of some nodes (row-height padded) and the edges between them; blocks as single nodes. */
function subgraph(forest: Forest, members: number[], sub: Map<number, Block>): ElkNode {
  const sorted = members.slice().sort((a, b) => a - b);
  const inside = new Set(sorted);
  const children = sorted.map((i) => {
    const block = sub.get(i);
    return block ? blockNode(forest.nodes[i]!, block) : padded(forest.nodes[i]!, forest.rowHeight[forest.depth[i]!]!);
  });
  const edges: ElkExtendedEdge[] = [];
  for (const i of sorted) {
    const k = forest.inEdge[i]!;
    if (k >= 0 && inside.has(forest.parent[i]!)) edges.push(forest.graph.edges![k]!);
  }
  edges.sort((a, b) => edgeIndex(a) - edgeIndex(b));
  return { id: 'root', layoutOptions: forest.graph.layoutOptions, children, edges };
}

function edgeIndex(edge: ElkExtendedEdge): number {
  return Number(edge.id.slice(1));
}

/** A node as tall as its row, its bottom port moved to the new bottom. */
function padded(node: ElkNode, rowHeight: number): ElkNode {
  const height = Math.max(node.height ?? 0, rowHeight);
  const ports = (node.ports ?? []).map((p: ElkPort) => (p.y === node.height && p.y !== 0 ? { ...p, y: height } : p));
  return { ...node, height, ports };
}

/** A laid-out subtree as one node; its top port keeps the root's port id, so edges need no change. */
function blockNode(root: ElkNode, block: Block): ElkNode {
  const top = (root.ports ?? []).find((p) => p.y === 0)!;
  return {
    id: root.id,
    width: block.width,
    height: block.height,
    layoutOptions: root.layoutOptions,
    ports: [{ ...top, x: block.portX, y: 0 }],
  };
}

/** The members' places (a sub-block's nodes through its own place) as a block of their own. */
function toBlock(
  forest: Forest,
  root: number,
  members: number[],
  placed: Map<string, Point>,
  routes: Map<string, Point[]>,
  sub: Map<number, Block>,
): Block {
  const nodes: Block['nodes'] = [];
  const edges: Block['edges'] = [];
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const cover = (x: number, y: number, width: number, height: number) => {
    box.minX = Math.min(box.minX, x);
    box.minY = Math.min(box.minY, y);
    box.maxX = Math.max(box.maxX, x + width);
    box.maxY = Math.max(box.maxY, y + height);
  };
  for (const i of members) {
    const node = forest.nodes[i]!;
    const at = placed.get(node.id) ?? { x: 0, y: 0 };
    const block = sub.get(i);
    if (block) {
      for (const n of block.nodes) nodes.push({ node: n.node, x: at.x + n.x, y: at.y + n.y });
      for (const e of block.edges) edges.push({ edge: e.edge, points: e.points.map((p) => ({ x: at.x + p.x, y: at.y + p.y })) });
      cover(at.x, at.y, block.width, block.height);
    } else {
      nodes.push({ node: i, x: at.x, y: at.y });
      cover(at.x, at.y, node.width ?? 0, node.height ?? 0);
    }
    const k = forest.inEdge[i]!;
    if (i === root || k < 0) continue;
    const points = routes.get(forest.graph.edges![k]!.id);
    if (!points) continue;
    edges.push({ edge: k, points });
    for (const p of points) cover(p.x, p.y, 0, 0);
  }
  for (const n of nodes) {
    n.x -= box.minX;
    n.y -= box.minY;
  }
  for (const e of edges) e.points = e.points.map((p) => ({ x: p.x - box.minX, y: p.y - box.minY }));
  const rootAt = placed.get(forest.nodes[root]!.id) ?? { x: 0, y: 0 };
  const topPort = (forest.nodes[root]!.ports ?? []).find((p) => p.y === 0);
  return {
    root,
    width: box.maxX - box.minX,
    height: box.maxY - box.minY,
    portX: rootAt.x - box.minX + (topPort?.x ?? (forest.nodes[root]!.width ?? 0) / 2),
    nodes,
    edges,
  };
}

/** The root blocks side by side, top-aligned, as ELK's result for the whole graph would be. */
function assemble(forest: Forest, blocks: Block[]): ElkNode {
  const children: ElkNode[] = [];
  const edges: ElkExtendedEdge[] = [];
  let x = 0;
  for (const block of blocks) {
    for (const n of block.nodes) children.push({ id: forest.nodes[n.node]!.id, x: x + n.x, y: n.y });
    for (const e of block.edges) {
      const points = e.points.map((p) => ({ x: x + p.x, y: p.y }));
      const edge = forest.graph.edges![e.edge]!;
      edges.push({
        ...edge,
        sections: [{ id: `${edge.id}s`, startPoint: points[0]!, endPoint: points[points.length - 1]!, bendPoints: points.slice(1, -1) }],
      } as ElkExtendedEdge);
    }
    x += block.width + NODE_SPACING;
  }
  return { id: 'root', children, edges };
}
