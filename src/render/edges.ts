/**
 * Edges: one `<path>` per edge along the layout's orthogonal polyline, ending in the arrowhead of
 * its relation at the `to` end. data-from/data-to name the elements (document text).
 */
import type { LayoutEdge, Point } from '../layout/types.js';
import type { DomElement, SvgDocument } from './dom.js';
import { ARROW_FILLED, ARROW_HOLLOW } from './ids.js';
import { num } from './number.js';
import { ARROW_LINE_INSET } from './style.js';
import { setUserAttribute } from './user-text.js';
import { withCross } from './dialectic.js';

export function drawEdge(doc: SvgDocument, edge: LayoutEdge, prefix: string): DomElement | null {
  if (edge.points.length < 2) return null; // nothing to draw; the layout should not produce this
  const supported = edge.relation === 'supportedBy';
  const path = doc.element('path');
  const own = supported ? 'gsn-edge gsn-supported-by' : 'gsn-edge gsn-in-context-of';
  path.setAttribute('class', edge.defeated ? `${own} gsn-defeated` : own);
  path.setAttribute('d', pathData(edge.points));
  setUserAttribute(path, 'data-from', edge.from);
  setUserAttribute(path, 'data-to', edge.to);
  path.setAttribute('marker-end', `url(#${prefix}${supported ? ARROW_FILLED : ARROW_HOLLOW})`);
  return edge.defeated ? withCross(doc, path, edge.points) : path;
}

/**
 * `M x,y L x,y ...`, with the last point moved back along the last segment by ARROW_LINE_INSET
 * (the arrowhead covers the gap and still reaches the original end). A last segment shorter than
 * that keeps a sliver of its length so the arrowhead's direction is kept.
 */
function pathData(points: readonly Point[]): string {
  const last = points[points.length - 1]!;
  const before = points[points.length - 2]!;
  const length = Math.hypot(last.x - before.x, last.y - before.y);
  const inset = length > 0 ? Math.min(ARROW_LINE_INSET, length * 0.9) / length : 0;
  const end = { x: last.x - (last.x - before.x) * inset, y: last.y - (last.y - before.y) * inset };
  let d = `M${num(points[0]!.x)},${num(points[0]!.y)}`;
  for (let i = 1; i < points.length - 1; i++) d += ` L${num(points[i]!.x)},${num(points[i]!.y)}`;
  return `${d} L${num(end.x)},${num(end.y)}`;
}
