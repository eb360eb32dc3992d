/**
 * Colours and strokes of the AI safety-case framework's marks (category pills, trust tags and
 * rings, ratings glyphs, legend). Written as presentation attributes, so renderers that ignore
 * CSS draw them too; users restyle them through the classes (CSS wins over attributes).
 *
 * Category fills are colour-blind-safe hues (after Okabe and Ito) at four clearly different
 * lightnesses (greys about 223, 187, 156 and 135 of 255), so they stay apart in greyscale print;
 * the pill text is black on every fill (contrast 5.9:1 or more) and names the category anyway.
 */
import type { Category } from '../framework/blocks.js';
import type { TrustMark } from '../framework/marks.js';

export interface MarkColours {
  fill: string;
  stroke: string;
}

export const CATEGORY_COLOURS: Readonly<Record<Category, MarkColours>> = {
  inability: { fill: '#f0e442', stroke: '#8c6d00' },
  control: { fill: '#8ec3eb', stroke: '#1f5f99' },
  trustworthiness: { fill: '#2f9a66', stroke: '#17694a' },
  deference: { fill: '#c88ab4', stroke: '#7a3b69' },
};

/** Trusted: solid green ring and tag; untrusted: dashed red ring and tag. */
export const TRUST_COLOURS: Readonly<Record<TrustMark, MarkColours & { dash: string | null }>> = {
  trusted: { fill: '#d9f0d3', stroke: '#1b7837', dash: null },
  untrusted: { fill: '#fddbc7', stroke: '#b2182b', dash: '4 2.5' },
};

export const BADGE_STROKE_WIDTH = 0.8;
/** The ring drawn inside a trusted / untrusted component's outline. */
export const TRUST_RING_INSET = 3;
export const TRUST_RING_WIDTH = 1.4;

/** Ratings glyph: the light track (so the bars read on any node fill) and the dark bars. */
export const GLYPH_TRACK_COLOUR = '#e4e4e4';
export const GLYPH_BAR_COLOUR = '#303030';
/** A "varies" bar: full length, unfilled, dashed outline. */
export const GLYPH_VARIES_DASH = '1.5 1';
export const GLYPH_VARIES_STROKE_WIDTH = 0.8;

export const LEGEND_STROKE = '#999';
export const LEGEND_RADIUS = 4;

/**
 * Added after the theme's stylesheet, only to diagrams with marks. Pill text stays black on the
 * light pills whatever colour a theme gives `text`.
 */
export const MARKS_STYLESHEET = ['.gsn-diagram .gsn-badge-text{fill:#000}'].join('\n');

/** Geometry shared with the layout (the renderer's one link to it for marks, like style.ts). */
export { BADGE_FONT_SIZE, RATING_LABELS, ratingBars } from '../layout/badges.js';
export { LEGEND_FONT_SIZE, RATINGS_SAMPLE } from '../layout/legend.js';
export { CONTEXT_RADIUS } from '../layout/style.js';
