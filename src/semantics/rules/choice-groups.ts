import type { StageDiagnostic } from '../../diagnostics/types.js';
import { resolveChoices } from '../choices.js';
import type { SemanticContext } from '../context.js';

/**
 * Pattern extension: GSN540 a choice group in the block of an element that is itself a choice,
 * GSN541 a member of a choice group that is not a SupportedBy link, GSN209 a choice group in the
 * block of a kind other than goal and strategy.
 */
export function choiceGroups(ctx: SemanticContext): StageDiagnostic[] {
  return resolveChoices(ctx).diagnostics;
}
