/**
 * Strategy: a parallelogram leaning right, inside the box: the top edge is shifted right and the
 * bottom edge left by STRATEGY_SKEW, so the slanted sides touch the box's corners (the layout
 * widens the box by the skew so the text stays inside).
 */
import { element } from '../build.js';
import { points } from '../number.js';
import { STRATEGY_SKEW } from '../style.js';
import { SHAPE_CLASS, type DrawShape } from './shape.js';

export const drawStrategy: DrawShape = ({ doc }, { x, y, width, height }) => {
  // Capped for a hand-made box narrower than the slant; layout boxes are always wider.
  const skew = Math.min(STRATEGY_SKEW, Math.max(0, width) / 2);
  return [
    element(doc, 'polygon', {
      class: SHAPE_CLASS,
      points: points([
        { x: x + skew, y },
        { x: x + width, y },
        { x: x + width - skew, y: y + height },
        { x, y: y + height },
      ]),
    }),
  ];
};
