/**
 * The embedded default look, built only from constants (never document text). Every rule is
 * scoped to `.gsn-diagram` so an SVG inlined in a page does not restyle the page; users restyle
 * the diagram with the same classes.
 */
import { CHALLENGE_DASH, COUNTER_FILL, FILL_COLOUR, LINK_COLOUR, STROKE_COLOUR, STROKE_WIDTH, TEXT_COLOUR } from './style.js';

const stroke = `stroke:${STROKE_COLOUR};stroke-width:${STROKE_WIDTH}px`;

export const STYLESHEET = [
  `.gsn-diagram .gsn-background{fill:${FILL_COLOUR}}`,
  `.gsn-diagram .gsn-shape,.gsn-diagram .gsn-decoration{fill:${FILL_COLOUR};${stroke}}`,
  `.gsn-diagram .gsn-edge{fill:none;${stroke}}`,
  `.gsn-diagram text{fill:${TEXT_COLOUR};stroke:none}`,
  `.gsn-diagram .gsn-link{fill:${LINK_COLOUR}}`,
].join('\n');

/**
 * Rules for the GSN extensions, added only to diagrams that use them (so a core diagram's output
 * is unchanged). Counter elements are shaded to read as the opposing side.
 */
export const EXTENSION_STYLESHEET = [
  `.gsn-diagram .gsn-counter .gsn-shape{fill:${COUNTER_FILL}}`,
  `.gsn-diagram .gsn-challenges{stroke-dasharray:${CHALLENGE_DASH}}`,
].join('\n');
