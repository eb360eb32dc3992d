/**
 * Several source files compiled as one case. The AST of such a case keeps spans as plain offsets
 * (see syntax/ast.ts), so each file is given a base: file i occupies the offsets
 * [base_i, base_i + length_i], and the next file starts one past that (so a span at the very end
 * of a file still belongs to it). A single file has base 0: its spans are its own offsets.
 * Diagnostics are resolved back to `file:line:col` here.
 */
import { severityOf } from '../diagnostics/codes.js';
import { LineIndex, compareDiagnostics } from '../diagnostics/locate.js';
import type { Diagnostic, Severity, Span, StageDiagnostic } from '../diagnostics/types.js';

export interface SourceFile {
  name: string;
  text: string;
  /** Offset of the file's first character in the case's offset space. */
  base: number;
}

export class SourceSet {
  readonly files: SourceFile[] = [];
  private readonly indexes: LineIndex[] = [];
  private next = 0;

  /** Adds a file; returns its base. */
  add(name: string, text: string): number {
    const base = this.next;
    this.files.push({ name, text, base });
    this.indexes.push(new LineIndex(text));
    this.next = base + text.length + 1;
    return base;
  }

  /** Total extent of the offset space (an upper bound for every span). */
  get length(): number {
    return Math.max(0, this.next - 1);
  }

  /** The file holding `offset` (the last file for anything past the end). */
  fileAt(offset: number): number {
    let lo = 0;
    let hi = this.files.length - 1;
    const at = Number.isFinite(offset) ? offset : 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.files[mid]!.base <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Resolves a stage diagnostic whose spans are case offsets. */
  locate(d: StageDiagnostic, strict = false): Diagnostic {
    let severity: Severity = severityOf(d.code);
    if (strict && severity === 'warning') severity = 'error';
    const result: Diagnostic = { code: d.code, severity, message: d.message, ...this.position(d.span) };
    if (d.related && d.related.length > 0) {
      result.related = d.related.map((r) => ({ message: r.message, ...this.position(r.span) }));
    }
    return result;
  }

  locateAll(found: readonly StageDiagnostic[], strict = false): Diagnostic[] {
    return found.map((d) => this.locate(d, strict)).sort(compareDiagnostics);
  }

  private position(span: Span) {
    if (this.files.length === 0) return { file: '<input>', line: 1, column: 1, endLine: 1, endColumn: 1 };
    const i = this.fileAt(span.start);
    const file = this.files[i]!;
    const index = this.indexes[i]!;
    const local = (offset: number) => Math.min(Math.max(0, offset - file.base), file.text.length);
    const start = index.position(local(span.start));
    const end = index.position(local(Math.max(span.start, span.end)));
    return { file: file.name, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}
