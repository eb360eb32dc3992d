import type { StageDiagnostic } from '../../diagnostics/types.js';
import { hasModifier, named, type SemanticContext } from '../context.js';

/** GSN501: only a counter goal or counter solution challenges (dialectic extension). */
export function onlyCountersChallenge(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const challenge of ctx.challenges) {
    const from = ctx.symbols.get(challenge.from);
    if (!from || (hasModifier(from, 'counter') && (from.kind === 'goal' || from.kind === 'solution'))) continue;
    found.push({
      code: 'GSN501',
      message: `${named(from)} is not a counter element, so it cannot challenge; write "counter goal ${from.id}" or "counter solution ${from.id}"`,
      span: challenge.span,
      related: [{ message: `${named(from)} is defined here`, span: from.idSpan }],
    });
  }
  return found;
}
