/**
 * The AI safety-case framework's marks in the Layout contract (all optional: a diagram without
 * framework annotations has none of them, and renders exactly as before). Coordinates are
 * absolute SVG user units, like the rest of the Layout.
 */
import type { BlockRatings, Category } from '../framework/blocks.js';
import type { TrustMark } from '../framework/marks.js';

export type { TrustMark } from '../framework/marks.js';

export interface MarkBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface BadgeBase extends MarkBox {
  /** What the pill reads, e.g. "control · monitoring" or "untrusted". */
  text: string;
  /** Centre and baseline of the text (font size BADGE_FONT_SIZE, regular). */
  textX: number;
  textY: number;
}

/** A category pill in the row reserved at the top of a goal or strategy. */
export interface CategoryBadge extends BadgeBase {
  type: 'category';
  category: Category;
  block: string | null;
  ratings: BlockRatings | null;
  /** The three-bar ratings glyph right of the pill (only with the ratings option and a rated block). */
  glyph: MarkBox | null;
}

/** The "trusted" / "untrusted" tag at the top of a component (a context). */
export interface TrustBadge extends BadgeBase {
  type: 'trust';
  trust: TrustMark;
}

export type LayoutBadge = CategoryBadge | TrustBadge;

/** Text in the legend: start-anchored at x, baseline y, font size LEGEND_FONT_SIZE. */
export interface LegendText {
  text: string;
  x: number;
  y: number;
  bold: boolean;
}

export type LegendRow =
  | { type: 'heading'; label: LegendText }
  | { type: 'category'; category: Category; swatch: MarkBox; label: LegendText }
  | { type: 'trust'; trust: TrustMark; swatch: MarkBox; label: LegendText }
  | { type: 'ratings'; glyph: MarkBox; sample: BlockRatings; labels: LegendText[] };

/**
 * The legend box: a heading and one row per category used (in the paper's order), then the
 * trust statuses used, then (with ratings) the key to the glyph.
 */
export interface LayoutLegend extends MarkBox {
  rows: LegendRow[];
}
