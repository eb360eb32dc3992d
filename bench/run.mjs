// `npm run bench`: gsnc's performance table (issue 8), measured in one run on this machine.
// Tables (Markdown) go to stdout, progress to stderr. Measures the built dist/ and bin/gsnc.js,
// so run `npm run build` first. Options: --sizes 100,1000  --quick  (see bench/README.md).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { USAGE, parseBenchArgs } from './args.mjs';
import { baselineCpuMs, baselineMs, baselineRunner, gsncRunner } from './baselines.mjs';
import { generateCase } from './generate.mjs';
import { extractGraph } from './graph.mjs';
import { describeMachine, loadLine } from './machine.mjs';
import { REPO, failure, runNode } from './spawn.mjs';
import { runWatchCli } from './watch-cli.mjs';
import { count, kb, markdownTable, mb, ms, ratio } from './tables.mjs';

let options;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
for (const built of ['dist/index.js', 'dist/cli.js']) {
  if (!existsSync(join(REPO, built))) {
    process.stderr.write(`bench: ${built} is missing; run \`npm run build\` first\n`);
    process.exit(2);
  }
}

const started = performance.now();
const progress = (message) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
const tmp = mkdtempSync(join(os.tmpdir(), 'gsnc-bench-'));
const cleanup = () => rmSync(tmp, { recursive: true, force: true });
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

/** Runs a worker task (stages, throughput, watch) in its own process. */
async function task(name, data) {
  const run = await runNode('bench/worker-host.mjs', [name, JSON.stringify(data)], { tmp });
  if (!run.ok) return { failed: failure(run), detail: run.stderr.trim().split('\n').slice(0, 3).join(' ') };
  return { ...JSON.parse(run.stdout), peakRss: run.peakRss };
}

function writeCase(name, text) {
  const caseFile = join(tmp, `${name}.gsn`);
  writeFileSync(caseFile, text);
  const graph = extractGraph(text);
  const graphFile = join(tmp, `${name}.graph.json`);
  writeFileSync(graphFile, JSON.stringify(graph));
  return { caseFile, graphFile, graph };
}

async function measureSize(size) {
  const runs = options.runsFor(size);
  progress(`${size} elements: generating the case and the baseline graph`);
  const { caseFile, graphFile, graph } = writeCase(`case-${size}`, generateCase(size));
  progress(`${size} elements: per-stage times (in-process, worker with 256 MB stack)`);
  const stages = await task('stages', { file: caseFile, repeat: runs });
  progress(`${size} elements: whole processes, ${runs} run${runs > 1 ? 's' : ''} each, interleaved`);
  const runners = [gsncRunner(caseFile, tmp), baselineRunner('naive-elk', 'bench/naive-elk.mjs', graphFile, tmp), baselineRunner('graphviz', 'bench/graphviz.mjs', graphFile, tmp)];
  for (let i = 0; i < runs; i++) for (const runner of runners) await runner.once();
  const [gsnc, elk, dot] = runners.map((runner) => runner.result());
  return { size, runs, graph, stages, gsnc, elk, dot };
}

function processCell(result) {
  return result.ok ? ms(result.ms) : result.failure;
}

function baselineCell(result) {
  const plain = result.default.ok ? ms(result.default.ms) : result.default.failure;
  if (!result.bigStack) return plain;
  const big = result.bigStack.ok ? ms(result.bigStack.ms) : result.bigStack.failure;
  return `${plain}; ${big} with ${result.bigStack.flag}`;
}

function baselineRss(result) {
  const run = result.default.ok ? result.default : result.bigStack;
  return run?.ok ? mb(run.peakRss) : '—';
}

// ---------------------------------------------------------------------------------------------

const machine = await describeMachine();
progress(`sizes ${options.sizes.join(', ')}${options.quick ? ' (quick)' : ''}; temp dir ${tmp}`);

// Warm the file cache (node, dist, elkjs, the wasm) so the first timed process is not a cold start.
progress('warming up');
{
  const warm = writeCase('warm', generateCase(20));
  await runNode('bin/gsnc.js', ['build', warm.caseFile, '-o', join(tmp, 'warm.svg')], { tmp });
  await runNode('bench/naive-elk.mjs', [warm.graphFile, join(tmp, 'warm.json')], { tmp });
  await runNode('bench/graphviz.mjs', [warm.graphFile, join(tmp, 'warm-dot.svg')], { tmp });
}

