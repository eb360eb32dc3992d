/**
 * Drawing constants. Geometry the layout must agree with (strategy skew, context radius, the A/J
 * letter, decoration sizes) comes from src/layout/style.ts, re-exported here so that this file
 * is the renderer's only link to it; what only the renderer needs (strokes, colours, arrowheads)
 * is defined below. All lengths are SVG user units (px).
 */
export {
  CONTEXT_RADIUS,
  LETTER_DROP,
  LETTER_INSET_X,
  STRATEGY_SKEW,
  decorationBoxes,
  type Box,
} from '../layout/style.js';
export { pathMidpoint } from '../layout/geometry.js';

/** Dialectic extension: the dash of `challenges`, the cross over what is defeated, the counter shade. */
export const CHALLENGE_DASH = '6 4';
export const DEFEAT_COLOUR = '#b00000';
export const DEFEAT_STROKE_WIDTH = 1.6;
/** Half the size of the cross drawn on the middle of a defeated link. */
export const DEFEAT_LINK_CROSS = 6;
export const COUNTER_FILL = '#ececec';

/** Stroke width of shapes, decorations, edges and arrowheads. */
export const STROKE_WIDTH = 1.2;
export const STROKE_COLOUR = '#000';
export const FILL_COLOUR = '#fff';
export const TEXT_COLOUR = '#000';
/** Colour of `[label](url)` links inside text. */
export const LINK_COLOUR = '#0645ad';

/**
 * Font family of `code` runs. The layout measures code in DejaVu Sans Mono regular whatever
 * bold/italic say, so code runs are drawn regular too (wider bold glyphs would overflow).
 */
export const CODE_FONT_FAMILY = 'DejaVu Sans Mono, monospace';

/**
 * A/J letter: gap between the oval's 45-degree point and the letter's left side and cap top,
 * and the cap height of DejaVu Sans Bold as a fraction of the font size (to place the baseline).
 */
export const LETTER_GAP = 2;
export const LETTER_CAP_HEIGHT = 0.73;

/** Arrowheads: length along the edge and full width across it. */
export const ARROW_LENGTH = 10;
export const ARROW_WIDTH = 8;
/**
 * How far an edge's line stops short of its end point, hidden under the arrowhead: a 1.2 px
 * line running to the tip would show beside the arrowhead's narrowing point.
 */
export const ARROW_LINE_INSET = ARROW_LENGTH / 2;
