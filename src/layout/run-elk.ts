/**
 * Runs ELK in-process (the bundled build: no worker, no Node built-ins, so it also runs in a
 * browser). ELK recurses deeply on large graphs: run compile() in a thread with a large stack
 * (about 64 MB for 10,000 elements, see the layout stage's report) when cases are big.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';

type Message = { cmd: string; id: number; [key: string]: unknown };
type Answer = { data: { id: number; data?: unknown; error?: unknown } };
/** elkjs's in-thread "worker": a dispatcher that answers through onmessage, synchronously. */
type FakeWorker = { dispatcher?: { saveDispatch(message: { data: Message }): void }; onmessage: (answer: Answer) => void };
type ElkInstance = { layout(graph: ElkNode): Promise<ElkNode>; worker?: { worker?: FakeWorker } };

/** Where ELK runs: a function from an ELK graph to ELK's answer (see CompileOptions.elk). */
export type ElkRunner = (graph: ElkNode) => Promise<ElkNode>;

let elk: ElkInstance | null = null;
let direct: ((graph: ElkNode) => ElkNode) | null = null;

/**
 * One ELK instance, reused: creating it sets up the algorithm library. Only ELK layered is
 * registered (the default registers nine algorithms), which shortens a cold start.
 */
export function runElk(graph: ElkNode): Promise<ElkNode> {
  if (!elk) {
    elk = new (ELK as unknown as new (options: { algorithms: string[] }) => ElkInstance)({ algorithms: ['layered'] });
    direct = directCall(elk);
  }
  if (!direct) return elk.layout(graph);
  try {
    return Promise.resolve(direct(graph));
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * elkjs's bundled build answers each call through two setTimeout(0) hops (a few ms of idle
 * time a call, which adds up when a big tree is laid out block by block, see blocks.ts). Its
 * in-thread worker can be called directly; this does that when the pinned elkjs has the
 * expected shape, and gives null (use elk.layout) otherwise.
 */
function directCall(instance: ElkInstance): ((graph: ElkNode) => ElkNode) | null {
  const worker = instance.worker?.worker;
  if (!worker?.dispatcher || typeof worker.dispatcher.saveDispatch !== 'function') return null;
  const call = (message: Message): unknown => {
    let answer: Answer['data'] | undefined;
    const saved = worker.onmessage;
    worker.onmessage = (reply) => {
      answer = reply.data;
    };
    try {
      worker.dispatcher!.saveDispatch({ data: message });
    } finally {
      worker.onmessage = saved;
    }
    if (!answer) throw new Error('ELK gave no answer');
    if (answer.error !== undefined) throw answer.error;
    return answer.data;
  };
  // The constructor's own registration is still queued; layout calls made before it runs need this one.
  call({ cmd: 'register', algorithms: ['layered'], id: -1 });
  return (graph) => call({ cmd: 'layout', graph, layoutOptions: {}, options: {}, id: -1 }) as ElkNode;
}