try {
  const results = [];
  for (const size of options.sizes) results.push(await measureSize(size));
  progress('parse throughput on a ~5 MB case');
  const throughput = await task('throughput', { targetBytes: 5_000_000, repeat: 7 });
  progress('watch-mode recompile of a 200-element case: the CLI watcher');
  const watchCli = await runWatchCli({ tmp, count: 200 }).catch((error) => ({ failed: 'failed', detail: String(error?.message ?? error).split('\n')[0] }));
  progress('watch-mode recompile of a 200-element case: compile() in a loop');
  const watch = await task('watch', { count: 200, repeat: 20, settle: 10 });
  progress(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  machine.push(loadLine('at end'));

  const out = [];
  out.push('## gsnc benchmark', '', ...machine, '');

  out.push('### Generated cases: stages, whole process, baselines', '');
  out.push(
    markdownTable(
      ['elements', 'parse ms', 'check ms', 'layout ms', 'render ms', 'stages peak RSS MB', 'gsnc process ms', 'gsnc peak RSS MB', 'naive ELK process ms', 'Graphviz dot process ms', 'gsnc / naive ELK', 'gsnc / Graphviz', 'gsnc / naive ELK, CPU time'],
      results.map((r) => {
        const s = r.stages;
        const stageCells = s.failed ? [s.failed, '', '', '', '—'] : [ms(s.parse), ms(s.check), ms(s.layout), ms(s.render), mb(s.peakRss)];
        const g = r.gsnc.ok ? r.gsnc.ms : null;
        const gCpu = r.gsnc.ok ? r.gsnc.cpuMs : null;
        return [count(r.size), ...stageCells, processCell(r.gsnc), r.gsnc.ok ? mb(r.gsnc.peakRss) : '—', baselineCell(r.elk), baselineCell(r.dot), ratio(g, baselineMs(r.elk)), ratio(g, baselineMs(r.dot)), ratio(gCpu, baselineCpuMs(r.elk))];
      }),
    ),
    '',
  );

  out.push('### Details', '');
  out.push(
    markdownTable(
      ['elements', 'edges', 'input KB', 'runs', 'elements gsnc saw', 'gsnc SVG KB', 'stage diagnostics', 'naive ELK peak RSS MB', 'Graphviz peak RSS MB', 'gsnc process CPU ms', 'naive ELK process CPU ms', 'Graphviz process CPU ms', 'baseline graph from'],
      results.map((r) => [
        count(r.size),
        count(r.graph.edges.length),
        kb(r.stages.bytes),
        String(r.runs),
        r.stages.failed ? '—' : count(r.stages.elements),
        kb(r.gsnc.svgBytes),
        r.stages.failed ? '—' : r.stages.diagnostics.join(' ') || 'none',
        baselineRss(r.elk),
        baselineRss(r.dot),
        r.gsnc.ok ? ms(r.gsnc.cpuMs) : '—',
        ms(baselineCpuMs(r.elk)),
        ms(baselineCpuMs(r.dot)),
        r.graph.source,
      ]),
      ['r', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
  );

  out.push('### Parse throughput', '');
  out.push(
    markdownTable(
      ['input MB', 'elements generated', 'elements in AST', 'parse ms (median of 7)', 'MB/s'],
      [throughput.failed ? [throughput.failed, '', '', '', ''] : [(throughput.bytes / 1e6).toFixed(2), count(throughput.generated), count(throughput.elements), ms(throughput.ms), throughput.elements > 0 ? throughput.mbPerS.toFixed(1) : '— (no AST)']],
    ),
    '',
  );

  out.push('### Watch-mode rebuild after a one-line edit', '');
  const blank = (failed) => [failed, '', '', '', '', ''];
  out.push(
    markdownTable(
      ['watcher', 'elements', 'first build ms', 'edits 1-10 ms (median)', 'edits 11-30 ms (median)', 'max ms', 'save to output written ms (median, edits 1-10 / 11-30)'],
      [
        [
          `\`gsnc build --watch\` (idle ${watchCli.idleMs ?? '?'} ms after the first build, ${watchCli.pauseMs ?? '?'} ms between edits)`,
          ...(watchCli.failed ? blank(watchCli.failed) : [count(watchCli.count), ms(watchCli.firstBuildMs), ms(watchCli.firstEditsMs), ms(watchCli.ms), ms(watchCli.max), `${ms(watchCli.firstEditsSaveMs)} / ${ms(watchCli.saveMs)}`]),
        ],
        ['`compile()` in a loop (library, no pause)', ...(watch.failed ? blank(watch.failed) : [count(watch.count), ms(watch.firstCompileMs), ms(watch.firstEditsMs), ms(watch.ms), ms(watch.max), '—'])],
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
  );

  const notes = [];
  if (results.some((r) => !r.stages.failed && r.stages.elements === 0)) notes.push('gsnc saw 0 elements: the stages in dist/ are stubs (or dist/ is stale; run `npm run build`). Its times are not meaningful yet.');
  for (const r of results) {
    if (r.stages.failed) notes.push(`${r.size}: the stage run failed (${r.stages.failed}): ${r.stages.detail}`);
    if (!r.gsnc.ok) notes.push(`${r.size}: gsnc failed (${r.gsnc.failure}): ${r.gsnc.detail}`);
    if (!r.stages.failed && r.stages.elements > 0 && r.stages.elements !== r.size) notes.push(`${r.size}: gsnc saw ${r.stages.elements} elements`);
  }
  if (watch.errors?.length) notes.push(`watch: the edited case gave errors ${watch.errors.join(' ')}`);
  if (watchCli.errors?.length) notes.push(`CLI watcher: ${watchCli.errors.join(' ')}`);
  if (watchCli.failed) notes.push(`CLI watcher: ${watchCli.detail}`);
  if (results.some((r) => r.elk.bigStack || r.dot.bigStack)) notes.push('"stack overflow" is what a default `node` process gives; the number after it is the same run with the larger V8 stack shown, and the ratio uses that number.');
  notes.push('Times are wall-clock milliseconds unless marked CPU (user + system time of the whole process, all threads); RSS is the peak resident set size of the process (MB = 2^20 bytes). Whole-process runs of the three tools are interleaved. See bench/README.md.');
  out.push(...notes.map((n) => `- ${n}`), '');
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  cleanup();
}
