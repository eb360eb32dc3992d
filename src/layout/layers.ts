/**
 * Text layers (`@layer(name, "text")`, what gsn2x calls the extra keys of an element): kept in
 * the model always, drawn only when asked for (CompileOptions.layers, `gsnc build --layer NAME`),
 * as gsn2x's `--layers` draws them: a line after the element's text, `NAME: text`, the name in
 * capitals and italics. Layers are drawn in the order asked for; an element without a layer
 * asked for is drawn as it is. Pure: gives a copy of the model for the layout to measure and
 * draw, and the model in the result stays as written.
 */
import type { Annotation } from '../syntax/ast.js';
import type { Model, ModelElement } from '../semantics/model.js';

export function withLayers(model: Model, layers: readonly string[]): Model {
  if (layers.length === 0) return model;
  let changed = false;
  const elements = model.elements.map((element) => {
    const lines = layerLines(element.annotations, layers);
    if (lines.length === 0) return element;
    changed = true;
    return { ...element, text: [element.text, ...lines].join('\n') } satisfies ModelElement;
  });
  return changed ? { ...model, elements } : model;
}

/** The element's lines for the layers asked for, in that order. */
function layerLines(annotations: readonly Annotation[], layers: readonly string[]): string[] {
  const lines: string[] = [];
  for (const layer of layers) {
    for (const annotation of annotations) {
      if (annotation.name !== 'layer') continue;
      const [name, text] = annotation.args;
      if (name?.value !== layer || text?.type !== 'string') continue;
      lines.push(`*${layer.toUpperCase()}:* ${text.value}`);
    }
  }
  return lines;
}
