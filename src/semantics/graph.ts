import type { ModelEdge, Relation } from './model.js';

/**
 * The edges of a case indexed by element, and the graph walks the rules need. Every walk is
 * iterative with an explicit stack or queue: cases nest 1,000 deep and hold 50,000 elements,
 * far past what the call stack allows.
 */
export class Graph {
  private readonly out = new Map<string, ModelEdge[]>();
  private readonly in = new Map<string, ModelEdge[]>();

  constructor(readonly edges: readonly ModelEdge[]) {
    for (const edge of edges) {
      append(this.out, edge.from, edge);
      append(this.in, edge.to, edge);
    }
  }

  /** Edges from `id`, in source order, optionally of one relation. */
  outgoing(id: string, relation?: Relation): readonly ModelEdge[] {
    const all = this.out.get(id) ?? [];
    return relation ? all.filter((e) => e.relation === relation) : all;
  }

  incoming(id: string, relation?: Relation): readonly ModelEdge[] {
    const all = this.in.get(id) ?? [];
    return relation ? all.filter((e) => e.relation === relation) : all;
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type Successors = (id: string) => Iterable<string>;

/** Every node reachable from `starts` (the starts included). */
export function reachable(starts: Iterable<string>, next: Successors): Set<string> {
  const seen = new Set<string>();
  visit(starts, next, seen);
  return seen;
}

/** Visits what `starts` reach and `seen` does not hold yet; adds it to `seen` and returns it. */
export function visit(starts: Iterable<string>, next: Successors, seen: Set<string>): string[] {
  const visited: string[] = [];
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    visited.push(id);
    for (const n of next(id)) if (!seen.has(n)) stack.push(n);
  }
  return visited;
}

/**
 * Strongly connected components (Tarjan), iteratively. Returns the component number of every
 * node; nodes on a common cycle share a number.
 */
export function components(nodes: Iterable<string>, next: Successors): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const tarjanStack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let componentCount = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    // Each frame remembers the node and where it is in its successor list.
    const frames: { id: string; successors: string[]; at: number }[] = [];
    const enter = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      tarjanStack.push(id);
      onStack.add(id);
      frames.push({ id, successors: [...next(id)], at: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.at < frame.successors.length) {
        const n = frame.successors[frame.at++]!;
        if (!index.has(n)) enter(n);
        else if (onStack.has(n)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(n)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        let member: string;
        do {
          member = tarjanStack.pop()!;
          onStack.delete(member);
          component.set(member, componentCount);
        } while (member !== frame.id);
        componentCount++;
      }
    }
  }
  return component;
}

/** Work allowance shared by several searches, so pathological inputs stay bounded. */
export interface WalkBudget {
  remaining: number;
}

/**
 * A shortest path `from` ... `to` (both included), breadth first, or null when there is none or
 * the budget ran out (`budget.remaining` then ends at or below zero).
 */
export function shortestPath(from: string, to: string, next: Successors, budget?: WalkBudget): string[] | null {
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    if (id === to) return unwind(cameFrom, to);
    for (const n of next(id)) {
      if (budget && --budget.remaining < 0) return null;
      if (cameFrom.has(n)) continue;
      cameFrom.set(n, id);
      queue.push(n);
    }
  }
  return null;
}

function unwind(cameFrom: Map<string, string | null>, to: string): string[] {
  const path: string[] = [];
  for (let at: string | null | undefined = to; at != null; at = cameFrom.get(at)) path.push(at);
  return path.reverse();
}
