import { formatDiagnostic } from '../diagnostics/format.js';
import { LineIndex } from '../diagnostics/locate.js';
import type { Diagnostic } from '../diagnostics/types.js';

/**
 * Diagnostics of one code printed in full. Past this, one line says how many more there are:
 * a generated or imported case can repeat one mistake hundreds of times, and the first twenty
 * show it as well as all of them. The totals count every one, and `--format json` lists them all.
 */
export const SHOWN_PER_CODE = 20;

/** Prints diagnostics for one input to stderr, with caret excerpts, then a one-line summary. */
export function printDiagnostics(diagnostics: Diagnostic[], source: string, file: string): void {
  printAcrossFiles(diagnostics, [{ name: file, text: source }]);
}

/** Prints diagnostics that may point into several files, each excerpt from its own file. */
export function printAcrossFiles(diagnostics: Diagnostic[], files: readonly { name: string; text: string }[]): void {
  if (diagnostics.length === 0) return;
  const indexes = new Map<string, LineIndex>();
  const indexOf = (name: string | undefined) => {
    const text = files.find((f) => f.name === name)?.text;
    if (name === undefined || text === undefined) return undefined;
    if (!indexes.has(name)) indexes.set(name, new LineIndex(text));
    return indexes.get(name);
  };
  const seen = new Map<string, { count: number; severity: string }>();
  for (const d of diagnostics) {
    const code = seen.get(d.code) ?? { count: 0, severity: d.severity };
    seen.set(d.code, { ...code, count: code.count + 1 });
    if (code.count < SHOWN_PER_CODE) process.stderr.write(`${formatDiagnostic(d, indexOf(d.file))}\n`);
  }
  for (const [code, { count, severity }] of seen) {
    if (count <= SHOWN_PER_CODE) continue;
    const more = count - SHOWN_PER_CODE;
    process.stderr.write(`... and ${more} more ${code} ${plural(more, severity).replace(/^\d+ /, '')} like these (gsnc check --format json lists every one)\n`);
  }
  process.stderr.write(`${summary(diagnostics)}\n`);
}

function summary(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
