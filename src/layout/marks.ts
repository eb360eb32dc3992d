/**
 * The AI safety-case framework's marks in the layout stage (badges.ts, legend.ts): the two hooks
 * layout.ts calls. Without marks neither does anything, so the layout is exactly as before.
 */
import { placeMarks, type MarksPlan } from './badges.js';
import { legendContent, placeLegend } from './legend.js';
import type { Layout } from './types.js';

export { reserveMarks, type MarksPlan } from './badges.js';

/** Puts the planned pills on the laid-out nodes and adds the legend. */
export function finishMarks(layout: Layout, plan: MarksPlan | null): Layout {
  if (!plan) return layout;
  placeMarks(layout, plan);
  const content = legendContent(layout);
  if (content) placeLegend(layout, content);
  return layout;
}
