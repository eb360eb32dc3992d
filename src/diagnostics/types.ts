/** A half-open range of UTF-16 offsets into one source text. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * What a stage reports: a code from the code table, a message in GSN terms and the span of the
 * smallest piece of source that is wrong. Positions are resolved to line and column only at the
 * end of the pipeline, so stages never deal with line tables.
 */
export interface StageDiagnostic {
  code: string;
  message: string;
  span: Span;
  /** The file the span belongs to, when it is not the file being compiled. */
  file?: string;
  related?: StageRelated[];
}

export interface StageRelated {
  message: string;
  span: Span;
  file?: string;
}

/** The public shape, shared by the library and the CLI's JSON: 1-based, always in the document. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related?: RelatedInformation[];
}

export interface RelatedInformation {
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Every stage returns its value with what it found. */
export interface StageResult<T> {
  value: T;
  diagnostics: StageDiagnostic[];
}
