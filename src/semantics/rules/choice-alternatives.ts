import type { StageDiagnostic } from '../../diagnostics/types.js';
import { resolveChoices } from '../choices.js';
import { named, type SemanticContext } from '../context.js';
import { modifierFits } from '../modifiers.js';

/**
 * Pattern extension. GSN511 (warning): a choice with fewer than two SupportedBy links to choose
 * from: a `choice` element, or a choice group in a block.
 */
export function choiceAlternatives(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const node of ctx.elements) {
    const choice = (node.modifiers ?? []).find((m) => m.name === 'choice');
    if (!choice || !modifierFits('choice', node.kind)) continue;
    const n = ctx.graph.outgoing(node.id, 'supportedBy').length;
    if (n >= 2) continue;
    found.push({ code: 'GSN511', message: `${named(node)} is a choice with ${count(n)} SupportedBy link; a choice needs at least two alternatives`, span: choice.span });
  }
  for (const group of resolveChoices(ctx).choices) {
    const n = group.to.length;
    if (n >= 2) continue;
    const owner = ctx.symbols.get(group.from);
    const where = owner ? named(owner) : group.from;
    found.push({ code: 'GSN511', message: `the choice group in the block of ${where} holds ${count(n)} SupportedBy link; a choice needs at least two alternatives`, span: group.span });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

function count(n: number): string {
  return n === 0 ? 'no' : 'one';
}
