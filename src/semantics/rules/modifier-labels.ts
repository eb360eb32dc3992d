import type { StageDiagnostic } from '../../diagnostics/types.js';
import type { ChildItem, TopItem } from '../../syntax/ast.js';
import type { SemanticContext } from '../context.js';
import { LABELLED_MODIFIERS } from '../modifiers.js';

/** Pattern extension. GSN509: a label on a modifier that takes none (`optional(n)`). */
export function modifierLabels(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  const stack: (TopItem | ChildItem)[] = [...(ctx.doc.items ?? [])];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) continue;
    if (item.type === 'element') for (const child of item.children ?? []) stack.push(child);
    for (const m of item.modifiers ?? []) {
      if (!m.label || LABELLED_MODIFIERS.has(m.name)) continue;
      found.push({ code: 'GSN509', message: `'${m.name}' takes no label; only many and choice do, as in many(n) or choice("1 of 2")`, span: m.label.span });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
