/** What every shape drawer receives and returns. */
import type { LayoutNode } from '../../layout/types.js';
import type { DomElement, SvgDocument } from '../dom.js';

export interface ShapeContext {
  doc: SvgDocument;
  /** Diagram font size in px (for the A/J letters). */
  fontSize: number;
}

/** Draws the outline of `node` (its box is x, y, width, height); may add marks such as A/J. */
export type DrawShape = (context: ShapeContext, node: LayoutNode) => DomElement[];

export const SHAPE_CLASS = 'gsn-shape';
