// Whole-process runs of gsnc's CLI and the two baselines, repeated `runs` times, interleaved
// (median). A baseline that dies of a stack overflow in a default process is recorded as such
// once, then measured with a larger V8 stack (`node --stack-size=...`, within the 8 MB thread
// stack).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { failure, median, runNode } from './spawn.mjs';

const STACK_SIZES = [4000, 7800];

function log(label, run) {
  const cpu = run.cpuMs == null ? '' : `, ${Math.round(run.cpuMs)} ms CPU`;
  process.stderr.write(`    ${label}: ${run.ok ? `${Math.round(run.ms)} ms${cpu}` : failure(run)}\n`);
}

function summarise(got) {
  const ok = got.filter((r) => r.ok);
  if (ok.length === 0) return { ok: false, failure: failure(got[got.length - 1]), detail: got[got.length - 1].stderr.split('\n').find((l) => /Error/.test(l)) ?? '' };
  const cpu = ok.map((r) => r.cpuMs).filter((c) => c != null);
  return {
    ok: true,
    ms: median(ok.map((r) => r.ms)),
    cpuMs: cpu.length === ok.length ? median(cpu) : null,
    peakRss: Math.max(...ok.map((r) => r.peakRss ?? 0)) || null,
    runs: ok.length,
  };
}

/**
 * Whole-process runners, called in turn (gsnc, naive ELK, Graphviz, gsnc, ...) so that a change
 * in the machine's load during the run affects all three alike. `once()` runs one process;
 * `result()` gives the medians.
 */

/** `node bin/gsnc.js build case.gsn -o out.svg`. */
export function gsncRunner(caseFile, tmp) {
  const out = join(tmp, 'out.svg');
  const got = [];
  return {
    async once() {
      if (got.length > 0 && !got[got.length - 1].ok) return;
      const run = await runNode('bin/gsnc.js', ['build', caseFile, '-o', out], { tmp });
      log(`gsnc ${got.length + 1}`, run);
      got.push(run);
    },
    result() {
      const result = summarise(got);
      try {
        result.svgBytes = statSync(out).size;
      } catch {
        result.svgBytes = null;
      }
      return result;
    },
  };
}

/**
 * bench/naive-elk.mjs or bench/graphviz.mjs on graph.json. A stack overflow in a default process
 * is recorded once; that run and the later ones then use a larger stack.
 */
export function baselineRunner(name, script, graphFile, tmp) {
  const out = join(tmp, `${name}.out`);
  const plain = [];
  let big = null; // { flag, got }
  let stack = -1; // index into STACK_SIZES once the default stack overflowed
  let done = false;
  return {
    async once() {
      if (done) return;
      if (stack < 0) {
        const run = await runNode(script, [graphFile, out], { tmp });
        log(`${name} ${plain.length + 1}`, run);
        plain.push(run);
        if (run.ok) return;
        if (!run.stackOverflow) {
          done = true;
          return;
        }
        stack = 0;
      }
      while (stack < STACK_SIZES.length) {
        const flag = `--stack-size=${STACK_SIZES[stack]}`;
        if (big?.flag !== flag) big = { flag, got: [] };
        const run = await runNode(script, [graphFile, out], { tmp, nodeFlags: [flag] });
        log(`${name} ${flag} ${big.got.length + 1}`, run);
        big.got.push(run);
        if (run.ok) return;
        if (!run.stackOverflow) break;
        stack++;
      }
      done = true;
    },
    result() {
      const result = { default: summarise(plain) };
      if (big) result.bigStack = { flag: big.flag, ...summarise(big.got) };
      return result;
    },
  };
}

/** The run a ratio uses: the default run, else the larger-stack run. */
function baselineRun(result) {
  if (result.default.ok) return result.default;
  return result.bigStack?.ok ? result.bigStack : null;
}

/** Wall-clock ms a ratio uses. */
export function baselineMs(result) {
  return baselineRun(result)?.ms ?? null;
}

/** CPU ms a ratio uses. */
export function baselineCpuMs(result) {
  return baselineRun(result)?.cpuMs ?? null;
}
