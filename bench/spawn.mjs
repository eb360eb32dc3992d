// Runs a whole child process and times it wall-clock, from spawn to exit, with its peak RSS and
// CPU time (through rss-probe.mjs) and whether it died of a stack overflow.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const PROBE = new URL('./rss-probe.mjs', import.meta.url).href;
export const REPO = fileURLToPath(new URL('..', import.meta.url));
const TIMEOUT_MS = 300_000;
let probeCounter = 0;

/**
 * node [nodeFlags] --import rss-probe script ...args. Resolves to
 * { ms, code, signal, timedOut, stackOverflow, peakRss, cpuMs, stdout, stderr }.
 */
export function runNode(script, args, { nodeFlags = [], tmp, timeoutMs = TIMEOUT_MS } = {}) {
  const rssFile = join(tmp, `rss-${process.pid}-${++probeCounter}`);
  return new Promise((resolve) => {
    const out = [];
    const err = [];
    const start = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, '--import', PROBE, script, ...args], {
      cwd: REPO,
      env: { ...process.env, GSNC_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('close', (code, signal) => {
      const ms = performance.now() - start;
      clearTimeout(timer);
      let peakRss = null;
      let cpuMs = null;
      try {
        const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
        peakRss = rss;
        cpuMs = cpu / 1000;
        rmSync(rssFile, { force: true });
      } catch {
        // the process died before its exit handler ran
      }
      const stderr = Buffer.concat(err).toString();
      resolve({
        ms,
        code,
        signal,
        timedOut,
        ok: code === 0 && !timedOut,
        stackOverflow: /Maximum call stack size exceeded|RangeError: .*call stack/i.test(stderr),
        peakRss,
        cpuMs,
        stdout: Buffer.concat(out).toString(),
        stderr,
      });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A short reason for a failed run, for a table cell. */
export function failure(run) {
  if (run.timedOut) return `timeout (>${Math.round(TIMEOUT_MS / 1000)} s)`;
  if (run.stackOverflow) return 'stack overflow';
  if (run.signal) return `killed (${run.signal})`;
  return `exit ${run.code}`;
}
