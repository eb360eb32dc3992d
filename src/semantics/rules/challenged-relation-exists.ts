import type { StageDiagnostic } from '../../diagnostics/types.js';
import type { SemanticContext } from '../context.js';

/**
 * GSN503: a challenge to a relation `A -> B` that the case does not state: no SupportedBy or
 * InContextOf link from A to B, and no challenge of B by A.
 */
export function challengedRelationExists(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const c of ctx.challenges) {
    const t = c.target;
    if (t.type !== 'relation') continue;
    if (ctx.graph.outgoing(t.from).some((e) => e.to === t.to)) continue;
    if (ctx.challenges.some((o) => o.from === t.from && o.target.type === 'element' && o.target.id === t.to)) continue;
    found.push({
      code: 'GSN503',
      message: `${c.from} challenges the link ${t.from} -> ${t.to}, but the case states no such link (nor does ${t.from} challenge ${t.to})`,
      span: c.span,
    });
  }
  return found;
}
