/**
 * The only elements and attributes the renderer may emit. The serialiser refuses anything else,
 * so a programming mistake cannot produce script, event handlers or foreignObject, whatever the
 * input. Tests check rendered output against the same lists.
 */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
  'svg', 'g', 'defs', 'style', 'marker', 'path', 'polyline', 'polygon', 'rect', 'circle',
  'ellipse', 'line', 'text', 'tspan', 'title', 'a',
]);

export const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set([
  // root
  'xmlns', 'xmlns:xlink', 'version', 'xml:space', 'viewBox', 'width', 'height',
  // identity and styling hooks
  'id', 'class', 'data-from', 'data-to',
  // geometry
  'x', 'y', 'rx', 'ry', 'cx', 'cy', 'r', 'd', 'points', 'x1', 'y1', 'x2', 'y2',
  // markers
  'refX', 'refY', 'markerWidth', 'markerHeight', 'markerUnits', 'orient', 'marker-end',
  'overflow',
  // presentation
  'fill', 'stroke', 'stroke-width', 'stroke-linejoin', 'stroke-dasharray', 'stroke-linecap', 'font-family', 'font-size',
  'font-weight', 'font-style', 'text-anchor', 'text-decoration',
  // links (href checked against the URL allow-list by user-text.ts)
  'href', 'xlink:href',
]);
