import { DEFAULT_LIMITS, type Limits } from '../../src/limits.js';
import type { StageDiagnostic } from '../../src/diagnostics/types.js';
import { check } from '../../src/semantics/check.js';
import type { TopItem } from '../../src/syntax/ast.js';
import { at, doc } from './ast-builder.js';

export interface Checked {
  source: string;
  model: ReturnType<typeof check>['value'];
  diagnostics: StageDiagnostic[];
  /** Diagnostics of one code. */
  of(code: string): StageDiagnostic[];
  /** The source text each diagnostic of `code` points at. */
  pointsAt(code: string): string[];
  codes(): string[];
}

export function run(items: TopItem[], options: { module?: { name: string; description?: string }; limits?: Partial<Limits>; withSource?: boolean } = {}): Checked {
  const built = doc(items, { module: options.module });
  const result = check(built.doc, {
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    ...(options.withSource === false ? {} : { source: built.source }),
  });
  const of = (code: string) => result.diagnostics.filter((d) => d.code === code);
  return {
    source: built.source,
    model: result.value,
    diagnostics: result.diagnostics,
    of,
    pointsAt: (code) => of(code).map((d) => at(built.source, d.span)),
    codes: () => [...new Set(result.diagnostics.map((d) => d.code))].sort(),
  };
}
