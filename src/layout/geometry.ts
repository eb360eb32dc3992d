/** Points on GSN shape outlines, where edges attach. Shapes are given by their box and kind. */
import type { ElementKind } from '../syntax/ast.js';
import { STRATEGY_SKEW } from './style.js';
import type { Point } from './types.js';

export interface ShapeBox {
  kind: ElementKind;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Middle of the top edge of the bounding box: on the outline of every GSN shape. */
export function topCentre(s: ShapeBox): Point {
  return { x: s.x + s.width / 2, y: s.y };
}

/** Middle of the bottom edge of the bounding box: on the outline of every GSN shape. */
export function bottomCentre(s: ShapeBox): Point {
  return { x: s.x + s.width / 2, y: s.y + s.height };
}

/** The outline's rightmost point at mid-height (a strategy's slanted side is half a skew in). */
export function rightMiddle(s: ShapeBox): Point {
  const inset = s.kind === 'strategy' ? STRATEGY_SKEW / 2 : 0;
  return { x: s.x + s.width - inset, y: s.y + s.height / 2 };
}

/** The outline's leftmost point at mid-height. */
export function leftMiddle(s: ShapeBox): Point {
  const inset = s.kind === 'strategy' ? STRATEGY_SKEW / 2 : 0;
  return { x: s.x + inset, y: s.y + s.height / 2 };
}

/**
 * The horizontal extent [left, right] of the shape's interior at height `y` (absolute), or null
 * when `y` is outside the shape. Used by tests and by anyone checking that text fits.
 */
export function spanAt(s: ShapeBox, y: number): [number, number] | null {
  if (y < s.y || y > s.y + s.height) return null;
  const t = (y - s.y) / s.height;
  switch (s.kind) {
    case 'strategy':
      return [s.x + STRATEGY_SKEW * (1 - t), s.x + s.width - STRATEGY_SKEW * t];
    case 'solution':
    case 'assumption':
    case 'justification': {
      const a = s.width / 2;
      const b = s.height / 2;
      const dy = (y - (s.y + b)) / b;
      const half = a * Math.sqrt(Math.max(0, 1 - dy * dy));
      return [s.x + a - half, s.x + a + half];
    }
    default:
      return [s.x, s.x + s.width];
  }
}
