/** Kind -> shape drawer. An unknown kind (only possible with a hand-made layout) draws as a goal. */
import type { ElementKind } from '../../syntax/ast.js';
import { drawAssumption } from './assumption.js';
import { drawContext } from './context.js';
import { drawGoal } from './goal.js';
import { drawJustification } from './justification.js';
import type { DrawShape } from './shape.js';
import { drawSolution } from './solution.js';
import { drawStrategy } from './strategy.js';

const SHAPES: ReadonlyMap<ElementKind, DrawShape> = new Map<ElementKind, DrawShape>([
  ['goal', drawGoal],
  ['strategy', drawStrategy],
  ['solution', drawSolution],
  ['context', drawContext],
  ['assumption', drawAssumption],
  ['justification', drawJustification],
]);

export function shapeFor(kind: ElementKind): DrawShape {
  return SHAPES.get(kind) ?? drawGoal;
}

/** `gsn-goal`, `gsn-strategy`, ...: the class naming the kind. */
export function kindClass(kind: ElementKind): string {
  return SHAPES.has(kind) ? `gsn-${kind}` : 'gsn-goal';
}
