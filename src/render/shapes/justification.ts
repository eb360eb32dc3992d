/** Justification: an oval marked "J" at its lower right. */
import { drawOval } from './oval.js';
import type { DrawShape } from './shape.js';

export const drawJustification: DrawShape = (context, node) => drawOval(context, node, 'J');
