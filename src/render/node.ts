/**
 * One GSN element: `<g id class>` holding its `<title>`, shape, decorations, ID label and text;
 * wrapped in `<a>` when the element has an allowed `@url`.
 */
import type { LayoutNode } from '../layout/types.js';
import { append, element } from './build.js';
import type { DomElement } from './dom.js';
import { nodeIdPrefix } from './ids.js';
import { num } from './number.js';
import { drawUndeveloped } from './shapes/undeveloped.js';
import { drawUninstantiated } from './shapes/uninstantiated.js';
import { kindClass, shapeFor } from './shapes/index.js';
import type { ShapeContext } from './shapes/shape.js';
import { decorationBoxes } from './style.js';
import { drawLines } from './text.js';
import { elementCross } from './dialectic.js';
import { appendUserText, createLink, setClasses, setUserAttribute } from './user-text.js';
import { drawMarks, markClasses } from './badge.js';
import { drawAwayBand, drawModuleShape, drawPublic } from './modules.js';

export interface NodeContext extends ShapeContext {
  /** Sanitised id prefix. */
  prefix: string;
}

export function drawNode(context: NodeContext, node: LayoutNode): DomElement {
  const { doc } = context;
  const group = doc.element('g');
  setUserAttribute(group, 'id', nodeIdPrefix(context.prefix) + node.id);
  let own = `gsn-node ${node.module ? 'gsn-module' : kindClass(node.kind)}`; // modular extension: a module reference
  if (node.module?.contractTab) own += ' gsn-contract'; // modular extension: a contract module reference
  if (node.undeveloped) own += ' gsn-undeveloped';
  if (node.uninstantiated) own += ' gsn-uninstantiated';
  if (node.counter) own += ' gsn-counter';
  if (node.defeated) own += ' gsn-defeated';
  if (node.away) own += ' gsn-away'; // modular extension
  if (node.public) own += ' gsn-public';
  own += markClasses(node); // AI safety-case framework: gsn-category-*, gsn-trusted / gsn-untrusted
  setClasses(group, own, node.classes);

  const title = doc.element('title');
  appendUserText(doc, title, node.title ? `${node.id}: ${node.title}` : node.id);
  group.appendChild(title);

  append(group, node.module ? drawModuleShape(doc, node) : shapeFor(node.kind)(context, node));
  append(group, drawAwayBand(doc, node)); // modular extension: nothing for a local element
  const publicMark = drawPublic(doc, node);
  if (publicMark) group.appendChild(publicMark);
  append(group, decorations(context, node));
  append(group, drawMarks(doc, node)); // framework pills, trust ring (none without marks)

  const label = element(doc, 'text', { class: 'gsn-id', x: num(node.label.x), y: num(node.label.y), 'font-weight': 'bold' });
  appendUserText(doc, label, node.id);
  group.appendChild(label);

  const link = createLink(doc, node.url, 'gsn-node-link');
  append(group, drawLines(doc, node.lines, link === null));
  if (node.defeated) group.appendChild(elementCross(doc, node));
  if (!link) return group;
  link.appendChild(group);
  return link;
}

/** Diamond and/or triangle below the shape (side by side when both), where the layout put them. */
function decorations({ doc }: ShapeContext, node: LayoutNode): DomElement[] {
  const { diamond, triangle } = decorationBoxes(node, node.undeveloped, node.uninstantiated);
  const drawn: DomElement[] = [];
  if (diamond) drawn.push(drawUndeveloped(doc, diamond));
  if (triangle) drawn.push(drawUninstantiated(doc, triangle));
  return drawn;
}
