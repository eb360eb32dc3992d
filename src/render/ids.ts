/**
 * Element ids in the SVG. Every id starts with the caller's idPrefix so several diagrams can share
 * one HTML page. The prefix is an option, not document text, but it also ends up inside
 * `url(#...)` references, so it is reduced to characters that are safe there.
 */
export function safeIdPrefix(prefix: string): string {
  return String(prefix).replace(/[^A-Za-z0-9_-]/g, '_');
}

export const ARROW_FILLED = 'gsn-arrow-filled';
export const ARROW_HOLLOW = 'gsn-arrow-hollow';
/** Dialectic extension: the open arrowhead of `challenges`. */
export const ARROW_OPEN = 'gsn-arrow-open';

/** The id of a node's group; the element ID is user text and is written by user-text.ts. */
export function nodeIdPrefix(prefix: string): string {
  return `${prefix}gsn-node-`;
}
