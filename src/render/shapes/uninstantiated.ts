/**
 * Uninstantiated: a hollow triangle inscribed in the box the layout reserves below the shape,
 * apex up on the shape's bottom edge, base along the box's bottom.
 */
import { element } from '../build.js';
import type { DomElement, SvgDocument } from '../dom.js';
import { points } from '../number.js';
import type { Box } from '../style.js';

export function drawUninstantiated(doc: SvgDocument, { x, y, width, height }: Box): DomElement {
  return element(doc, 'polygon', {
    class: 'gsn-decoration gsn-triangle',
    points: points([
      { x: x + width / 2, y },
      { x: x + width, y: y + height },
      { x, y: y + height },
    ]),
  });
}
