/**
 * The one place that knows where the DOM comes from. On Node it is svgdom; a browser build can
 * replace `withSvgDocument` with one that hands the real `window` to svg.js. The rest of the
 * renderer sees only the small interfaces below (standard DOM members), so it needs neither the
 * DOM lib types nor svgdom.
 *
 * Speed: svg.js's element methods (`rect().move()`, `text()`, `attr()`) parse and re-read
 * attributes, keep per-element data (serialised as `svgjs:data`) and, for text, add `dy`
 * and newline bookkeeping; used naively that costs about 0.3-0.4 s per 1,000 simple nodes. We
 * use svg.js only to create the root and elements (`SVG()`, `create()`) in one window per
 * render call, set attributes with plain `setAttribute`, and serialise with our own writer
 * (serialize.ts). svgdom nodes are heavy (each node and each attribute is a full Node with a
 * Set, arrays, a style Proxy), and a whole 10,000-element tree kept alive made the garbage
 * collector dominate (2.5-5 s); render.ts therefore streams: each element is built, written
 * and dropped. Measured on a busy 2-core machine (CPU time): 1,000 elements about 60 ms warm,
 * 200 ms in a cold process; 10,000 elements about 0.5-0.65 s.
 */
import { SVG, create, withWindow } from '@svgdotjs/svg.js';
import { createSVGWindow } from 'svgdom';

/** The elements the renderer may create: the allow-list, as a type. */
export type ElementName =
  | 'svg' | 'g' | 'defs' | 'style' | 'marker' | 'path' | 'polyline' | 'polygon' | 'rect'
  | 'circle' | 'ellipse' | 'line' | 'text' | 'tspan' | 'title' | 'a';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
}

export interface DomAttribute {
  readonly name: string;
  readonly value: unknown;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  readonly attributes: ArrayLike<DomAttribute>;
  readonly childNodes: ArrayLike<DomNode>;
  setAttribute(name: string, value: string): void;
  setAttributeNS(namespace: string | null, name: string, value: string): void;
  appendChild(child: DomNode): unknown;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface SvgDocument {
  /** `<svg>` with xmlns, version and xmlns:xlink already set (by svg.js, in that order). */
  readonly root: DomElement;
  element(name: ElementName): DomElement;
  /** A text node. Only user-text.ts passes document text here; others pass constants. */
  text(data: string): DomNode;
}

/**
 * Runs `build` with a fresh svgdom window registered with svg.js, and restores svg.js's previous
 * window afterwards (so a host that uses svg.js itself is not disturbed). A fresh window per call
 * keeps renders independent: nothing accumulates between diagrams.
 */
export function withSvgDocument<T>(build: (doc: SvgDocument) => T): T {
  const window = createSVGWindow() as { document: { createTextNode(data: string): DomNode } };
  // svg.js types its window as the DOM Window; svgdom's is a structural stand-in.
  return withWindow(window as never, () => {
    const document = window.document;
    const doc: SvgDocument = {
      root: SVG().node as unknown as DomElement,
      element: (name) => create(name) as unknown as DomElement,
      text: (data) => document.createTextNode(data),
    };
    return build(doc);
  });
}
