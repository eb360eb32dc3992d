import type { StageDiagnostic } from '../../diagnostics/types.js';
import type { SemanticContext } from '../context.js';
import { components, shortestPath, type WalkBudget } from '../graph.js';
import type { ModelEdge } from '../model.js';

/**
 * GSN203: a SupportedBy cycle, reported at the link that closes it (the last one written) and
 * named in full. Edges are replayed in source order; an edge closes a cycle when its target
 * already reaches its source. Each closing edge reports one cycle, so no cycle is reported twice.
 * Only edges inside a strongly connected component can close a cycle, so a valid case costs one
 * linear pass; the replay's searches share a budget, past which every tangle still gets one report.
 */
const SEARCH_BUDGET = 5_000_000;

export function supportedByCycles(ctx: SemanticContext): StageDiagnostic[] {
  const support = ctx.graph.edges.filter((e) => e.relation === 'supportedBy');
  const supporters = (id: string) => ctx.graph.outgoing(id, 'supportedBy').map((e) => e.to);
  const component = components(
    ctx.elements.map((e) => e.id),
    supporters,
  );
  const inCycles = support.filter((e) => component.get(e.from) === component.get(e.to));
  if (inCycles.length === 0) return [];

  const found: StageDiagnostic[] = [];
  const reported = new Set<number>();
  const added = new Map<string, string[]>();
  const budget: WalkBudget = { remaining: SEARCH_BUDGET };
  for (const edge of inCycles) {
    if (budget.remaining <= 0) break;
    const path = shortestPath(edge.to, edge.from, (id) => added.get(id) ?? [], budget);
    if (path) {
      found.push(cycle(edge, path));
      reported.add(component.get(edge.from)!);
    }
    const list = added.get(edge.from);
    if (list) list.push(edge.to);
    else added.set(edge.from, [edge.to]);
  }
  // Over budget: one report per tangle not yet reported, at its last link.
  for (const edge of lastPerComponent(inCycles, component)) {
    if (reported.has(component.get(edge.from)!)) continue;
    const path = shortestPath(edge.to, edge.from, supporters) ?? [edge.to, edge.from];
    found.push(cycle(edge, path));
  }
  return found;
}

function lastPerComponent(edges: ModelEdge[], component: Map<string, number>): ModelEdge[] {
  const last = new Map<number, ModelEdge>();
  for (const e of edges) last.set(component.get(e.from)!, e);
  return [...last.values()];
}

/** `path` runs from the closing edge's target to its source; the closing edge completes it. */
function cycle(closing: ModelEdge, path: string[]): StageDiagnostic {
  const names = [...path, closing.to].join(' -> ');
  return {
    code: 'GSN203',
    message: `this link closes a SupportedBy cycle: ${names}; a claim cannot be supported by itself`,
    span: closing.span,
  };
}
