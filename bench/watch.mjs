// Worker task: what a watcher does after a one-line edit. In a warm process (one compile of the
// case first), changes the text of one element and times compile() of the edited text; each
// repetition is a different edit of the same line, so no repetition recompiles an identical text.
// workerData: { count, repeat, settle }. Reports the median of the first `settle` edits (a watcher
// just started: V8 is still optimising) and of the `repeat` edits after them (a watcher in use).
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { compile } from '../dist/index.js';
import { generateCase } from './generate.mjs';
import { median } from './spawn.mjs';

const { count = 200, repeat = 20, settle = 10 } = workerData;
const original = generateCase(count);
const lines = original.split('\n');
// The edited element: a goal about half way down the file (its line holds its text string).
const candidates = lines.map((line, i) => ({ line, i })).filter(({ line }) => /^\s*(undeveloped )?goal G\d+ "/.test(line));
const target = candidates[candidates.length >> 1] ?? { i: lines.length >> 1 };
const edit = (n) => {
  const copy = [...lines];
  copy[target.i] = copy[target.i].replace(/"([^"]*)"/, (_, t) => `"${t} (revision ${n})"`);
  return copy.join('\n');
};

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
  editedLine: target.i + 1,
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
