// STUB: replaced by the render stage.
import type { Layout } from '../layout/types.js';

export interface RenderOptions {
  /** Prefix for every id attribute, so several diagrams can share one HTML page. */
  idPrefix: string;
}

export function render(layout: Layout, _options: RenderOptions): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}"></svg>\n`;
}
