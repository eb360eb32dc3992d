/**
 * Modular extension: an away element's lower compartment (`gsn-away-band`, the module icon and
 * the module's name), the module shape's tab (and the contract module's second tab,
 * `gsn-contract-tab`), and the public indicator. Outlines use the shape
 * and decoration classes, so the default stylesheet draws them with no extra rules.
 */
import type { LayoutNode, ModuleBox } from '../layout/types.js';
import { MODULE_ICON } from '../layout/modules.js';
import { element } from './build.js';
import type { DomElement, SvgDocument } from './dom.js';
import { num } from './number.js';
import { SHAPE_CLASS } from './shapes/shape.js';
import { appendUserText } from './user-text.js';

/** The module icon: a small rectangle with a tab on its top-left; (x, y) is the body's top-left. */
export function moduleIcon(doc: SvgDocument, x: number, y: number, className: string): DomElement {
  const { width, height, tabWidth, tabHeight } = MODULE_ICON;
  const d = `M${num(x)},${num(y)}V${num(y - tabHeight)}H${num(x + tabWidth)}V${num(y)}H${num(x + width)}V${num(y + height)}H${num(x)}Z`;
  return element(doc, 'path', { class: className, d });
}

/** The compartment below an away element: a rectangle holding the module icon and name. */
export function drawAwayBand(doc: SvgDocument, node: LayoutNode): DomElement[] {
  const away = node.away;
  if (!away) return [];
  const { band } = away;
  const rect = element(doc, 'rect', { class: `${SHAPE_CLASS} gsn-away-band`, x: num(band.x), y: num(band.y), width: num(band.width), height: num(band.height) });
  const icon = moduleIcon(doc, away.icon.x, away.icon.y, 'gsn-decoration gsn-module-icon');
  const label = element(doc, 'text', { class: 'gsn-away-module', x: num(away.label.x), y: num(away.label.y) });
  appendUserText(doc, label, away.module);
  return [rect, icon, label];
}

/**
 * The module shape: a rectangle with a tab on its top-left, the tab above the box; a contract
 * module reference has a second tab of the same size below its bottom-right corner.
 */
export function drawModuleShape(doc: SvgDocument, node: LayoutNode): DomElement[] {
  const { tab, contractTab } = node.module ?? {};
  const body = element(doc, 'rect', { class: SHAPE_CLASS, x: num(node.x), y: num(node.y), width: num(node.width), height: num(node.height) });
  const drawn: DomElement[] = [];
  if (tab) drawn.push(tabRect(doc, tab, 'gsn-module-tab'));
  if (contractTab) drawn.push(tabRect(doc, contractTab, 'gsn-module-tab gsn-contract-tab'));
  drawn.push(body);
  return drawn;
}

function tabRect(doc: SvgDocument, box: ModuleBox, className: string): DomElement {
  return element(doc, 'rect', { class: `${SHAPE_CLASS} ${className}`, x: num(box.x), y: num(box.y), width: num(box.width), height: num(box.height) });
}

/** The public indicator: the module icon in the shape's top-right corner, outside the text. */
export function drawPublic(doc: SvgDocument, node: LayoutNode): DomElement | null {
  if (!node.public) return null;
  const x = node.x + node.width - MODULE_ICON.width / 2 - 2;
  const y = node.y - MODULE_ICON.height / 2;
  return moduleIcon(doc, x, y, 'gsn-decoration gsn-public-mark');
}
