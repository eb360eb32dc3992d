import type { StageDiagnostic } from '../../diagnostics/types.js';
import type { Annotation } from '../../syntax/ast.js';
import { named, type SemanticContext } from '../context.js';

/** GSN308: the same annotation twice on one element; harmless but likely a slip. */
export function annotationWrittenOnce(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const node of ctx.nodes) {
    const first = new Map<string, Annotation>();
    for (const annotation of node.annotations ?? []) {
      if (annotation.name === 'acp') continue; // one per assurance claim point: repeats are expected
      if (annotation.name === 'layer') continue; // one per text layer: repeats are expected
      const earlier = first.get(annotation.name);
      if (!earlier) {
        first.set(annotation.name, annotation);
        continue;
      }
      found.push({
        code: 'GSN308',
        message: `@${annotation.name} is written more than once on ${named(node)}${effect(annotation.name)}`,
        span: annotation.span,
        related: [{ message: `@${annotation.name} is first written here`, span: earlier.span }],
      });
    }
  }
  return found;
}

/** What gsnc does with the repeat, where it matters. */
function effect(name: string): string {
  if (name === 'url') return '; the first one is used';
  if (name === 'class') return '; their classes are combined';
  return '';
}
