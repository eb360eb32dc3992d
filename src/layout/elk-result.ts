/** Reading ELK's answer: only the numbers the layout stage uses (ELK adds fields of its own). */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Point } from './types.js';

/** Top-left corner of each node, by ELK id. */
export function elkPositions(result: ElkNode): Map<string, Point> {
  const map = new Map<string, Point>();
  for (const child of result.children ?? []) map.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return map;
}

/** Each routed edge's polyline (start, bends, end), by ELK id. */
export function elkRoutes(result: ElkNode): Map<string, Point[]> {
  const map = new Map<string, Point[]>();
  for (const edge of result.edges ?? []) {
    const section = edge.sections?.[0];
    if (section) map.set(edge.id, [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
  }
  return map;
}
