import type { StageDiagnostic } from '../../diagnostics/types.js';
import { named, type SemanticContext } from '../context.js';

/** GSN204: a solution is evidence; nothing supports it and it has no context. Reported per link. */
export function evidenceIsALeaf(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const element of ctx.elements) {
    if (element.kind !== 'solution') continue;
    for (const edge of ctx.graph.outgoing(element.id)) {
      const target = ctx.symbols.get(edge.to)!;
      found.push({
        code: 'GSN204',
        message: `${named(element)} is evidence and cannot be supported or have context, so it cannot link to ${named(target)}`,
        span: edge.span,
      });
    }
  }
  return found;
}
