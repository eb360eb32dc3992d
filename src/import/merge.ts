/**
 * Several parsed .gsn documents as one case, the way importGsn2x puts YAML files together: the
 * files laid end to end in one offset space (sources.ts), their items in order, the first
 * file's module header. Used to check that `gsnc import` output means what the YAML means.
 */
import type { StageDiagnostic } from '../diagnostics/types.js';
import { resolveLimits, type Limits } from '../limits.js';
import type { Document } from '../syntax/ast.js';
import { parse } from '../syntax/parse.js';
import { SourceSet } from './sources.js';

export interface MergedDocuments {
  document: Document;
  sources: SourceSet;
  diagnostics: StageDiagnostic[];
}

export function mergeGsnFiles(files: readonly { name: string; text: string }[], limits?: Partial<Limits>): MergedDocuments {
  const resolved = resolveLimits(limits);
  const sources = new SourceSet();
  const diagnostics: StageDiagnostic[] = [];
  const document: Document = { type: 'document', module: null, items: [], span: { start: 0, end: 0 } };
  files.forEach((file, i) => {
    const base = sources.add(file.name, file.text);
    const parsed = parse(file.text, { limits: resolved });
    shiftSpans(parsed.value, base);
    for (const d of parsed.diagnostics) diagnostics.push(shiftDiagnostic(d, base));
    if (i === 0) document.module = parsed.value.module;
    for (const item of parsed.value.items) document.items.push(item);
  });
  document.span = { start: 0, end: sources.length };
  return { document, sources, diagnostics };
}

/** Moves every span in an AST by `base` (iteratively: documents nest 1,000 deep). */
export function shiftSpans(root: unknown, base: number): void {
  if (base === 0) return;
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) stack.push(v);
      continue;
    }
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if ((key === 'span' || key.endsWith('Span')) && isSpan(v)) {
        if (!seen.has(v)) {
          seen.add(v);
          v.start += base;
          v.end += base;
        }
      } else stack.push(v);
    }
  }
}

function isSpan(v: unknown): v is { start: number; end: number } {
  return v !== null && typeof v === 'object' && typeof (v as { start?: unknown }).start === 'number' && typeof (v as { end?: unknown }).end === 'number';
}

function shiftDiagnostic(d: StageDiagnostic, base: number): StageDiagnostic {
  const move = (s: { start: number; end: number }) => ({ start: s.start + base, end: s.end + base });
  return { ...d, span: move(d.span), ...(d.related ? { related: d.related.map((r) => ({ ...r, span: move(r.span) })) } : {}) };
}
