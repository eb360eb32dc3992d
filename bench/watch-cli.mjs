// The watcher as users run it: `gsnc build --watch case.gsn -o case.svg` on a 200-element case,
// edited the way bench/watch.mjs edits it (the text of one goal half way down, a different edit
// each time). After the first build the watcher is left alone for `idleMs` (someone looking at
// the first diagram), then each edit is saved `pauseMs` after the previous rebuild was written.
// Reports, per edit, the rebuild time the watcher prints ("rebuilt case.gsn in N ms": from taking
// the changed file to the output written) and the time from the save to that line (adds the
// watcher's 80 ms debounce and the file-system event). Medians of edits 1-10 and 11-30.
//
// Usage (from run.mjs): runWatchCli({ tmp, count, idleMs, pauseMs, edits, settle }).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { editedCase } from './edit.mjs';
import { median, REPO } from './spawn.mjs';

const REBUILT = /rebuilt \S+ in (\d+) ms/g;

export async function runWatchCli({ tmp, count = 200, idleMs = 2000, pauseMs = 300, edits = 30, settle = 10, timeoutMs = 120_000 }) {
  const dir = join(tmp, 'watch-cli');
  const file = join(dir, 'case.gsn');
  const { original, edit } = editedCase(count);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, original);
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/gsnc.js', 'build', '--watch', file, '-o', join(dir, 'case.svg')], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let waiting = null;
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr += chunk;
    waiting?.();
  });
  const until = (test) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watcher: timed out; stderr so far:\n${stderr.slice(-500)}`)), timeoutMs);
      const check = () => {
        const found = test();
        if (found === null) return;
        clearTimeout(timer);
        waiting = null;
        resolve(found);
      };
      waiting = check;
      check();
    });
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    await until(() => (stderr.includes('watching 1 file') ? true : null));
    const firstBuildMs = performance.now() - started;
    await sleep(idleMs);
    const rebuildMs = [];
    const saveToWrittenMs = [];
    for (let n = 1; n <= edits; n++) {
      const seen = [...stderr.matchAll(REBUILT)].length;
      const saved = performance.now();
      writeFileSync(file, edit(n));
      const ms = await until(() => {
        const all = [...stderr.matchAll(REBUILT)];
        return all.length > seen ? Number(all[all.length - 1][1]) : null;
      });
      saveToWrittenMs.push(performance.now() - saved);
      rebuildMs.push(ms);
      await sleep(pauseMs);
    }
    return {
      count,
      idleMs,
      pauseMs,
      firstBuildMs,
      firstEditsMs: median(rebuildMs.slice(0, settle)),
      ms: median(rebuildMs.slice(settle)),
      max: Math.max(...rebuildMs),
      firstEditsSaveMs: median(saveToWrittenMs.slice(0, settle)),
      saveMs: median(saveToWrittenMs.slice(settle)),
      rebuildMs,
      errors: stderr.includes('has errors') ? ['the watcher reported errors'] : [],
    };
  } finally {
    child.kill('SIGTERM');
  }
}
