import { formatDiagnostic } from '../diagnostics/format.js';
import { LineIndex } from '../diagnostics/locate.js';
import type { Diagnostic } from '../diagnostics/types.js';

/** Prints diagnostics for one input to stderr, with caret excerpts, then a one-line summary. */
export function printDiagnostics(diagnostics: Diagnostic[], source: string, file: string): void {
  if (diagnostics.length === 0) return;
  const index = new LineIndex(source);
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d, d.file === file ? index : undefined)}\n`);
  process.stderr.write(`${summary(diagnostics)}\n`);
}

function summary(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
