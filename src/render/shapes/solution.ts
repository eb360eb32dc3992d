/**
 * Solution: a circle. The layout gives solutions a square box; should it not (a very long word),
 * an ellipse filling the box keeps the text inside the outline.
 */
import { element } from '../build.js';
import { num } from '../number.js';
import { SHAPE_CLASS, type DrawShape } from './shape.js';

export const drawSolution: DrawShape = ({ doc }, { x, y, width, height }) => {
  const cx = num(x + width / 2);
  const cy = num(y + height / 2);
  if (Math.abs(width - height) < 0.01) {
    return [element(doc, 'circle', { class: SHAPE_CLASS, cx, cy, r: num(width / 2) })];
  }
  return [element(doc, 'ellipse', { class: SHAPE_CLASS, cx, cy, rx: num(width / 2), ry: num(height / 2) })];
};
