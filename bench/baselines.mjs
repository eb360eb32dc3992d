// Whole-process runs of gsnc's CLI and the two baselines, repeated `runs` times (median).
// A baseline that dies of a stack overflow in a default process is recorded as such once, then
// measured again with a larger V8 stack (`node --stack-size=...`, within the 8 MB thread stack).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { failure, median, runNode } from './spawn.mjs';

const STACK_SIZES = [4000, 7800];

async function repeat(label, runs, once) {
  const got = [];
  for (let i = 0; i < runs; i++) {
    const run = await once();
    process.stderr.write(`    ${label} ${i + 1}/${runs}: ${run.ok ? `${Math.round(run.ms)} ms` : failure(run)}\n`);
    got.push(run);
    if (!run.ok) break;
  }
  return got;
}

function summarise(got) {
  const ok = got.filter((r) => r.ok);
  if (ok.length === 0) return { ok: false, failure: failure(got[got.length - 1]), detail: got[got.length - 1].stderr.split('\n').find((l) => /Error/.test(l)) ?? '' };
  return { ok: true, ms: median(ok.map((r) => r.ms)), peakRss: Math.max(...ok.map((r) => r.peakRss ?? 0)) || null, runs: ok.length };
}

/** `node bin/gsnc.js build case.gsn -o out.svg`. */
export async function timeGsnc(caseFile, tmp, runs) {
  const out = join(tmp, 'out.svg');
  const got = await repeat('gsnc', runs, () => runNode('bin/gsnc.js', ['build', caseFile, '-o', out], { tmp }));
  const result = summarise(got);
  try {
    result.svgBytes = statSync(out).size;
  } catch {
    result.svgBytes = null;
  }
  return result;
}

/** bench/naive-elk.mjs or bench/graphviz.mjs on graph.json; falls back to a larger stack. */
export async function timeBaseline(name, script, graphFile, tmp, runs) {
  const out = join(tmp, `${name}.out`);
  const plain = summarise(await repeat(name, runs, () => runNode(script, [graphFile, out], { tmp })));
  if (plain.ok || plain.failure !== 'stack overflow') return { default: plain };
  for (const size of STACK_SIZES) {
    const flag = `--stack-size=${size}`;
    const big = summarise(await repeat(`${name} ${flag}`, runs, () => runNode(script, [graphFile, out], { tmp, nodeFlags: [flag] })));
    if (big.ok || big.failure !== 'stack overflow') return { default: plain, bigStack: { flag, ...big } };
  }
  return { default: plain };
}

/** The number a ratio uses: the default run, else the larger-stack run. */
export function baselineMs(result) {
  if (result.default.ok) return result.default.ms;
  return result.bigStack?.ok ? result.bigStack.ms : null;
}
