// Worker task: what a library user's own watcher (a docs dev server, say) does after a one-line
// edit, compile() called in a loop (the CLI watcher: watch-cli.mjs). In a warm process (one compile of the
// case first), changes the text of one element and times compile() of the edited text; each
// repetition is a different edit of the same line, so no repetition recompiles an identical text.
// workerData: { count, repeat, settle }. Reports the median of the first `settle` edits (a watcher
// just started: V8 is still optimising) and of the `repeat` edits after them (a watcher in use).
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { compile } from '../dist/index.js';
import { editedCase } from './edit.mjs';
import { median } from './spawn.mjs';

const { count = 200, repeat = 20, settle = 10 } = workerData;
const { original, edit, editedLine } = editedCase(count);

const c0 = performance.now();
const first = await compile(original, { file: 'case.gsn' });
const coldMs = performance.now() - c0;
const times = [];
let last = first;
for (let n = 1; n <= settle + repeat; n++) {
  const text = edit(n);
  const t0 = performance.now();
  last = await compile(text, { file: 'case.gsn' });
  times.push(performance.now() - t0);
}
parentPort.postMessage({
  count,
  editedLine,
  firstCompileMs: coldMs,
  firstEditsMs: median(times.slice(0, settle)),
  ms: median(times.slice(settle)),
  min: Math.min(...times.slice(settle)),
  max: Math.max(...times.slice(settle)),
  repeat,
  settle,
  svgBytes: last.svg?.length ?? 0,
  errors: last.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
});
