/**
 * Runs compile() off the main thread. ELK recurses deeply on large cases and blocks the thread
 * it runs on: in a worker it gets a larger stack and can be stopped at the layout time limit.
 */
import { parentPort } from 'node:worker_threads';
import { compile, compileProject, type CompileOptions, type ProjectOptions } from '../index.js';

/** One file, or (modular extension) a project of modules compiled together. */
export type WorkerRequest =
  | { id: number; text: string; options: CompileOptions; project?: undefined }
  | { id: number; project: { name: string; text: string }[]; options: ProjectOptions };

parentPort?.on('message', async (request: WorkerRequest) => {
  const result = request.project !== undefined ? await compileProject(request.project, request.options) : await compile(request.text, request.options);
  parentPort?.postMessage({ id: request.id, result });
});
