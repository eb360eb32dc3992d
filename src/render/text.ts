/**
 * An element's wrapped text: one `<text>` per line, centred on the line's x (text-anchor is set
 * once on the nodes layer), one `<tspan>` per run carrying the run's formatting, and a run with
 * an allowed link wrapped in `<a>`. Run text itself is written by user-text.ts.
 */
import type { TextLine, TextRun } from '../layout/types.js';
import { element } from './build.js';
import type { DomElement, SvgDocument } from './dom.js';
import { num } from './number.js';
import { CODE_FONT_FAMILY } from './style.js';
import { appendUserText, createLink } from './user-text.js';

/**
 * `linksAllowed` is false inside an element that is itself a link (`@url`): SVG forbids nested
 * `<a>`, so such runs are drawn as plain text there.
 */
export function drawLines(doc: SvgDocument, lines: readonly TextLine[], linksAllowed: boolean): DomElement[] {
  const drawn: DomElement[] = [];
  for (const line of lines) {
    const text = element(doc, 'text', { class: line.bullet ? 'gsn-text gsn-bullet' : 'gsn-text', x: num(line.x), y: num(line.y) });
    for (const run of line.runs) {
      if (run.text.length === 0) continue;
      const link = linksAllowed && run.href !== null ? createLink(doc, run.href, 'gsn-text-link') : null;
      const span = drawRun(doc, run, link !== null);
      if (link) {
        link.appendChild(span);
        text.appendChild(link);
      } else {
        text.appendChild(span);
      }
    }
    drawn.push(text);
  }
  return drawn;
}

function drawRun(doc: SvgDocument, run: TextRun, isLink: boolean): DomElement {
  const span = doc.element('tspan');
  if (isLink) span.setAttribute('class', 'gsn-link');
  if (run.code) {
    span.setAttribute('font-family', CODE_FONT_FAMILY); // regular, as the layout measured it
  } else {
    if (run.bold) span.setAttribute('font-weight', 'bold');
    if (run.italic) span.setAttribute('font-style', 'italic');
  }
  if (isLink) span.setAttribute('text-decoration', 'underline');
  appendUserText(doc, span, run.text);
  return span;
}
