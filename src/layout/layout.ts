// STUB: replaced by the layout stage.
import type { StageResult } from '../diagnostics/types.js';
import type { Limits } from '../limits.js';
import type { Model } from '../semantics/model.js';
import type { Layout } from './types.js';

export interface LayoutOptions {
  limits: Limits;
}

export async function layout(_model: Model, _options: LayoutOptions): Promise<StageResult<Layout>> {
  return {
    value: { width: 0, height: 0, font: { family: 'DejaVu Sans', size: 12, lineHeight: 15 }, nodes: [], edges: [] },
    diagnostics: [],
  };
}
