import type { StageDiagnostic } from '../../diagnostics/types.js';
import { hasModifier, named, type SemanticContext } from '../context.js';

/**
 * GSN504: a counter goal or counter solution supporting an element of the argument itself. A
 * counter-argument attaches to the argument only by `challenges`; inside it, counter elements
 * support counter elements.
 */
export function counterSupportsCounter(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const edge of ctx.graph.edges) {
    if (edge.relation !== 'supportedBy') continue;
    const from = ctx.symbols.get(edge.from);
    const to = ctx.symbols.get(edge.to);
    if (!from || !to || !hasModifier(to, 'counter') || hasModifier(from, 'counter')) continue;
    found.push({
      code: 'GSN504',
      message: `${named(from)} is supported by counter ${named(to)}: a counter element argues against the case; connect it with challenges, or support a counter goal with it`,
      span: edge.span,
    });
  }
  return found;
}
