/**
 * The oval shared by assumption and justification: an ellipse filling the box, with its letter
 * (A or J) drawn bold just outside the oval at the lower right, as the GSN standard draws them.
 *
 * The letter sits just outside the oval's 45-degree point (LETTER_GAP from it), so it stays
 * close to a large oval instead of floating at the far box corner; it is never further right or
 * lower than the layout's rule (start at box right - LETTER_INSET_X, baseline at box bottom +
 * LETTER_DROP), so it stays inside the room the layout reserves.
 */
import type { LayoutNode } from '../../layout/types.js';
import { element } from '../build.js';
import type { DomElement } from '../dom.js';
import { num } from '../number.js';
import { LETTER_CAP_HEIGHT, LETTER_DROP, LETTER_GAP, LETTER_INSET_X } from '../style.js';
import { SHAPE_CLASS, type ShapeContext } from './shape.js';

export function drawOval({ doc, fontSize }: ShapeContext, node: LayoutNode, letter: 'A' | 'J'): DomElement[] {
  const { x, y, width, height } = node;
  const oval = element(doc, 'ellipse', {
    class: SHAPE_CLASS,
    cx: num(x + width / 2),
    cy: num(y + height / 2),
    rx: num(width / 2),
    ry: num(height / 2),
  });
  const at = letterPosition(node, fontSize);
  const mark = element(doc, 'text', {
    class: 'gsn-letter',
    x: num(at.x),
    y: num(at.y),
    'text-anchor': 'start',
    'font-weight': 'bold',
  });
  mark.appendChild(doc.text(letter)); // a constant, not document text
  return [oval, mark];
}

/** Left end and baseline of the A/J letter for an oval filling `box`. */
export function letterPosition(box: Pick<LayoutNode, 'x' | 'y' | 'width' | 'height'>, fontSize: number): { x: number; y: number } {
  const cos45 = Math.SQRT1_2;
  const px = box.x + (box.width / 2) * (1 + cos45);
  const py = box.y + (box.height / 2) * (1 + cos45);
  return {
    x: Math.min(px + LETTER_GAP, box.x + box.width - LETTER_INSET_X),
    y: Math.min(py + LETTER_GAP + fontSize * LETTER_CAP_HEIGHT, box.y + box.height + LETTER_DROP),
  };
}
