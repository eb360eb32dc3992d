/**
 * Pattern extension: the multiplicity ball on a link (`<g class="gsn-many">` solid,
 * `<g class="gsn-optional">` hollow) and the choice diamond on an element's link junction or on a
 * choice group's (`<g class="gsn-choice">`, solid), each with its label, where the layout put them.
 */
import type { LayoutChoice, LayoutEdge, LayoutNode, LayoutPatternMark } from '../layout/types.js';
import { BALL_RADIUS, CHOICE_HEIGHT, CHOICE_WIDTH, PATTERN_FONT_SIZE } from '../layout/patterns.js';
import { element } from './build.js';
import type { DomElement, SvgDocument } from './dom.js';
import { num, points } from './number.js';
import { FILL_COLOUR, STROKE_COLOUR, STROKE_WIDTH } from './style.js';
import { appendUserText, setUserAttribute } from './user-text.js';

export function drawMultiplicity(doc: SvgDocument, edge: LayoutEdge): DomElement | null {
  const mark = edge.multiplicity;
  if (!mark) return null;
  const group = element(doc, 'g', { class: mark.kind === 'many' ? 'gsn-many' : 'gsn-optional' });
  setUserAttribute(group, 'data-from', edge.from);
  setUserAttribute(group, 'data-to', edge.to);
  const solid = mark.kind === 'many';
  group.appendChild(
    element(doc, 'circle', {
      class: solid ? 'gsn-solid-mark' : 'gsn-decoration',
      cx: num(mark.at.x),
      cy: num(mark.at.y),
      r: num(BALL_RADIUS),
      fill: solid ? STROKE_COLOUR : FILL_COLOUR,
      stroke: STROKE_COLOUR,
      'stroke-width': num(solid ? 0 : STROKE_WIDTH),
    }),
  );
  appendLabel(doc, group, mark);
  return group;
}

export function drawChoice(doc: SvgDocument, node: LayoutNode): DomElement | null {
  return node.choice ? diamond(doc, node.choice, node.id, null) : null;
}

/** A choice group's diamond: `data-to` lists its alternatives. */
export function drawChoiceGroup(doc: SvgDocument, choice: LayoutChoice): DomElement {
  return diamond(doc, choice, choice.from, choice.to.join(' '));
}

function diamond(doc: SvgDocument, mark: LayoutPatternMark, from: string, to: string | null): DomElement {
  const group = element(doc, 'g', { class: 'gsn-choice' });
  setUserAttribute(group, 'data-from', from);
  if (to !== null) setUserAttribute(group, 'data-to', to);
  const { x, y } = mark.at;
  const w = CHOICE_WIDTH / 2;
  const h = CHOICE_HEIGHT / 2;
  group.appendChild(
    element(doc, 'polygon', {
      class: 'gsn-solid-mark',
      points: points([
        { x, y: y - h },
        { x: x + w, y },
        { x, y: y + h },
        { x: x - w, y },
      ]),
      fill: STROKE_COLOUR,
      stroke: 'none',
    }),
  );
  appendLabel(doc, group, mark);
  return group;
}

function appendLabel(doc: SvgDocument, group: DomElement, mark: LayoutPatternMark): void {
  if (mark.label === null || mark.labelAt === null) return;
  const text = element(doc, 'text', { class: 'gsn-pattern-label', x: num(mark.labelAt.x), y: num(mark.labelAt.y), 'font-size': num(PATTERN_FONT_SIZE), 'text-anchor': 'start' });
  appendUserText(doc, text, mark.label);
  group.appendChild(text);
}
