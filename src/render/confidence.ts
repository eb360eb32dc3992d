/**
 * Confidence extension: an assurance claim point is `<g class="gsn-acp">` holding its <title>,
 * a small filled square (class gsn-solid-mark) and its name, where the layout put them.
 */
import type { LayoutAcp } from '../layout/types.js';
import { ACP_FONT_SIZE } from '../layout/confidence.js';
import { element } from './build.js';
import type { DomElement, SvgDocument } from './dom.js';
import { num } from './number.js';
import { STROKE_COLOUR } from './style.js';
import { appendUserText, setUserAttribute } from './user-text.js';

export function drawAcp(doc: SvgDocument, acp: LayoutAcp): DomElement {
  const group = element(doc, 'g', { class: 'gsn-acp' });
  const on = acp.on;
  if (on.type === 'element') setUserAttribute(group, 'data-to', on.id);
  else {
    setUserAttribute(group, 'data-from', on.from);
    setUserAttribute(group, 'data-to', on.to);
  }
  const title = doc.element('title');
  appendUserText(doc, title, acp.title);
  group.appendChild(title);
  const half = acp.size / 2;
  group.appendChild(
    element(doc, 'rect', {
      class: 'gsn-solid-mark',
      x: num(acp.x - half),
      y: num(acp.y - half),
      width: num(acp.size),
      height: num(acp.size),
      fill: STROKE_COLOUR,
      stroke: 'none',
    }),
  );
  const label = element(doc, 'text', { class: 'gsn-acp-name', x: num(acp.label.x), y: num(acp.label.y), 'font-size': num(ACP_FONT_SIZE), 'text-anchor': 'start' });
  appendUserText(doc, label, acp.name);
  group.appendChild(label);
  return group;
}
