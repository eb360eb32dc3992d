/**
 * Context: a rectangle with rounded corners (GSN v3's "rounded rectangle"), radius
 * CONTEXT_RADIUS, capped at half the height and width for a hand-made tiny box.
 */
import { element } from '../build.js';
import { num } from '../number.js';
import { CONTEXT_RADIUS } from '../style.js';
import { SHAPE_CLASS, type DrawShape } from './shape.js';

export const drawContext: DrawShape = ({ doc }, { x, y, width, height }) => {
  const radius = num(Math.max(0, Math.min(CONTEXT_RADIUS, height / 2, width / 2)));
  return [
    element(doc, 'rect', {
      class: SHAPE_CLASS,
      x: num(x),
      y: num(y),
      width: num(width),
      height: num(height),
      rx: radius,
      ry: radius,
    }),
  ];
};
