import type { StageDiagnostic } from '../../diagnostics/types.js';
import type { ChildItem, Modifier, TopItem } from '../../syntax/ast.js';
import type { SemanticContext } from '../context.js';

/**
 * Pattern extension. GSN507: `many` or `optional` where there is no link to decorate (before a
 * top-level element, or before a challenge). GSN508: both on one link. Walks the document
 * iteratively.
 */
export function multiplicityPlacement(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  const stack: { item: TopItem | ChildItem; top: boolean }[] = (ctx.doc.items ?? []).map((item) => ({ item, top: true }));
  while (stack.length > 0) {
    const { item, top } = stack.pop()!;
    if (!item) continue;
    const modifiers: readonly Modifier[] = item.modifiers ?? [];
    const many = modifiers.filter((m) => m.name === 'many' || m.name === 'optional');
    if (item.type === 'element') for (const child of item.children ?? []) stack.push({ item: child, top: false });
    if (many.length === 0) continue;
    if ((item.type === 'element' && top) || item.type === 'challenge') {
      const where = item.type === 'element' ? `${item.id} is a top-level element, with no link from a parent` : 'a challenge is not a SupportedBy or InContextOf link';
      for (const m of many) found.push({ code: 'GSN507', message: `'${m.name}' decorates the link to a child, but ${where}; write it before a child in a block, a bare ID or a link statement`, span: m.span });
      continue;
    }
    const first = many[0]!;
    const other = many.find((m) => m.name !== first.name);
    if (other) {
      found.push({
        code: 'GSN508',
        message: `a link is either many or optional, not both; for zero or more, write many("0..*")`,
        span: other.span,
        related: [{ message: `'${first.name}' is written here`, span: first.span }],
      });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
