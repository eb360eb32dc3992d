/**
 * Reading a data file for `gsnc instantiate`: JSON (`*.json`) or YAML (`*.yaml`, `*.yml`), by
 * its name. No I/O: the text is given. Syntax errors are diagnostics positioned in the data file.
 */
import { parseDocument } from 'yaml';
import { LineIndex, locate } from '../diagnostics/locate.js';
import type { Diagnostic, StageDiagnostic } from '../diagnostics/types.js';

export interface PatternData {
  /** The data, or null when the file could not be read (see diagnostics). */
  value: unknown;
  diagnostics: Diagnostic[];
}

/** A data file gsnc instantiate reads, by its name. */
export function isDataFile(name: string): boolean {
  return /\.(json|ya?ml)$/i.test(name);
}

export function readPatternData(text: string, name: string): PatternData {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const found: StageDiagnostic[] = [];
  let value: unknown = null;
  if (/\.json$/i.test(name)) {
    try {
      value = JSON.parse(source);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const start = jsonErrorAt(source, message);
      found.push({ code: 'GSN528', message: `the data is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '')}`, span: { start, end: start } });
    }
  } else {
    // Duplicate keys are errors; aliases are limited by the parser (no "billion laughs").
    const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
    for (const e of doc.errors.slice(0, 100)) {
      const [start, end] = e.pos ?? [0, 0];
      found.push({ code: 'GSN601', message: `${e.message.replace(/\s+at line \d+, column \d+[\s\S]*$/, '')} (YAML ${e.code})`, span: { start, end: Math.max(start, end) } });
    }
    if (found.length === 0) {
      try {
        value = doc.toJS({ maxAliasCount: 100 });
      } catch (error) {
        found.push({ code: 'GSN528', message: `the data cannot be read: ${error instanceof Error ? error.message : String(error)}`, span: { start: 0, end: 0 } });
      }
    }
  }
  const index = new LineIndex(source);
  return { value: found.length > 0 ? null : value, diagnostics: found.map((d) => locate(d, index, { file: name })) };
}

/**
 * Where JSON.parse stopped: its message says so on some Node versions; else the YAML parser (JSON
 * is YAML) finds the spot; else the start.
 */
function jsonErrorAt(source: string, message: string): number {
  const at = /at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  const doc = parseDocument(source, { prettyErrors: false, schema: 'json' });
  return doc.errors[0]?.pos[0] ?? 0;
}
