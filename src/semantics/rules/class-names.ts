import type { StageDiagnostic } from '../../diagnostics/types.js';
import { CSS_CLASS_NAME } from '../annotations.js';
import type { SemanticContext } from '../context.js';

/** GSN211: a `@class` name that is not a plain CSS identifier (it would need escaping, or break the style sheet). */
export function classNames(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const node of ctx.nodes) {
    for (const annotation of node.annotations ?? []) {
      if (annotation.name !== 'class') continue;
      for (const arg of annotation.args ?? []) {
        // Numbers are GSN210's.
        if (arg.type === 'number' || CSS_CLASS_NAME.test(arg.value)) continue;
        found.push({
          code: 'GSN211',
          message: `${JSON.stringify(arg.value)} is not a valid CSS class name: use letters, digits, "_" and "-", not starting with a digit or "--"`,
          span: arg.span,
        });
      }
    }
  }
  return found;
}
