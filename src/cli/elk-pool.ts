/**
 * ELK on several cores, for the CLI's compiler. A big tree is laid out in blocks (see
 * src/layout/blocks.ts) whose ELK calls are independent; this pool runs them on helper threads
 * (elk-worker.ts) and on the compiler's own thread at once. Results do not depend on where a
 * call ran, so the output is the same bytes as compile() in one thread.
 */
import { Worker } from 'node:worker_threads';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { runElk, type ElkRunner } from '../layout/run-elk.js';

/** Same stack as the compiler's thread: ELK recurses deeply on big graphs. */
const HELPER_STACK_MB = 256;

export interface ElkRequest {
  id: number;
  graph: ElkNode;
}

interface Job {
  graph: ElkNode;
  resolve: (result: ElkNode) => void;
  reject: (error: unknown) => void;
}

interface Helper {
  worker: Worker;
  /** Ready once it has warmed ELK up; busy while it has a job. */
  ready: boolean;
  job: Job | null;
  warm: Promise<void>;
}

export class ElkPool {
  private readonly helpers: Helper[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private pumping = false;
  /** Calls run on this thread and on helpers (the tests check both are used). */
  readonly taken = { here: 0, helpers: 0 };

  constructor(workerUrl: URL, count: number) {
    for (let i = 0; i < count; i++) this.helpers.push(this.startHelper(workerUrl));
  }

  /** The layout stage's ELK runner. */
  readonly run: ElkRunner = (graph) =>
    new Promise<ElkNode>((resolve, reject) => {
      this.queue.push({ graph, resolve, reject });
      this.schedule();
    });

  /** Resolves once every helper has warmed up (or failed). */
  whenReady(): Promise<void> {
    return Promise.all(this.helpers.map((h) => h.warm)).then(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all(this.helpers.map((h) => h.worker.terminate()));
  }

  private startHelper(workerUrl: URL): Helper {
    let warmed = () => {};
    const warm = new Promise<void>((resolve) => (warmed = resolve));
    const helper: Helper = { worker: new Worker(workerUrl, { resourceLimits: { stackSizeMb: HELPER_STACK_MB } }), ready: false, job: null, warm };
    helper.worker.unref();
    helper.worker.on('message', (message: { warm?: true; id?: number; result?: ElkNode; error?: string }) => {
      if (message.warm) {
        helper.ready = true;
        warmed();
      }
      const job = helper.job;
      if (job && message.id !== undefined) {
        helper.job = null;
        if (message.error !== undefined) job.reject(new Error(message.error));
        else job.resolve(message.result!);
      }
      this.schedule();
    });
    helper.worker.on('error', (error) => {
      // A helper that fails is not used again; its job goes back to the queue.
      helper.ready = false;
      warmed();
      if (helper.job) this.queue.unshift(helper.job);
      helper.job = null;
      void error;
      this.schedule();
    });
    return helper;
  }

  /**
   * Hands queued jobs to idle helpers, then runs one here. Runs again on the next turn of the
   * event loop, so a helper's answer is taken in between two local jobs.
   */
  private schedule(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      for (const helper of this.helpers) {
        if (!helper.ready || helper.job || this.queue.length === 0) continue;
        const job = this.queue.shift()!;
        helper.job = job;
        this.taken.helpers++;
        helper.worker.postMessage({ id: this.nextId++, graph: job.graph } satisfies ElkRequest);
      }
      const local = this.queue.shift();
      if (!local) return;
      this.taken.here++;
      runElk(local.graph).then(local.resolve, local.reject);
      this.schedule();
    });
  }
}

/** Only what the layout stage reads of ELK's answer (children's x/y, edges' sections): less to copy between threads. */
export function slimResult(result: ElkNode): ElkNode {
  return {
    id: result.id,
    children: (result.children ?? []).map((c) => ({ id: c.id, x: c.x, y: c.y })),
    edges: (result.edges ?? []).map((e) => ({ id: e.id, sources: [], targets: [], ...(e.sections ? { sections: e.sections } : {}) })),
  };
}
