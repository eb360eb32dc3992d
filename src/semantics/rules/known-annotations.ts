import type { StageDiagnostic } from '../../diagnostics/types.js';
import { ANNOTATIONS } from '../annotations.js';
import type { SemanticContext } from '../context.js';
import { suggest } from '../suggest.js';

/** GSN305: an annotation gsnc does not know; likely a typo, so the nearest known name is suggested. */
export function knownAnnotations(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const node of ctx.nodes) {
    for (const annotation of node.annotations ?? []) {
      if (ANNOTATIONS.has(annotation.name)) continue;
      const near = suggest(annotation.name, ANNOTATIONS.keys());
      found.push({
        code: 'GSN305',
        message: `unknown annotation @${annotation.name}${near ? `; did you mean @${near}?` : ''} (it is kept but has no effect)`,
        span: annotation.nameSpan,
      });
    }
  }
  return found;
}
