import type { StageDiagnostic } from '../../diagnostics/types.js';
import { named, type SemanticContext } from '../context.js';
import { modifierFits } from '../modifiers.js';

/** Pattern extension. GSN511 (warning): a `choice` with fewer than two SupportedBy links to choose from. */
export function choiceAlternatives(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const node of ctx.elements) {
    const choice = (node.modifiers ?? []).find((m) => m.name === 'choice');
    if (!choice || !modifierFits('choice', node.kind)) continue;
    const n = ctx.graph.outgoing(node.id, 'supportedBy').length;
    if (n >= 2) continue;
    found.push({ code: 'GSN511', message: `${named(node)} is a choice with ${n === 0 ? 'no' : 'one'} SupportedBy link; a choice needs at least two alternatives`, span: choice.span });
  }
  return found;
}
