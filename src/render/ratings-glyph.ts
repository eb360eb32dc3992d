/**
 * The three-bar ratings glyph (after Figure 3 of Clymer et al. 2024): practicality, maximum
 * strength and scalability of a building block, top to bottom. Each bar sits on a light track
 * three units long and is one unit for weak, two for moderate, three for strong; "varies" is the
 * whole track outlined with a dashed line and left unfilled. Geometry from the layout
 * (ratingBars); a <title> spells the ratings out.
 */
import type { BlockRatings } from '../framework/blocks.js';
import type { MarkBox } from '../layout/mark-types.js';
import { element } from './build.js';
import type { DomElement, SvgDocument } from './dom.js';
import {
  GLYPH_BAR_COLOUR,
  GLYPH_TRACK_COLOUR,
  GLYPH_VARIES_DASH,
  GLYPH_VARIES_STROKE_WIDTH,
  RATING_LABELS,
  ratingBars,
} from './marks-style.js';
import { num } from './number.js';

/** "practicality strong, maximum strength strong, scalability moderate". */
export function ratingsSentence(ratings: BlockRatings): string {
  return ratingBars({ x: 0, y: 0, width: 3, height: 3 }, ratings)
    .map((b) => `${RATING_LABELS[b.name]} ${b.rating}`)
    .join(', ');
}

/**
 * `<g class="gsn-ratings">` with its title and bars. `title` is written with `appendTitle`, so
 * the caller decides whether it carries document text.
 */
export function drawRatingsGlyph(
  doc: SvgDocument,
  box: MarkBox,
  ratings: BlockRatings,
  appendTitle: (title: DomElement) => void,
): DomElement {
  const group = element(doc, 'g', { class: 'gsn-ratings' });
  const title = doc.element('title');
  appendTitle(title);
  group.appendChild(title);
  for (const bar of ratingBars(box, ratings)) {
    group.appendChild(
      element(doc, 'rect', {
        class: 'gsn-ratings-track',
        x: num(bar.track.x),
        y: num(bar.track.y),
        width: num(bar.track.width),
        height: num(bar.track.height),
        fill: GLYPH_TRACK_COLOUR,
      }),
    );
    const kind = `gsn-ratings-bar gsn-rating-${bar.rating} gsn-rating-of-${bar.name === 'maxStrength' ? 'max-strength' : bar.name}`;
    const attributes: Record<string, string> = {
      class: kind,
      x: num(bar.bar.x),
      y: num(bar.bar.y),
      width: num(bar.bar.width),
      height: num(bar.bar.height),
    };
    if (bar.varies) {
      attributes.fill = 'none';
      attributes.stroke = GLYPH_BAR_COLOUR;
      attributes['stroke-width'] = num(GLYPH_VARIES_STROKE_WIDTH);
      attributes['stroke-dasharray'] = GLYPH_VARIES_DASH;
    } else {
      attributes.fill = GLYPH_BAR_COLOUR;
    }
    group.appendChild(element(doc, 'rect', attributes));
  }
  return group;
}
