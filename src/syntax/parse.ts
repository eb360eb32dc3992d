// STUB: replaced by the syntax stage.
import type { StageResult } from '../diagnostics/types.js';
import type { Limits } from '../limits.js';
import type { Document } from './ast.js';

export interface ParseOptions {
  limits: Limits;
}

export function parse(text: string, _options: ParseOptions): StageResult<Document> {
  return { value: { type: 'document', module: null, items: [], span: { start: 0, end: text.length } }, diagnostics: [] };
}
