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
import { drawLegend } from './legend.js';
import { MARKS_STYLESHEET } from './marks-style.js';
import { num } from './number.js';
import { closeTag, openTag, serialize } from './serialize.js';
import { resolveTheme, themeBackground, themeStylesheet, type ThemeName } from './themes.js';
import { setUserAttribute } from './user-text.js';
import { drawChallenge } from './dialectic.js';
import { drawAcp } from './confidence.js';
import { drawChoice, drawChoiceGroup, drawMultiplicity } from './patterns.js';
import { EXTENSION_STYLESHEET } from './stylesheet.js';

export interface RenderOptions {
  /** Prefix for every id attribute, so several diagrams can share one HTML page. */
  idPrefix: string;
  /** Colour theme of the embedded stylesheet (themes.ts); default `default`. */
  theme?: ThemeName;
}

export function render(layout: Layout, options: RenderOptions): string {
  const prefix = safeIdPrefix(options.idPrefix ?? '');
  const theme = resolveTheme(options.theme);
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
    const sheet = themeStylesheet(theme);
    style.appendChild(doc.text(usesExtensions(layout) ? `${sheet}\n${EXTENSION_STYLESHEET}` : sheet));
    out.push(serialize(style));
    if (hasMarks(layout)) {
      const marks = doc.element('style'); // AI safety-case framework marks: a second sheet, only when drawn
      marks.appendChild(doc.text(MARKS_STYLESHEET));
      out.push(serialize(marks));
    }
    out.push(serialize(drawMarkers(doc, prefix, (layout.challenges ?? []).length > 0)));
    out.push(serialize(element(doc, 'rect', { class: 'gsn-background', x: '0', y: '0', width, height, fill: themeBackground(theme) })));

    const edges = element(doc, 'g', { class: 'gsn-edges' });
    out.push(openTag(edges));
    for (const edge of layout.edges) {
      const path = drawEdge(doc, edge, prefix);
      if (path) out.push(serialize(path));
    }
    for (const challenge of layout.challenges ?? []) {
      const path = drawChallenge(doc, challenge, prefix);
      if (path) out.push(serialize(path));
    }
    for (const edge of layout.edges) if (edge.multiplicity) out.push(serialize(drawMultiplicity(doc, edge)!)); // pattern extension
    for (const node of layout.nodes) if (node.choice) out.push(serialize(drawChoice(doc, node)!));
    for (const choice of layout.choices ?? []) out.push(serialize(drawChoiceGroup(doc, choice)));
    out.push(closeTag(edges));

    const nodes = element(doc, 'g', { class: 'gsn-nodes', 'text-anchor': 'middle' });
    out.push(openTag(nodes));
    const context = { doc, fontSize: layout.font.size, prefix };
    for (const node of layout.nodes) out.push(serialize(drawNode(context, node)));
    out.push(closeTag(nodes));
    for (const acp of layout.acps ?? []) out.push(serialize(drawAcp(doc, acp))); // confidence extension
    if (layout.legend) out.push(serialize(drawLegend(doc, layout.legend)));
    out.push(closeTag(svg), '\n');
    return out.join('');
  });
}

/** True when the diagram draws something of the GSN extensions (its stylesheet rules are added). */
function usesExtensions(layout: Layout): boolean {
  return (layout.challenges ?? []).length > 0 || layout.nodes.some((n) => n.counter === true);
}

/** True when the diagram draws AI safety-case framework marks (their stylesheet is added). */
function hasMarks(layout: Layout): boolean {
  return layout.legend !== undefined || layout.nodes.some((n) => (n.badges ?? []).length > 0 || n.trust !== undefined);
}
