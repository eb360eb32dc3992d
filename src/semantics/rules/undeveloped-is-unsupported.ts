import type { StageDiagnostic } from '../../diagnostics/types.js';
import { named, type SemanticContext } from '../context.js';

/**
 * GSN207: "undeveloped" says no support exists yet, so an undeveloped element that is supported
 * contradicts itself. Reported once, at the first supporting child or link.
 */
export function undevelopedIsUnsupported(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const element of ctx.elements) {
    // On other kinds the modifier itself is the error (GSN209).
    if (element.kind !== 'goal' && element.kind !== 'strategy') continue;
    const marker = (element.modifiers ?? []).find((m) => m.name === 'undeveloped');
    if (!marker) continue;
    const first = ctx.graph.outgoing(element.id, 'supportedBy')[0];
    if (!first) continue;
    found.push({
      code: 'GSN207',
      message: `${named(element)} is marked undeveloped but is supported by ${named(ctx.symbols.get(first.to)!)}; remove "undeveloped" or the support`,
      span: first.span,
      related: [{ message: `${element.id} is marked undeveloped here`, span: marker.span }],
    });
  }
  return found;
}
