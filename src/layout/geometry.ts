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

/**
 * The point of the outline's bottom `dx` right of the centre (dx within half the width): on the
 * bottom edge for box-like shapes, on the ellipse for solutions, assumptions and justifications.
 */
export function bottomAt(s: ShapeBox, dx: number): Point {
  const x = s.x + s.width / 2 + dx;
  if (s.kind !== 'solution' && s.kind !== 'assumption' && s.kind !== 'justification') return { x, y: s.y + s.height };
  const a = s.width / 2;
  const b = s.height / 2;
  const t = Math.min(1, Math.abs(dx) / a);
  return { x, y: s.y + b + b * Math.sqrt(1 - t * t) };
}

/** The point of the outline's top `dx` right of the centre: bottomAt mirrored. */
export function topAt(s: ShapeBox, dx: number): Point {
  const bottom = bottomAt(s, dx);
  return { x: bottom.x, y: s.y + s.y + s.height - bottom.y };
}

/** The point halfway along a polyline (by length); the first point of a degenerate one. */
export function pathMidpoint(points: readonly Point[]): { point: Point; vertical: boolean } {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += segmentLength(points[i - 1]!, points[i]!);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = segmentLength(a, b);
    if (length > 0 && left <= length) {
      const t = left / length;
      return { point: { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, vertical: Math.abs(b.x - a.x) < Math.abs(b.y - a.y) };
    }
    left -= length;
  }
  return { point: points[0] ?? { x: 0, y: 0 }, vertical: true };
}

function segmentLength(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}
