/**
 * Runs ELK in-process (the bundled build: no worker, no Node built-ins, so it also runs in a
 * browser). ELK recurses deeply on large graphs: run compile() in a thread with a large stack
 * (about 64 MB for 10,000 elements, see the layout stage's report) when cases are big.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';

type ElkInstance = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: ElkInstance | null = null;

/**
 * One ELK instance, reused: creating it sets up the algorithm library. Only ELK layered is
 * registered (the default registers nine algorithms), which shortens a cold start.
 */
export function runElk(graph: ElkNode): Promise<ElkNode> {
  elk ??= new (ELK as unknown as new (options: { algorithms: string[] }) => ElkInstance)({ algorithms: ['layered'] });
  return elk.layout(graph);
}
