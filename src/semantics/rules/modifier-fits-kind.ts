import type { StageDiagnostic } from '../../diagnostics/types.js';
import { named, plural, type SemanticContext } from '../context.js';
import { MODIFIER_KINDS, modifierFits } from '../modifiers.js';

/** GSN209: a modifier on a kind it does not decorate, e.g. an undeveloped solution. */
export function modifierFitsKind(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const node of ctx.nodes) {
    for (const modifier of node.modifiers ?? []) {
      if (modifierFits(modifier.name, node.kind)) continue;
      const kinds = [...(MODIFIER_KINDS.get(modifier.name) ?? [])].map(plural).join(' and ');
      found.push({
        code: 'GSN209',
        message: `${named(node)} cannot be ${modifier.name}: only ${kinds} can be marked ${modifier.name}`,
        span: modifier.span,
      });
    }
  }
  return found;
}
