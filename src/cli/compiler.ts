import { Worker } from 'node:worker_threads';
import type { CompileOptions, CompileResult } from '../index.js';
import { DEFAULT_LIMITS } from '../limits.js';

/** Stack for ELK: crossing minimisation NONE recurses per node on deep cases. */
const WORKER_STACK_MB = 256;

/**
 * A compiler in a worker thread, reused across files (parser and ELK stay warm). If a compile
 * runs past the time limit the worker is terminated and replaced, and the file gets GSN904.
 */
export class WorkerCompiler {
  private worker: Worker | null = null;
  private nextId = 1;

  constructor(private readonly workerUrl: URL) {}

  async compile(text: string, options: CompileOptions): Promise<CompileResult> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const limitMs = options.limits?.layoutTimeoutMs ?? DEFAULT_LIMITS.layoutTimeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        void this.close();
        resolve(timedOut(options.file ?? '<input>', limitMs));
      }, limitMs);
      const onMessage = (message: { id: number; result: CompileResult }) => {
        if (message.id !== id) return;
        cleanup();
        resolve(message.result);
      };
      const onError = (error: Error) => {
        cleanup();
        this.worker = null;
        reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, text, options });
    });
  }

  /** Starts the worker now (it loads the compiler) instead of at the first compile. */
  start(): void {
    this.ensureWorker();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(this.workerUrl, { resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
      this.worker.unref();
    }
    return this.worker;
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
