import type { StageDiagnostic } from '../../diagnostics/types.js';
import type { ChildItem, Modifier, TopItem } from '../../syntax/ast.js';
import type { SemanticContext } from '../context.js';
import { RELATION_MODIFIERS } from '../modifiers.js';

/**
 * GSN209 for relations: a modifier written before a bare ID, a link or a challenge that does
 * not decorate relations (`undeveloped Sn1`). Walks the document iteratively.
 */
export function relationModifiers(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  const stack: (TopItem | ChildItem)[] = [...(ctx.doc.items ?? [])];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) continue;
    if (item.type === 'element') {
      for (const child of item.children ?? []) stack.push(child);
      continue;
    }
    for (const m of item.modifiers ?? []) if (!RELATION_MODIFIERS.has(m.name)) found.push(misplaced(m));
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

function misplaced(m: Modifier): StageDiagnostic {
  const allowed = [...RELATION_MODIFIERS].map((n) => `'${n}'`).join(', ');
  return {
    code: 'GSN209',
    message: `'${m.name}' decorates an element, not a link; before a link only ${allowed} can be written`,
    span: m.span,
  };
}
