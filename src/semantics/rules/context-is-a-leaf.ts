import type { StageDiagnostic } from '../../diagnostics/types.js';
import { CONTEXT_KINDS } from '../../syntax/ast.js';
import { named, type SemanticContext } from '../context.js';

/**
 * GSN205: a context, assumption or justification only qualifies the element it is attached to;
 * it is not itself supported and has no context of its own. Reported per link.
 */
export function contextIsALeaf(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const element of ctx.elements) {
    if (!CONTEXT_KINDS.has(element.kind)) continue;
    for (const edge of ctx.graph.outgoing(element.id)) {
      const target = ctx.symbols.get(edge.to)!;
      found.push({
        code: 'GSN205',
        message: `${named(element)} is a contextual element and cannot be supported or have its own context, so it cannot link to ${named(target)}`,
        span: edge.span,
      });
    }
  }
  return found;
}
