/**
 * Runs compile() off the main thread. ELK recurses deeply on large cases and blocks the thread
 * it runs on: in a worker it gets a larger stack and can be stopped at the layout time limit.
 */
import { parentPort } from 'node:worker_threads';
import { compile, type CompileOptions } from '../index.js';

export interface WorkerRequest {
  id: number;
  text: string;
  options: CompileOptions;
}

parentPort?.on('message', async (request: WorkerRequest) => {
  const result = await compile(request.text, request.options);
  parentPort?.postMessage({ id: request.id, result });
});
