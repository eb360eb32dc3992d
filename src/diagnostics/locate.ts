import { severityOf } from './codes.js';
import type { Diagnostic, Severity, Span, StageDiagnostic } from './types.js';

/** Line starts of one source text, to turn offsets into 1-based line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** Clamps any offset (even NaN or -1 from a recovered token) into the document. */
  position(offset: number): { line: number; column: number } {
    const at = Number.isFinite(offset) ? Math.min(Math.max(0, Math.trunc(offset)), this.text.length) : 0;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (this.starts[lo] ?? 0) + 1 };
  }

  /** The offset of a 1-based line and column (clamped into the document): the inverse of position(). */
  offset(line: number, column: number): number {
    const l = Math.min(Math.max(1, Math.trunc(line)), this.starts.length);
    const start = this.starts[l - 1] ?? 0;
    const end = this.starts[l] ?? this.text.length;
    return Math.min(start + Math.max(0, Math.trunc(column) - 1), end);
  }

  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const next = this.starts[line] ?? this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

export interface LocateOptions {
  file: string;
  strict?: boolean;
  /** Line tables of other files that stage diagnostics may point into. */
  others?: Map<string, LineIndex>;
}

function range(index: LineIndex, span: Span) {
  const start = index.position(span.start);
  const end = index.position(Math.max(span.start, span.end));
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** Resolves a stage diagnostic to the public shape. */
export function locate(d: StageDiagnostic, index: LineIndex, options: LocateOptions): Diagnostic {
  const indexFor = (file?: string) => (file !== undefined && options.others?.get(file)) || index;
  let severity: Severity = severityOf(d.code);
  if (options.strict && severity === 'warning') severity = 'error';
  const result: Diagnostic = {
    code: d.code,
    severity,
    message: d.message,
    file: d.file ?? options.file,
    ...range(indexFor(d.file), d.span),
  };
  if (d.related && d.related.length > 0) {
    result.related = d.related.map((r) => ({
      message: r.message,
      file: r.file ?? options.file,
      ...range(indexFor(r.file), r.span),
    }));
  }
  return result;
}

/** Orders diagnostics by file, position, then code, so output never depends on check order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
