import type { StageDiagnostic } from '../../diagnostics/types.js';
import { hasModifier, named, type SemanticContext } from '../context.js';

/**
 * GSN301: a goal or strategy with no support that is not marked undeveloped: a hole in the
 * argument that should be either filled or declared.
 */
export function developedOrUndeveloped(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const element of ctx.elements) {
    if (element.kind !== 'goal' && element.kind !== 'strategy') continue;
    if (hasModifier(element, 'undeveloped')) continue;
    if (ctx.graph.outgoing(element.id, 'supportedBy').length > 0) continue;
    const support = element.kind === 'goal' ? 'a strategy, goal or solution' : 'a goal';
    found.push({
      code: 'GSN301',
      message: `${named(element)} is neither supported nor marked undeveloped; support it with ${support}, or write "undeveloped ${named(element)}"`,
      span: element.idSpan,
    });
  }
  return found;
}
