import type { StageDiagnostic } from '../../diagnostics/types.js';
import { CONTEXT_KINDS, type ElementNode } from '../../syntax/ast.js';
import { named, type SemanticContext } from '../context.js';
import { reachable, visit } from '../graph.js';

/**
 * GSN303: elements the argument never reaches from a top goal (following every edge), such as
 * a stray solution, an unused context or a strategy nothing links to.
 *
 * One warning per unreached part, at its root, naming what hangs under it: a detached subtree
 * of 40 elements is one mistake, and 40 warnings would bury it. Roots are the unreached elements
 * nothing links to, in source order; a part with no such root (a cycle) is reported at its first
 * element in source order.
 */
const LISTED = 3;

export function reachableFromTop(ctx: SemanticContext): StageDiagnostic[] {
  // A counter-argument is reached through what it challenges (an element, or a link's source).
  const challengers = new Map<string, string[]>();
  for (const c of ctx.challenges) {
    const at = c.target.type === 'element' ? c.target.id : c.target.from;
    challengers.set(at, [...(challengers.get(at) ?? []), c.from]);
  }
  const next = (id: string) => {
    const out = ctx.graph.outgoing(id).map((e) => e.to);
    const attacks = challengers.get(id);
    return attacks ? out.concat(attacks) : out;
  };
  const covered = reachable(
    ctx.topGoals.map((g) => g.id),
    next,
  );
  if (covered.size === ctx.elements.length) return [];

  const unreached = ctx.elements.filter((e) => !covered.has(e.id));
  const challenging = new Set(ctx.challenges.map((c) => c.from));
  const roots = unreached.filter((e) => ctx.graph.incoming(e.id).length === 0 && !challenging.has(e.id));
  const order = new Map(ctx.elements.map((e, i) => [e.id, i]));
  const found: StageDiagnostic[] = [];
  // Roots first, then whatever is still uncovered (parts that are cycles).
  for (const root of [...roots, ...unreached]) {
    if (covered.has(root.id)) continue;
    const under = visit([root.id], next, covered).filter((id) => id !== root.id);
    under.sort((a, b) => order.get(a)! - order.get(b)!);
    found.push(report(ctx, root, under));
  }
  return found;
}

function report(ctx: SemanticContext, root: ElementNode, under: string[]): StageDiagnostic {
  return {
    code: 'GSN303',
    message: `${named(root)} is not reachable from ${topText(ctx)}${why(ctx, root)}${underText(under)}`,
    span: root.idSpan,
  };
}

function why(ctx: SemanticContext, root: ElementNode): string {
  // A root with incoming links is only linked to from unreached elements: a cycle above it.
  if (ctx.graph.incoming(root.id).length > 0) return ': it is only linked to from within a cycle';
  return CONTEXT_KINDS.has(root.kind) ? ': it is not the context of any element' : ': nothing links to it';
}

function topText(ctx: SemanticContext): string {
  const [first, second] = ctx.topGoals;
  if (!first) return 'a top goal (the case has none: a top goal is a goal nothing supports)';
  return second ? 'any top goal' : `the top goal ${first.id}`;
}

function underText(under: string[]): string {
  if (under.length === 0) return '';
  const listed = under.slice(0, LISTED).join(', ') + (under.length > LISTED ? ', ...' : '');
  const count = under.length === 1 ? 'the element' : `the ${under.length} elements`;
  return `; neither are ${count} under it (${listed})`;
}
