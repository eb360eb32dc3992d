/**
 * An ELK helper thread for the CLI's compiler (see elk-pool.ts): lays out the ELK graphs it is
 * sent and returns only the numbers the layout stage reads. Warms ELK up as soon as it starts,
 * while the compiler is still parsing and checking, since a cold ELK is several times slower.
 */
import { parentPort } from 'node:worker_threads';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { ELK_OPTIONS } from '../layout/elk-graph.js';
import { runElk } from '../layout/run-elk.js';
import { slimResult, type ElkRequest } from './elk-pool.js';

parentPort?.on('message', async (request: ElkRequest) => {
  try {
    parentPort?.postMessage({ id: request.id, result: slimResult(await runElk(request.graph)) });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});

/** A tree of `count` nodes shaped like the compiler's graphs (fixed top and bottom ports). */
function warmUpGraph(count: number): ElkNode {
  const children: ElkNode[] = [];
  const edges: { id: string; sources: string[]; targets: string[] }[] = [];
  for (let i = 0; i < count; i++) {
    const width = 120 + ((i * 37) % 100);
    const height = 40 + ((i * 13) % 50);
    children.push({
      id: `n${i}`,
      width,
      height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS', 'elk.alignment': 'TOP' },
      ports: [
        { id: `n${i}t`, x: width / 2, y: 0, width: 0, height: 0 },
        { id: `n${i}b`, x: width / 2, y: height, width: 0, height: 0 },
      ],
    });
    if (i > 0) edges.push({ id: `e${i - 1}`, sources: [`n${Math.floor((i - 1) / 3)}b`], targets: [`n${i}t`] });
  }
  return { id: 'root', layoutOptions: { ...ELK_OPTIONS }, children, edges };
}

for (let round = 0; round < 3; round++) await runElk(warmUpGraph(120));
parentPort?.postMessage({ warm: true });
