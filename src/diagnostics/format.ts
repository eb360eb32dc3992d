import type { Diagnostic } from './types.js';
import type { LineIndex } from './locate.js';

/**
 * Replaces control characters so that echoing user text can never drive the terminal
 * (no escape sequences in CI logs) and bidi overrides cannot reorder what a reviewer reads.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) =>
    c === '\t' ? '    ' : `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

/** `file:line:col: severity CODE: message`, then the source line and a caret under the range. */
export function formatDiagnostic(d: Diagnostic, source?: LineIndex): string {
  const head = `${escapeForTerminal(d.file)}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${escapeForTerminal(d.message)}`;
  const lines = [head];
  if (source && d.line <= source.lineCount) {
    const text = source.lineText(d.line);
    const shown = escapeForTerminal(text.replace(/\t/g, ' '));
    const prefix = escapeForTerminal(text.slice(0, d.column - 1).replace(/\t/g, ' '));
    const endColumn = d.endLine === d.line ? Math.max(d.endColumn, d.column + 1) : text.length + 1;
    const marked = escapeForTerminal(text.slice(d.column - 1, endColumn - 1).replace(/\t/g, ' '));
    const gutter = String(d.line).padStart(4);
    lines.push(`${gutter} | ${shown}`);
    lines.push(`${' '.repeat(gutter.length)} | ${' '.repeat(prefix.length)}${'^'.repeat(Math.max(1, marked.length))}`);
  }
  for (const r of d.related ?? []) {
    lines.push(`  ${escapeForTerminal(r.file)}:${r.line}:${r.column}: note: ${escapeForTerminal(r.message)}`);
  }
  return lines.join('\n');
}
