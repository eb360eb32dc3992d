/**
 * What must hold for EVERY compile() result, whatever the input (issue 7, "Total"):
 *
 * - compile() resolved (the caller awaits it; a rejection fails the test by itself);
 * - no GSN999 (an internal error is a bug, even when it is reported politely);
 * - every diagnostic, and every related position, lies inside the document: integer, 1-based
 *   line and column, never -1, NaN or undefined, end not before start, and the (line, column)
 *   pair names a real offset of the text (computed here independently of src/diagnostics);
 * - an SVG exists exactly when there are no errors, and it is well-formed, allow-listed XML.
 *
 * Line breaks are LF, CRLF and a lone CR, as in the rest of gsnc.
 */
import type { CompileResult, Diagnostic } from '../../src/index.js';
import { inertnessProblems, parseSvg } from '../render/xml.js';

const CODE = /^GSN\d{3}$/;
const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Offsets at which each line starts, and where its text ends (before the line break). */
function lines(text: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

/** Problems with one position, or [] when it names an offset of the document. */
function positionProblems(text: string, table: ReturnType<typeof lines>, p: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>, what: string): string[] {
  const problems: string[] = [];
  for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
    const v = p[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) problems.push(`${what}: ${key} is ${String(v)}`);
  }
  if (problems.length > 0) return problems;
  const count = table.starts.length;
  if (p.line > count) problems.push(`${what}: line ${p.line} past the last line ${count}`);
  if (p.endLine > count) problems.push(`${what}: endLine ${p.endLine} past the last line ${count}`);
  if (p.endLine < p.line || (p.endLine === p.line && p.endColumn < p.column)) {
    problems.push(`${what}: ends (${p.endLine}:${p.endColumn}) before it starts (${p.line}:${p.column})`);
  }
  if (problems.length > 0) return problems;
  // A column may point at any character of the line, its line break included (a range ending
  // on a CRLF), or just past the last character of the document.
  const limit = (line: number) => {
    const next = table.starts[line];
    const lastChar = next === undefined ? text.length : next - 1;
    return lastChar - table.starts[line - 1]! + 1;
  };
  if (p.column > limit(p.line)) problems.push(`${what}: column ${p.column} past the end of line ${p.line} (${limit(p.line)})`);
  if (p.endColumn > limit(p.endLine)) problems.push(`${what}: endColumn ${p.endColumn} past the end of line ${p.endLine} (${limit(p.endLine)})`);
  return problems;
}

export interface InvariantOptions {
  file?: string;
  /** Parse the SVG strictly (default true; costly only for huge diagrams). */
  parseSvg?: boolean;
  /** Allow GSN999 (never in practice: only for tests that provoke it on purpose). */
  allowInternal?: boolean;
}

/** Every broken invariant of `result` for `text`, as readable lines; [] when all hold. */
export function invariantProblems(text: string, result: CompileResult, options: InvariantOptions = {}): string[] {
  const problems: string[] = [];
  const table = lines(text);
  const file = options.file ?? '<input>';
  if (!Array.isArray(result.diagnostics)) return ['diagnostics is not an array'];
  result.diagnostics.forEach((d, i) => {
    const what = `diagnostic ${i} (${String(d.code)} ${JSON.stringify(String(d.message).slice(0, 80))})`;
    if (!CODE.test(d.code)) problems.push(`${what}: bad code`);
    if (!SEVERITIES.has(d.severity)) problems.push(`${what}: bad severity ${String(d.severity)}`);
    if (typeof d.message !== 'string' || d.message.length === 0) problems.push(`${what}: empty message`);
    if (d.code === 'GSN999' && !options.allowInternal) problems.push(`${what}: internal error`);
    if (d.file !== file) problems.push(`${what}: file ${String(d.file)} instead of ${file}`);
    for (const p of positionProblems(text, table, d, what)) problems.push(p);
    for (const [j, r] of (d.related ?? []).entries()) {
      if (r.file !== file) continue; // points into another file: not this text's business
      for (const p of positionProblems(text, table, r, `${what} related ${j}`)) problems.push(p);
    }
  });
  const errors = result.diagnostics.some((d) => d.severity === 'error');
  if (errors && result.svg !== null) problems.push('an SVG was produced despite errors');
  if (!errors && typeof result.svg !== 'string') problems.push('no SVG although there are no errors');
  if (typeof result.svg === 'string' && options.parseSvg !== false) {
    try {
      for (const p of inertnessProblems(parseSvg(result.svg))) problems.push(`SVG: ${p}`);
    } catch (error) {
      problems.push(`SVG: ${(error as Error).message.slice(0, 300)}`);
    }
  }
  return problems;
}

/** A short, copy-pasteable description of a failing input, for assertion messages. */
export function describeInput(text: string): string {
  const shown = text.length > 400 ? `${text.slice(0, 400)}... (${text.length} chars)` : text;
  return JSON.stringify(shown);
}
