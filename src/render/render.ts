/**
 * The render stage: Layout -> SVG string. A pure function of the layout and options: the same
 * input gives byte-identical output (no generated ids, timestamps or svg.js data attributes).
 *
 * Structure: <svg class="gsn-diagram"> <style/> <defs>arrowheads</defs> <rect background/>
 * <g gsn-edges>paths</g> <g gsn-nodes>elements</g> </svg>. Edges are drawn first so the
 * white-filled shapes sit on top of them. The output ends with a newline; no XML declaration
 * (so it can be inlined in HTML as is).
 */
import type { Layout } from '../layout/types.js';
import { element } from './build.js';
import { XML_NS, withSvgDocument } from './dom.js';
import { drawEdge } from './edges.js';
import { safeIdPrefix } from './ids.js';
import { drawMarkers } from './markers.js';
import { drawNode } from './node.js';
import { num } from './number.js';
import { closeTag, openTag, serialize } from './serialize.js';
import { STYLESHEET } from './stylesheet.js';
import { setUserAttribute } from './user-text.js';

export interface RenderOptions {
  /** Prefix for every id attribute, so several diagrams can share one HTML page. */
  idPrefix: string;
}

export function render(layout: Layout, options: RenderOptions): string {
  const prefix = safeIdPrefix(options.idPrefix ?? '');
  return withSvgDocument((doc) => {
    const width = num(layout.width);
    const height = num(layout.height);
    const svg = doc.root;
    svg.setAttribute('class', 'gsn-diagram');
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    setUserAttribute(svg, 'font-family', layout.font.family);
    svg.setAttribute('font-size', num(layout.font.size));
    // Layout measured runs with their spaces; keep them (no collapsing at tspan boundaries).
    svg.setAttributeNS(XML_NS, 'xml:space', 'preserve');

    // Streamed: each element is built, written and dropped, so the DOM stays small (dom.ts).
    const out: string[] = [openTag(svg)];
    const style = doc.element('style');
    style.appendChild(doc.text(STYLESHEET));
    out.push(serialize(style));
    out.push(serialize(drawMarkers(doc, prefix)));
    out.push(serialize(element(doc, 'rect', { class: 'gsn-background', x: '0', y: '0', width, height, fill: '#fff' })));

    const edges = element(doc, 'g', { class: 'gsn-edges' });
    out.push(openTag(edges));
    for (const edge of layout.edges) {
      const path = drawEdge(doc, edge, prefix);
      if (path) out.push(serialize(path));
    }
    out.push(closeTag(edges));

    const nodes = element(doc, 'g', { class: 'gsn-nodes', 'text-anchor': 'middle' });
    out.push(openTag(nodes));
    const context = { doc, fontSize: layout.font.size, prefix };
    for (const node of layout.nodes) out.push(serialize(drawNode(context, node)));
    out.push(closeTag(nodes), closeTag(svg), '\n');
    return out.join('');
  });
}
