// STUB: replaced by the semantics stage.
import type { StageResult } from '../diagnostics/types.js';
import type { Limits } from '../limits.js';
import type { Document } from '../syntax/ast.js';
import type { Model } from './model.js';

export interface CheckOptions {
  limits: Limits;
}

export function check(_doc: Document, _options: CheckOptions): StageResult<Model> {
  return { value: { module: null, elements: [], edges: [], topGoals: [] }, diagnostics: [] };
}
