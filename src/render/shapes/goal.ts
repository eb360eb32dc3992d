/** Goal: a plain rectangle filling the box (GSN Community Standard v3). */
import { element } from '../build.js';
import { num } from '../number.js';
import { SHAPE_CLASS, type DrawShape } from './shape.js';

export const drawGoal: DrawShape = ({ doc }, node) => [
  element(doc, 'rect', {
    class: SHAPE_CLASS,
    x: num(node.x),
    y: num(node.y),
    width: num(node.width),
    height: num(node.height),
  }),
];
