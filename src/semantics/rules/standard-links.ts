import type { StageDiagnostic } from '../../diagnostics/types.js';
import { named, type SemanticContext } from '../context.js';

/**
 * GSN302: SupportedBy links the GSN Community Standard v3 does not list but other tools accept.
 * The standard has a goal supported by goals, strategies and solutions, and a strategy supported
 * by goals only; a strategy supported by a solution or another strategy skips a claim.
 */
export function standardLinks(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const edge of ctx.graph.edges) {
    if (edge.relation !== 'supportedBy') continue;
    const from = ctx.symbols.get(edge.from)!;
    const to = ctx.symbols.get(edge.to)!;
    if (from.kind !== 'strategy' || (to.kind !== 'solution' && to.kind !== 'strategy')) continue;
    found.push({
      code: 'GSN302',
      message: `${named(from)} is supported by ${named(to)}: the GSN Community Standard supports a strategy with goals only; put a goal between them`,
      span: edge.span,
    });
  }
  return found;
}
