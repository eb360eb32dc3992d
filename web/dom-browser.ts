/**
 * The browser's stand-in for src/render/dom.ts (swapped in by scripts/build-web.mjs): svg.js
 * creates elements in the page's real `document` instead of an svgdom window. Nothing is
 * attached to the page; the renderer serialises the detached elements with its own writer
 * (serialize.ts), so the SVG text is the same bytes as on Node.
 */
import { SVG, create } from '@svgdotjs/svg.js';
import type { DomElement, DomNode, ElementName, SvgDocument } from '../src/render/dom.js';

// The same values as dom.ts exports (that module cannot be imported here: it loads svgdom).
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export type { DomAttribute, DomElement, DomNode, ElementName, SvgDocument } from '../src/render/dom.js';

export function withSvgDocument<T>(build: (doc: SvgDocument) => T): T {
  const page = (globalThis as unknown as { document: { createTextNode(data: string): DomNode } }).document;
  const doc: SvgDocument = {
    root: SVG().node as unknown as DomElement,
    element: (name: ElementName) => create(name) as unknown as DomElement,
    text: (data) => page.createTextNode(data),
  };
  return build(doc);
}
