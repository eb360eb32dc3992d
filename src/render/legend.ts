/**
 * The legend of the AI safety-case framework's marks, where the layout placed it: an outlined
 * box, `<g class="gsn-legend">`, with a bold heading per section, a swatch per category used
 * (`gsn-legend-category gsn-category-<category>`), per trust status used, and with ratings a
 * sample glyph with its key. All its text is constant (category names and meanings), never
 * document text.
 */
import type { LayoutLegend, LegendRow, LegendText, MarkBox } from '../layout/types.js';
import { element } from './build.js';
import type { DomElement, SvgDocument } from './dom.js';
import {
  BADGE_STROKE_WIDTH,
  CATEGORY_COLOURS,
  LEGEND_FONT_SIZE,
  LEGEND_RADIUS,
  LEGEND_STROKE,
  TRUST_COLOURS,
  TRUST_RING_WIDTH,
} from './marks-style.js';
import { num } from './number.js';
import { STROKE_COLOUR } from './style.js';
import { drawRatingsGlyph, ratingsSentence } from './ratings-glyph.js';

export function drawLegend(doc: SvgDocument, legend: LayoutLegend): DomElement {
  const group = element(doc, 'g', { class: 'gsn-legend', 'text-anchor': 'start', 'font-size': num(LEGEND_FONT_SIZE) });
  group.appendChild(
    element(doc, 'rect', {
      class: 'gsn-legend-box',
      x: num(legend.x),
      y: num(legend.y),
      width: num(legend.width),
      height: num(legend.height),
      rx: num(LEGEND_RADIUS),
      ry: num(LEGEND_RADIUS),
      fill: 'none',
      stroke: LEGEND_STROKE,
      'stroke-width': '1',
    }),
  );
  for (const row of legend.rows) group.appendChild(drawRow(doc, row));
  return group;
}

function drawRow(doc: SvgDocument, row: LegendRow): DomElement {
  switch (row.type) {
    case 'heading':
      return text(doc, row.label, 'gsn-legend-heading');
    case 'category': {
      const colours = CATEGORY_COLOURS[row.category];
      const g = element(doc, 'g', { class: `gsn-legend-category gsn-category-${row.category}` });
      g.appendChild(box(doc, row.swatch, 'gsn-legend-swatch', row.swatch.height / 2, colours.fill, colours.stroke, null, BADGE_STROKE_WIDTH));
      g.appendChild(text(doc, row.label, 'gsn-legend-text'));
      return g;
    }
    case 'trust': {
      const colours = TRUST_COLOURS[row.trust];
      const g = element(doc, 'g', { class: `gsn-legend-trust gsn-trust-${row.trust}` });
      // A small component: the black outline, and inside it the ring the diagram draws.
      const s = row.swatch;
      const ring = { x: s.x + 2.5, y: s.y + 2.5, width: s.width - 5, height: s.height - 5 };
      g.appendChild(box(doc, s, 'gsn-legend-swatch', 4, colours.fill, STROKE_COLOUR, null, 1));
      g.appendChild(box(doc, ring, 'gsn-legend-ring', 2, 'none', colours.stroke, colours.dash, TRUST_RING_WIDTH));
      g.appendChild(text(doc, row.label, 'gsn-legend-text'));
      return g;
    }
    case 'ratings': {
      const g = element(doc, 'g', { class: 'gsn-legend-ratings' });
      const sample = row.sample;
      g.appendChild(drawRatingsGlyph(doc, row.glyph, sample, (t) => t.appendChild(doc.text(`Example: ${ratingsSentence(sample)}`))));
      for (const label of row.labels) g.appendChild(text(doc, label, 'gsn-legend-text'));
      return g;
    }
  }
}

function text(doc: SvgDocument, label: LegendText, className: string): DomElement {
  const attributes: Record<string, string> = { class: className, x: num(label.x), y: num(label.y) };
  if (label.bold) attributes['font-weight'] = 'bold';
  const el = element(doc, 'text', attributes);
  el.appendChild(doc.text(label.text)); // a constant of the legend, not document text
  return el;
}

function box(
  doc: SvgDocument,
  b: MarkBox,
  className: string,
  radius: number,
  fill: string,
  stroke: string,
  dash: string | null,
  strokeWidth: number,
): DomElement {
  const attributes: Record<string, string> = {
    class: className,
    x: num(b.x),
    y: num(b.y),
    width: num(b.width),
    height: num(b.height),
    rx: num(radius),
    ry: num(radius),
    fill,
    stroke,
    'stroke-width': num(strokeWidth),
  };
  if (dash) attributes['stroke-dasharray'] = dash;
  return element(doc, 'rect', attributes);
}
