/**
 * Dialectic extension: `challenges` (dashed, open arrowhead, class gsn-challenges) and the cross
 * over what is defeated (class gsn-defeat-mark): corner to corner over an element, a small X on
 * the middle of a link or challenge.
 */
import type { LayoutChallenge, LayoutNode, Point } from '../layout/types.js';
import { element } from './build.js';
import type { DomElement, SvgDocument } from './dom.js';
import { ARROW_OPEN } from './ids.js';
import { num } from './number.js';
import { CHALLENGE_DASH, DEFEAT_COLOUR, DEFEAT_LINK_CROSS, DEFEAT_STROKE_WIDTH, pathMidpoint } from './style.js';
import { setUserAttribute } from './user-text.js';

export function drawChallenge(doc: SvgDocument, challenge: LayoutChallenge, prefix: string): DomElement | null {
  const points = challenge.points;
  if (points.length < 2) return null;
  const path = doc.element('path');
  path.setAttribute('class', challenge.defeated ? 'gsn-edge gsn-challenges gsn-defeated' : 'gsn-edge gsn-challenges');
  let d = `M${num(points[0]!.x)},${num(points[0]!.y)}`;
  for (let i = 1; i < points.length; i++) d += ` L${num(points[i]!.x)},${num(points[i]!.y)}`;
  path.setAttribute('d', d);
  setUserAttribute(path, 'data-from', challenge.from);
  const t = challenge.target;
  setUserAttribute(path, 'data-to', t.type === 'element' ? t.id : `${t.from}->${t.to}`);
  path.setAttribute('stroke-dasharray', CHALLENGE_DASH);
  path.setAttribute('marker-end', `url(#${prefix}${ARROW_OPEN})`);
  if (!challenge.defeated) return path;
  return withCross(doc, path, points);
}

/** A link drawn as `path`, grouped with the cross on its middle. */
export function withCross(doc: SvgDocument, path: DomElement, points: readonly Point[]): DomElement {
  const group = element(doc, 'g', { class: 'gsn-defeated-link' });
  group.appendChild(path);
  const { point } = pathMidpoint(points);
  const r = DEFEAT_LINK_CROSS;
  group.appendChild(cross(doc, point.x - r, point.y - r, 2 * r, 2 * r));
  return group;
}

/** The cross over a defeated element's box. */
export function elementCross(doc: SvgDocument, node: LayoutNode): DomElement {
  return cross(doc, node.x, node.y, node.width, node.height);
}

function cross(doc: SvgDocument, x: number, y: number, width: number, height: number): DomElement {
  return element(doc, 'path', {
    class: 'gsn-defeat-mark',
    d: `M${num(x)},${num(y)} L${num(x + width)},${num(y + height)} M${num(x + width)},${num(y)} L${num(x)},${num(y + height)}`,
    fill: 'none',
    stroke: DEFEAT_COLOUR,
    'stroke-width': num(DEFEAT_STROKE_WIDTH),
    'stroke-linecap': 'round',
  });
}
