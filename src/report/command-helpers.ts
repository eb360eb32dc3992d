import type { Diagnostic } from '../diagnostics/types.js';
import type { Framework } from '../framework/types.js';
import type { Model } from '../semantics/model.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from './report.js';

/**
 * Pure helpers for `gsnc report FILE [-o FILE] [--format md|html|json]`; the CLI does the I/O.
 */

const EXTENSIONS: ReadonlyMap<string, ReportFormat> = new Map([
  ['.md', 'md'],
  ['.markdown', 'md'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.json', 'json'],
]);

/**
 * The report format: `--format` if given, else from `-o`'s extension, else Markdown. Returns an
 * error message (for a usage error) when `--format` is not one of md, html, json, or when `-o`
 * has an extension that says something else than `--format`.
 */
export function reportFormatFor(format: string | null | undefined, output: string | null | undefined): { format: ReportFormat } | { error: string } {
  const fromOutput = output && output !== '-' ? extensionFormat(output) : undefined;
  if (format !== null && format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) return { error: `report --format takes md, html or json, not '${format}'` };
    if (fromOutput && fromOutput !== format) return { error: `report --format ${format} does not match the output file's extension (${fromOutput})` };
    return { format: format as ReportFormat };
  }
  return { format: fromOutput ?? 'md' };
}

function extensionFormat(path: string): ReportFormat | undefined {
  const match = /(\.[A-Za-z]+)$/.exec(path);
  return match ? EXTENSIONS.get(match[1]!.toLowerCase()) : undefined;
}

/** The report of one compile result, or null when there is no model to report on (parse errors). */
export function reportFor(
  result: { framework?: Framework | null; model: Model | null; diagnostics: readonly Diagnostic[] },
  format: ReportFormat,
): string | null {
  if (!result.model) return null;
  return renderReport(result.framework ?? null, result.model, format, result.diagnostics);
}
