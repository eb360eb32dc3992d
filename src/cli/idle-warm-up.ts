/**
 * Watch mode: while the watcher waits for an edit, its compile worker lays out the last compile's
 * ELK graphs again, so that the first edits find ELK's code optimised by V8. A cold ELK is several
 * times slower than a warm one, and a watcher that has just started is cold: a 200-element case
 * rebuilt in ~210 ms for the first ten edits and ~120 ms once warm.
 *
 * The runs happen only when the worker is idle, one ELK call at a time (a compile that arrives
 * meanwhile waits for at most that call), only for graphs of up to MAX_NODES (a bigger call would
 * hold up the next edit too long), and stop after BUDGET_MS of ELK time in all,
 * by which time ELK's hot code is optimised. Their results are thrown away: they change V8's state
 * only, never an output.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { runElk, type ElkRunner } from '../layout/run-elk.js';

/** ELK time spent warming up, in all, per worker. */
const BUDGET_MS = 2000;
/**
 * Graphs with more ELK nodes are not repeated: one call must not hold up an edit for long (a
 * cold call of 300 nodes takes ~0.5 s, a warm one ~0.15 s; a big case's blocks have ~250).
 */
const MAX_NODES = 300;

export class IdleWarmUp {
  private graphs: ElkNode[] = [];
  private next = 0;
  private spentMs = 0;
  private timer: NodeJS.Immediate | null = null;
  private working = false;

  /** A runner for one compile that remembers its ELK calls (the ones fast enough to repeat). */
  recording(run: ElkRunner = runElk): ElkRunner {
    const graphs: ElkNode[] = [];
    this.graphs = graphs;
    this.next = 0;
    return (graph) => {
      // A copy: ELK writes its answer into the graph it is given.
      if (this.spentMs < BUDGET_MS && (graph.children?.length ?? 0) <= MAX_NODES) graphs.push(structuredClone(graph));
      return run(graph);
    };
  }

  /** The worker is about to compile: no more warm-up runs until it is idle again. */
  busy(): void {
    this.working = true;
    if (this.timer) clearImmediate(this.timer);
    this.timer = null;
  }

  /** The worker is idle: warm up, one call per turn of the event loop, until busy or the budget is spent. */
  idle(): void {
    this.working = false;
    if (this.timer || this.graphs.length === 0 || this.spentMs >= BUDGET_MS) return;
    this.timer = setImmediate(() => {
      this.timer = null;
      const graph = this.graphs[this.next++ % this.graphs.length]!;
      const start = performance.now();
      void runElk(structuredClone(graph))
        .catch(() => undefined) // a failure here changes nothing: the real compile reports its own
        .finally(() => {
          this.spentMs += performance.now() - start;
          if (!this.working) this.idle();
        });
    });
  }

  /** ELK time spent warming up so far (for tests). */
  get spent(): number {
    return this.spentMs;
  }
}
