import type { Span, StageDiagnostic } from '../../diagnostics/types.js';
import { describeChar, findSuspicious, type Suspicious } from '../../text/sanitize.js';
import { named, type SemanticContext } from '../context.js';

/**
 * GSN306: characters XML forbids, and invisible ones (bidi controls, zero-width characters) that
 * make source and drawing read differently, in element text, the module description or an
 * annotation's string argument. One warning per string, at its first such character; the model
 * carries the text with every one of them replaced by U+FFFD.
 */
interface Written {
  value: string;
  span: Span;
}

export function visibleText(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  const check = (text: Written | null | undefined, where: string) => {
    const hit = text ? findSuspicious(text.value) : [];
    if (text && hit.length > 0) found.push(warning(text, hit, where, ctx.source));
  };
  check(ctx.doc.module?.description, `the description of module ${ctx.doc.module?.name ?? ''}`);
  for (const node of ctx.nodes) {
    check(node.text, `the text of ${named(node)}`);
    for (const annotation of node.annotations ?? []) {
      for (const arg of annotation.args ?? []) {
        if (arg.type === 'string') check(arg, `@${annotation.name} of ${named(node)}`);
      }
    }
  }
  return found;
}

function warning(text: Written, hit: Suspicious[], where: string, source: string | undefined): StageDiagnostic {
  const first = hit[0]!;
  const what =
    first.reason === 'xml-illegal'
      ? 'a character XML does not allow'
      : first.reason === 'control'
        ? 'an invisible control character'
        : 'an invisible bidi-control or zero-width character';
  const more = hit.length > 1 ? ` (and ${hit.length - 1} more in this text)` : '';
  const at = sourceOffset(text, first, hit, source);
  return {
    code: 'GSN306',
    message: `${where} contains ${describeChar(first.char)}, ${what}${more}; it is drawn as U+FFFD`,
    span: { start: at, end: at + first.char.length },
  };
}

/**
 * Where the character is in the source. The string's value has its escapes decoded, but no
 * escape produces one of these characters, so the first one in the written string is the one.
 * Without the source, estimate from the opening quote.
 */
function sourceOffset(text: Written, first: Suspicious, hit: Suspicious[], source: string | undefined): number {
  const { start, end } = text.span;
  if (source !== undefined) {
    const written = findSuspicious(source.slice(start, end));
    if (written.length === hit.length && written[0]?.char === first.char) return start + written[0].offset;
  }
  return Math.max(start, Math.min(start + 1 + first.offset, end - 1));
}
