/**
 * The AI safety-case framework's marks on one node, where the layout reserved them:
 *
 * - `<g class="gsn-badge gsn-category-control">`: a pill in the category's colour reading
 *   "control · monitoring", with a <title>, and with the ratings option the three-bar glyph;
 * - a trusted / untrusted component: a ring inside its outline (solid green / dashed red) and a
 *   "trusted" / "untrusted" tag, `<g class="gsn-badge gsn-trust-badge gsn-trust-untrusted">`.
 *
 * The node's group carries `gsn-category-<category>` for each category and `gsn-trusted` /
 * `gsn-untrusted` (markClasses). The block name comes from the document, so the pill's text and
 * titles are written by user-text.ts.
 */
import type { CategoryBadge, LayoutBadge, LayoutNode, TrustBadge } from '../layout/types.js';
import { element } from './build.js';
import type { DomElement, SvgDocument } from './dom.js';
import {
  BADGE_FONT_SIZE,
  BADGE_STROKE_WIDTH,
  CATEGORY_COLOURS,
  CONTEXT_RADIUS,
  TRUST_COLOURS,
  TRUST_RING_INSET,
  TRUST_RING_WIDTH,
} from './marks-style.js';
import { num } from './number.js';
import { drawRatingsGlyph, ratingsSentence } from './ratings-glyph.js';
import { appendUserText } from './user-text.js';

/** Classes the node's group gets from its marks: ` gsn-category-control`, ` gsn-untrusted` ('' when none). */
export function markClasses(node: LayoutNode): string {
  let classes = '';
  const seen = new Set<string>();
  for (const badge of node.badges ?? []) {
    if (badge.type !== 'category') continue;
    const name = `gsn-category-${badge.category}`;
    if (seen.has(name)) continue;
    seen.add(name);
    classes += ` ${name}`;
  }
  if (node.trust === 'trusted' || node.trust === 'untrusted') classes += ` gsn-${node.trust}`;
  return classes;
}

/** The ring and pills of `node` (nothing when it has no marks). */
export function drawMarks(doc: SvgDocument, node: LayoutNode): DomElement[] {
  const drawn: DomElement[] = [];
  if (node.trust === 'trusted' || node.trust === 'untrusted') drawn.push(trustRing(doc, node, node.trust));
  for (const badge of node.badges ?? []) drawn.push(drawBadge(doc, badge));
  return drawn;
}

function drawBadge(doc: SvgDocument, badge: LayoutBadge): DomElement {
  return badge.type === 'category' ? categoryBadge(doc, badge) : trustBadge(doc, badge);
}

function categoryBadge(doc: SvgDocument, badge: CategoryBadge): DomElement {
  const colours = CATEGORY_COLOURS[badge.category];
  const group = element(doc, 'g', { class: `gsn-badge gsn-category-${badge.category}` });
  const title = doc.element('title');
  const what = badge.block ? `; building block: ${badge.block}` : '';
  appendUserText(doc, title, `Argument category: ${badge.category}${what}`);
  group.appendChild(title);
  group.appendChild(pill(doc, badge, colours.fill, colours.stroke, null));
  group.appendChild(pillText(doc, badge));
  if (badge.glyph && badge.ratings) {
    const ratings = badge.ratings;
    const name = badge.block ? `${badge.category} \u00b7 ${badge.block}` : badge.category;
    group.appendChild(
      drawRatingsGlyph(doc, badge.glyph, ratings, (t) =>
        appendUserText(doc, t, `Ratings of ${name} (Clymer et al. 2024, Figure 3): ${ratingsSentence(ratings)}`),
      ),
    );
  }
  return group;
}

function trustBadge(doc: SvgDocument, badge: TrustBadge): DomElement {
  const colours = TRUST_COLOURS[badge.trust];
  const group = element(doc, 'g', { class: `gsn-badge gsn-trust-badge gsn-trust-${badge.trust}` });
  const title = doc.element('title');
  title.appendChild(doc.text(badge.trust === 'trusted' ? 'Trusted component' : 'Untrusted component'));
  group.appendChild(title);
  group.appendChild(pill(doc, badge, colours.fill, colours.stroke, colours.dash));
  group.appendChild(pillText(doc, badge));
  return group;
}

function pill(doc: SvgDocument, badge: LayoutBadge, fill: string, stroke: string, dash: string | null): DomElement {
  const attributes: Record<string, string> = {
    class: 'gsn-badge-pill',
    x: num(badge.x),
    y: num(badge.y),
    width: num(badge.width),
    height: num(badge.height),
    rx: num(badge.height / 2),
    ry: num(badge.height / 2),
    fill,
    stroke,
    'stroke-width': num(BADGE_STROKE_WIDTH),
  };
  if (dash) attributes['stroke-dasharray'] = dash;
  return element(doc, 'rect', attributes);
}

function pillText(doc: SvgDocument, badge: LayoutBadge): DomElement {
  const text = element(doc, 'text', {
    class: 'gsn-badge-text',
    x: num(badge.textX),
    y: num(badge.textY),
    'font-size': num(BADGE_FONT_SIZE),
    fill: '#000',
  });
  appendUserText(doc, text, badge.text);
  return text;
}

/** A ring TRUST_RING_INSET inside the component's rounded rectangle. */
function trustRing(doc: SvgDocument, node: LayoutNode, trust: 'trusted' | 'untrusted'): DomElement {
  const colours = TRUST_COLOURS[trust];
  const width = Math.max(0, node.width - 2 * TRUST_RING_INSET);
  const height = Math.max(0, node.height - 2 * TRUST_RING_INSET);
  const radius = num(Math.max(0, Math.min(CONTEXT_RADIUS - TRUST_RING_INSET, width / 2, height / 2)));
  const attributes: Record<string, string> = {
    class: `gsn-trust-ring gsn-trust-ring-${trust}`,
    x: num(node.x + TRUST_RING_INSET),
    y: num(node.y + TRUST_RING_INSET),
    width: num(width),
    height: num(height),
    rx: radius,
    ry: radius,
    fill: 'none',
    stroke: colours.stroke,
    'stroke-width': num(TRUST_RING_WIDTH),
  };
  if (colours.dash) attributes['stroke-dasharray'] = colours.dash;
  return element(doc, 'rect', attributes);
}
