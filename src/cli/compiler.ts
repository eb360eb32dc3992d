import { Worker } from 'node:worker_threads';
import type { CompileOptions, CompileResult, ProjectOptions, ProjectResult } from '../index.js';
import { DEFAULT_LIMITS } from '../limits.js';

/** Stack for ELK: crossing minimisation NONE recurses per node on deep cases. */
const WORKER_STACK_MB = 256;

/**
 * Compilers in worker threads, reused across files (parser and ELK stay warm). One worker by
 * default; `gsnc build a.gsn b.gsn ...` asks for a few, and files then compile in parallel, each
 * on the first idle worker (the caller keeps the output order). If a compile runs past the time
 * limit its worker is terminated and replaced, and the file gets GSN904. The time limit counts
 * from when a worker takes the file, not from when it was queued.
 */
export class WorkerCompiler {
  private readonly workers: (Worker | null)[];
  private readonly busy: boolean[];
  private readonly queue: (() => void)[] = [];
  private nextId = 1;

  constructor(
    private readonly workerUrl: URL,
    size = 1,
    /** ELK helper threads each compiler may start for a big input (see compile-worker.ts). */
    private readonly elkHelpers = 0,
    /** Watch mode: workers warm ELK up between compiles (see idle-warm-up.ts). */
    private readonly warmWhenIdle = false,
  ) {
    const count = Math.max(1, Math.floor(size));
    this.workers = new Array<Worker | null>(count).fill(null);
    this.busy = new Array<boolean>(count).fill(false);
  }

  compile(text: string, options: CompileOptions, fields?: readonly (keyof CompileResult)[]): Promise<CompileResult> {
    return this.schedule((slot) => this.run(slot, { text, options, fields }, options.limits?.layoutTimeoutMs, () => timedOut(options.file ?? '<input>', options.limits?.layoutTimeoutMs ?? DEFAULT_LIMITS.layoutTimeoutMs)));
  }

  /** Modular extension: compiles a project of modules (compileProject) on a worker, like compile(). */
  compileProject(files: { name: string; text: string }[], options: ProjectOptions): Promise<ProjectResult> {
    const onTimeout = (): ProjectResult => {
      const limitMs = options.limits?.layoutTimeoutMs ?? DEFAULT_LIMITS.layoutTimeoutMs;
      return { modules: [], architecture: { svg: null, model: null, layout: null }, diagnostics: timedOut(files[0]?.name ?? '<input>', limitMs).diagnostics };
    };
    return this.schedule((slot) => this.run(slot, { project: files, options }, options.limits?.layoutTimeoutMs, onTimeout));
  }

  private schedule<T>(task: (slot: number) => Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      const run = () => {
        const slot = this.busy.indexOf(false);
        this.busy[slot] = true;
        task(slot).then(resolve, reject).finally(() => {
          this.busy[slot] = false;
          this.queue.shift()?.();
        });
      };
      if (this.busy.includes(false)) run();
      else this.queue.push(run);
    });
  }

  private run<T>(slot: number, request: object, timeoutMs: number | undefined, onTimeout: () => T): Promise<T> {
    const worker = this.ensureWorker(slot);
    const id = this.nextId++;
    const limitMs = timeoutMs ?? DEFAULT_LIMITS.layoutTimeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        void this.stop(slot);
        resolve(onTimeout());
      }, limitMs);
      const onMessage = (message: { id: number; result: T }) => {
        if (message.id !== id) return;
        cleanup();
        resolve(message.result);
      };
      const onError = (error: Error) => {
        cleanup();
        if (this.workers[slot] === worker) this.workers[slot] = null;
        reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, elkHelpers: this.elkHelpers, warmWhenIdle: this.warmWhenIdle, ...request });
    });
  }

  /** Starts the first worker now (it loads the compiler) instead of at the first compile. */
  start(): void {
    this.ensureWorker(0);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((_worker, slot) => this.stop(slot)));
  }

  private async stop(slot: number): Promise<void> {
    const worker = this.workers[slot];
    this.workers[slot] = null;
    if (worker) await worker.terminate();
  }

  private ensureWorker(slot: number): Worker {
    let worker = this.workers[slot];
    if (!worker) {
      worker = new Worker(this.workerUrl, { resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
      worker.unref();
      this.workers[slot] = worker;
    }
    return worker;
  }
}

function timedOut(file: string, limitMs: number): CompileResult {
  return {
    svg: null,
    ast: null,
    model: null,
    layout: null,
    framework: null,
    diagnostics: [
      {
        code: 'GSN904',
        severity: 'error',
        message: `compiling took longer than the limit of ${limitMs} ms and was stopped (raise it with --timeout)`,
        file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ],
  };
}
