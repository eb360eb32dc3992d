/** Undeveloped: a hollow diamond inscribed in the box the layout reserves below the shape. */
import { element } from '../build.js';
import type { DomElement, SvgDocument } from '../dom.js';
import { points } from '../number.js';
import type { Box } from '../style.js';

export function drawUndeveloped(doc: SvgDocument, { x, y, width, height }: Box): DomElement {
  const cx = x + width / 2;
  const cy = y + height / 2;
  return element(doc, 'polygon', {
    class: 'gsn-decoration gsn-diamond',
    points: points([
      { x: cx, y },
      { x: x + width, y: cy },
      { x: cx, y: y + height },
      { x, y: cy },
    ]),
  });
}
