import type { StageDiagnostic } from '../../diagnostics/types.js';
import { resolveAcps } from '../acps.js';
import type { SemanticContext } from '../context.js';

/**
 * Confidence extension: GSN505 an assurance claim point on a link the case does not state,
 * GSN506 an ACP name placed twice, GSN202 an `@acp` target naming no element.
 */
export function acpTargets(ctx: SemanticContext): StageDiagnostic[] {
  return resolveAcps(ctx).diagnostics;
}
