import type { StageDiagnostic } from '../../diagnostics/types.js';
import type { SemanticContext } from '../context.js';

/** GSN304: a safety case argues one top claim; every further goal that nothing supports is flagged. */
export function oneTopGoal(ctx: SemanticContext): StageDiagnostic[] {
  const [first, ...others] = ctx.topGoals;
  if (!first) return [];
  return others.map((goal) => ({
    code: 'GSN304',
    message: `goal ${goal.id} is a second top goal (nothing supports it); the first is ${first.id}, and a safety case has one top goal`,
    span: goal.idSpan,
    related: [{ message: `the first top goal ${first.id} is defined here`, span: first.idSpan }],
  }));
}
