/**
 * The two arrowheads, as `<marker>`s in `<defs>`: filled (SupportedBy) and hollow, white-filled
 * (InContextOf). Sized in user units (markerUnits userSpaceOnUse) so they do not grow with the
 * stroke width, and oriented along the last segment (orient auto), so they point at the target.
 * Both are stroked like the edges; the tip is pulled back by the stroke's miter so the outside of
 * the stroke, not the geometric tip, ends on the target's outline. The edge's line stops
 * ARROW_LINE_INSET short of the outline (edges.ts), so refX is moved by the same amount.
 */
import { element } from './build.js';
import type { DomElement, SvgDocument } from './dom.js';
import { ARROW_FILLED, ARROW_HOLLOW, ARROW_OPEN } from './ids.js';
import { num } from './number.js';
import { ARROW_LENGTH, ARROW_LINE_INSET, ARROW_WIDTH, FILL_COLOUR, STROKE_COLOUR, STROKE_WIDTH } from './style.js';

export function drawMarkers(doc: SvgDocument, prefix: string, withOpen = false): DomElement {
  const defs = doc.element('defs');
  defs.appendChild(marker(doc, prefix + ARROW_FILLED, 'gsn-arrowhead gsn-arrowhead-filled', STROKE_COLOUR));
  defs.appendChild(marker(doc, prefix + ARROW_HOLLOW, 'gsn-arrowhead gsn-arrowhead-hollow', FILL_COLOUR));
  if (withOpen) defs.appendChild(openMarker(doc, prefix + ARROW_OPEN));
  return defs;
}

/**
 * Dialectic extension: the open arrowhead of `challenges`, two strokes meeting at the tip (no
 * fill), its tip on the end point (the challenge's line runs to the tip; nothing hides it).
 */
function openMarker(doc: SvgDocument, id: string): DomElement {
  const m = arrowMarker(doc, id, ARROW_LENGTH);
  m.appendChild(
    element(doc, 'path', {
      class: 'gsn-arrowhead gsn-arrowhead-open',
      d: `M0,0 L${num(ARROW_LENGTH)},${num(ARROW_WIDTH / 2)} L0,${num(ARROW_WIDTH)}`,
      fill: 'none',
      stroke: STROKE_COLOUR,
      'stroke-width': num(STROKE_WIDTH),
      'stroke-linejoin': 'miter',
    }),
  );
  return m;
}

/** The <marker> box every arrowhead shares; `refX` puts the tip where the line ends. */
function arrowMarker(doc: SvgDocument, id: string, refX: number): DomElement {
  return element(doc, 'marker', {
    id,
    viewBox: `0 0 ${num(ARROW_LENGTH)} ${num(ARROW_WIDTH)}`,
    refX: num(refX),
    refY: num(ARROW_WIDTH / 2),
    markerWidth: num(ARROW_LENGTH),
    markerHeight: num(ARROW_WIDTH),
    markerUnits: 'userSpaceOnUse',
    orient: 'auto',
    overflow: 'visible',
  });
}

function marker(doc: SvgDocument, id: string, className: string, fill: string): DomElement {
  const halfAngle = Math.atan2(ARROW_WIDTH / 2, ARROW_LENGTH);
  const miter = STROKE_WIDTH / 2 / Math.sin(halfAngle);
  const m = arrowMarker(doc, id, ARROW_LENGTH + miter - ARROW_LINE_INSET);
  m.appendChild(
    element(doc, 'path', {
      class: className,
      d: `M0,0 L${num(ARROW_LENGTH)},${num(ARROW_WIDTH / 2)} L0,${num(ARROW_WIDTH)} Z`,
      fill,
      stroke: STROKE_COLOUR,
      'stroke-width': num(STROKE_WIDTH),
      'stroke-linejoin': 'miter',
    }),
  );
  return m;
}
