/** Assumption: an oval marked "A" at its lower right. */
import { drawOval } from './oval.js';
import type { DrawShape } from './shape.js';

export const drawAssumption: DrawShape = (context, node) => drawOval(context, node, 'A');
