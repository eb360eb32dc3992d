import type { StageDiagnostic } from '../../diagnostics/types.js';
import { isAllowedUrl } from '../../text/url.js';
import { named, type SemanticContext } from '../context.js';

/**
 * GSN208: `@url` must be http, https, mailto or relative, so a diagram can never carry a
 * `javascript:` or `data:` link. A malformed `@url` is GSN210's, not checked twice here.
 */
export function urlAllowed(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const node of ctx.nodes) {
    for (const annotation of node.annotations ?? []) {
      const arg = annotation.args?.[0];
      if (annotation.name !== 'url' || annotation.args?.length !== 1 || arg?.type !== 'string') continue;
      if (isAllowedUrl(arg.value)) continue;
      found.push({
        code: 'GSN208',
        message: `the @url of ${named(node)} is not allowed: only http, https, mailto or relative URLs can be links`,
        span: arg.span,
      });
    }
  }
  return found;
}
