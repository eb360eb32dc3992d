// Worker: times each pipeline stage on one generated case and posts the numbers back.
// Runs in a worker so ELK gets the same large stack the CLI gives it.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { parse, check, layout, render, DEFAULT_LIMITS } from '../dist/index.js';
import { generateCase } from './generate.mjs';

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
    elements: model.value.elements.length,
    bytes: text.length,
    parse: t1 - t0,
    check: t2 - t1,
    layout: t3 - t2,
    render: t4 - t3,
    svgBytes: svg.length,
    errors: [...ast.diagnostics, ...model.diagnostics, ...laid.diagnostics].length,
  };
}

await timeStages(generateCase(200)); // warm the JIT so the first size is not penalised
const result = await timeStages(generateCase(workerData.count));
result.peakRssMb = process.memoryUsage().rss / 1024 / 1024;
parentPort.postMessage(result);
