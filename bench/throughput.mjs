// Worker task: parse throughput. Lexes and parses (dist's parse, to AST) a generated .gsn file of
// about `targetBytes` bytes: one warm-up parse, then the median of `repeat` timed parses.
// workerData: { targetBytes, repeat }. MB here is 10^6 bytes of UTF-8 input.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { parse, DEFAULT_LIMITS } from '../dist/index.js';
import { generateCase } from './generate.mjs';
import { median } from './spawn.mjs';

const { targetBytes = 5_000_000, repeat = 3 } = workerData;
// The generated text grows linearly with the element count: aim from a probe, then correct once.
const probe = 10_000;
let count = Math.round((targetBytes / Buffer.byteLength(generateCase(probe))) * probe);
let text = generateCase(count);
count = Math.round((targetBytes / Buffer.byteLength(text)) * count);
text = generateCase(count);
const bytes = Buffer.byteLength(text);
// The element limit is for compiling; here only the parser's speed is measured.
const limits = { ...DEFAULT_LIMITS, maxElements: Math.max(DEFAULT_LIMITS.maxElements, count * 2) };

function countElements(items) {
  let n = 0;
  for (const item of items ?? []) {
    if (item?.type === 'element') n += 1 + countElements(item.children);
  }
  return n;
}

const warm = parse(text, { limits });
const times = [];
for (let i = 0; i < repeat; i++) {
  const t0 = performance.now();
  parse(text, { limits });
  times.push(performance.now() - t0);
}
const ms = median(times);
parentPort.postMessage({
  bytes,
  generated: count,
  elements: countElements(warm.value?.items),
  diagnostics: [...new Set(warm.diagnostics.map((d) => d.code))],
  ms,
  times,
  mbPerS: bytes / 1e6 / (ms / 1000),
});
