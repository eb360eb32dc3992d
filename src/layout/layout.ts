/**
 * The layout stage: checked model -> laid-out diagram. Text is measured with the bundled DejaVu
 * metrics and wrapped, each element gets its GSN shape, single-use contexts are packed beside
 * their element, ELK (layered, top-down) places the rest, and the result is copied into plain
 * Layout data (see types.ts). Deterministic: the same model gives an identical layout.
 */
import type { StageResult } from '../diagnostics/types.js';
import type { DiagramMarks } from '../framework/marks.js';
import type { Limits } from '../limits.js';
import type { Model } from '../semantics/model.js';
import { layoutInBlocks } from './blocks.js';
import { buildGraph } from './elk-graph.js';
import { fromElk } from './from-elk.js';
import { placeExtensions } from './extensions.js';
import { finishMarks, reserveMarks } from './marks.js';
import { placeModules, withModuleShapes } from './modules.js';
import { runElk, type ElkRunner } from './run-elk.js';
import { shapeFor } from './shapes.js';
import type { Layout } from './types.js';

export interface LayoutOptions {
  limits: Limits;
  /** AI safety-case framework marks to draw (category badges, trust tags, legend); none when absent. */
  marks?: DiagramMarks | null;
  /** With marks: add the three-bar ratings glyph to each rated category badge. */
  ratings?: boolean;
  /** Where ELK runs (default: in this thread). Big trees make several independent calls. */
  elk?: ElkRunner;
}

export async function layout(model: Model, _options: LayoutOptions): Promise<StageResult<Layout>> {
  const shapes = withModuleShapes(model, model.elements.map((e) => shapeFor(e.id, e.kind, e.text, e.undeveloped, e.uninstantiated)));
  const marks = _options.marks ? reserveMarks(model, shapes, _options.marks, _options.ratings === true) : null;
  const plan = buildGraph(model, shapes);
  const elk = _options.elk ?? runElk;
  const result = (await layoutInBlocks(plan.graph, elk)) ?? (await elk(plan.graph));
  return { value: finishMarks(placeModules(model, placeExtensions(model, fromElk(model, shapes, plan, result))), marks), diagnostics: [] };
}
