import type { StageDiagnostic } from '../../diagnostics/types.js';
import { hasModifier, named, type SemanticContext } from '../context.js';

/** A `{placeholder}`: braces around something on one line, not code. */
const PLACEHOLDER = /\{[^{}\n]+\}/;

/**
 * Pattern extension. GSN510 (warning): a `{placeholder}` in the text of an element that is not
 * `uninstantiated`. A warning, not an error: braces can be ordinary text (a set, `{a, b}`).
 * Points at the placeholder when the source is known and the text has no escapes before it.
 */
export function placeholdersUninstantiated(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const node of ctx.nodes) {
    const text = node.text;
    if (!text || hasModifier(node, 'uninstantiated')) continue;
    const hit = PLACEHOLDER.exec(text.value);
    if (!hit) continue;
    let span = text.span;
    const written = ctx.source?.slice(text.span.start, text.span.end);
    const at = written === undefined ? -1 : written.indexOf(hit[0]);
    if (at >= 0) span = { start: text.span.start + at, end: text.span.start + at + hit[0].length };
    found.push({
      code: 'GSN510',
      message: `${named(node)} has the placeholder ${hit[0]} but is not uninstantiated; write uninstantiated ${node.kind} ${node.id}, or fill the placeholder in`,
      span,
    });
  }
  return found;
}
