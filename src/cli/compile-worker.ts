/**
 * Runs compile() off the main thread. ELK recurses deeply on large cases and blocks the thread
 * it runs on: in a worker it gets a larger stack and can be stopped at the layout time limit.
 */
import { parentPort } from 'node:worker_threads';
import { compile, compileProject, type CompileOptions, type CompileResult, type ProjectOptions } from '../index.js';
import { ElkPool } from './elk-pool.js';
import { IdleWarmUp } from './idle-warm-up.js';

/** For scripts/code-cache.mjs: one compile of an example, run from the bundle, fills the cache. */
export { compile };

/** One file, or (modular extension) a project of modules compiled together. */
export type WorkerRequest = (
  | { id: number; text: string; options: CompileOptions; project?: undefined; fields?: readonly (keyof CompileResult)[] }
  | { id: number; project: { name: string; text: string }[]; options: ProjectOptions }
) & {
  /** ELK helper threads this compiler may start for a big input (cores the other compilers leave free). */
  elkHelpers?: number;
  /** Watch mode: warm ELK up on this compile's graphs while waiting for the next (idle-warm-up.ts). */
  warmWhenIdle?: boolean;
};

/**
 * Inputs from this size on (about 2,500 elements) are laid out in blocks on several cores: the
 * helpers start then, and warm ELK up while this thread parses and checks. Below it, a helper's
 * own ELK warm-up (about a second of CPU) costs more than it saves.
 */
const POOL_MIN_CHARS = 280_000;
let pool: ElkPool | null = null;
const warmUp = new IdleWarmUp();

parentPort?.on('message', async (request: WorkerRequest) => {
  const size = request.project !== undefined ? request.project.reduce((sum, f) => sum + f.text.length, 0) : request.text.length;
  if (!pool && (request.elkHelpers ?? 0) > 0 && size >= POOL_MIN_CHARS) pool = new ElkPool(new URL('./elk-worker.js', import.meta.url), request.elkHelpers!);
  warmUp.busy();
  // The warm-up repeats ELK calls in this thread: not when helpers take them.
  const warm = request.warmWhenIdle === true && !pool;
  const elk = warm ? warmUp.recording() : pool?.run;
  const options = { ...request.options, ...(elk ? { elk } : {}), ...(drawn(request) ? {} : { diagram: false }) };
  const result = request.project !== undefined ? await compileProject(request.project, options) : only(await compile(request.text, options), request.fields);
  parentPort?.postMessage({ id: request.id, result });
  if (warm) warmUp.idle();
});

/** Whether the command reads the diagram: `gsnc check` reads only the diagnostics, and is spared the layout. */
function drawn(request: WorkerRequest): boolean {
  const fields = request.project === undefined ? request.fields : undefined;
  return !fields || fields.includes('svg') || fields.includes('layout');
}

/** The result with only `fields` filled in (all of it without a list): less to copy to the main thread. */
function only(result: CompileResult, fields: readonly (keyof CompileResult)[] | undefined): CompileResult {
  if (!fields) return result;
  const trimmed: CompileResult = { svg: null, diagnostics: [], ast: null, model: null, layout: null, framework: null };
  for (const field of fields) (trimmed as unknown as Record<string, unknown>)[field] = result[field];
  return trimmed;
}
