// Worker task: times each pipeline stage (dist's parse, check, layout, render) on one .gsn file.
// workerData: { file, repeat }. Each stage's time is the median over `repeat` runs, after one
// warm-up compile of a 200-element case so the first size measured is not paying for the JIT.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { parse, check, layout, render, DEFAULT_LIMITS } from '../dist/index.js';
import { generateCase } from './generate.mjs';
import { median } from './spawn.mjs';

async function timeStages(text) {
  const limits = DEFAULT_LIMITS;
  const t0 = performance.now();
  const ast = parse(text, { limits });
  const t1 = performance.now();
  const model = check(ast.value, { limits });
  const t2 = performance.now();
  const laid = await layout(model.value, { limits });
  const t3 = performance.now();
  const svg = render(laid.value, { idPrefix: '' });
  const t4 = performance.now();
  return {
    elements: model.value?.elements?.length ?? 0,
    edges: model.value?.edges?.length ?? 0,
    laidOut: laid.value?.nodes?.length ?? 0,
    svgBytes: svg?.length ?? 0,
    diagnostics: [...ast.diagnostics, ...model.diagnostics, ...laid.diagnostics].map((d) => d.code),
    parse: t1 - t0,
    check: t2 - t1,
    layout: t3 - t2,
    render: t4 - t3,
  };
}

await timeStages(generateCase(200));
const text = readFileSync(workerData.file, 'utf8');
const runs = [];
for (let i = 0; i < Math.max(1, workerData.repeat ?? 1); i++) runs.push(await timeStages(text));
const result = { ...runs[0], bytes: Buffer.byteLength(text), runs: runs.length };
for (const stage of ['parse', 'check', 'layout', 'render']) result[stage] = median(runs.map((r) => r[stage]));
result.diagnostics = [...new Set(result.diagnostics)];
parentPort.postMessage(result);
