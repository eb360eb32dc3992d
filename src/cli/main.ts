/**
 * The gsnc command line: parses arguments, compiles in a worker thread, reports diagnostics,
 * writes outputs. Exit codes: 0 ok, 1 errors in the input, 2 usage, 70 internal error.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { V8_FLAGS } from './v8-flags.js';
import { escapeForTerminal } from '../diagnostics/format.js';
import { HELP, UsageError, parseCliArgs, type CliArgs } from './args.js';
import { build } from './commands/build.js';
import { check } from './commands/check.js';
import { evidence } from './commands/evidence.js';
import { report } from './commands/report.js';
import { cachedCompiler } from './cache.js';
import { WorkerCompiler } from './compiler.js';
import { EXIT, type Compiler } from './shared.js';
import { watchBuild } from './watch.js';

/**
 * `gsnc markdown` shares the Markdown integrations' code, which imports the library: it is loaded
 * only when used, so the main thread never loads the compiler (only the worker does).
 */
const markdown = async (args: CliArgs, compiler: Compiler): Promise<number> =>
  (await import('./commands/markdown.js')).markdown(args, compiler);

/**
 * Commands that start no worker: the formatter, the gsn2x import, pattern instantiation, and
 * the language server (it checks in this thread, without laying out). Loaded only when used,
 * like markdown.
 */
const LOCAL = new Map<string, (args: CliArgs) => Promise<number>>([
  ['fmt', async (args) => (await import('./commands/fmt.js')).fmt(args)],
  ['import', async (args) => (await import('./commands/import.js')).importCommand(args)],
  ['instantiate', async (args) => (await import('./commands/instantiate.js')).instantiate(args)],
  // Serves until the editor ends the session (the LSP library exits the process then).
  ['lsp', async () => {
    (await import('../lsp/server.js')).startServer();
    return new Promise<number>(() => {});
  }],
]);

/** Every command that compiles: one entry each. */
const COMMANDS = new Map<string, (args: CliArgs, compiler: Compiler) => Promise<number>>([
  ['build', build],
  ['check', check],
  ['report', report],
  ['evidence', evidence],
  ['markdown', markdown],
]);

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.command === 'help') {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (args.command === 'version') {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const local = LOCAL.get(args.command);
  if (local) return local(args);
  const command = COMMANDS.get(args.command);
  if (!command) throw new UsageError(`unknown command ${args.command}`);
  const workerUrl = new URL('./worker-loader.js', import.meta.url);
  setFlagsFromString(V8_FLAGS); // before the worker's isolate is made; the CLI owns the process
  const workers = workerCount(args);
  const worker = new WorkerCompiler(workerUrl, workers, elkHelperCount(workers), args.watch);
  // The worker loads the compiler while this thread reads the inputs (with a cache, only when
  // an input misses it).
  if (args.cache === null) worker.start();
  try {
    const compile: Compiler = (text, options, fields) => worker.compile(text, options, fields);
    const compiler = args.cache === null ? compile : cachedCompiler(compile, args.cache, compilerBuild(new URL('./compile-worker.js', import.meta.url)));
    compiler.project = (files, options) => worker.compileProject(files, options); // modular extension: not cached
    return await (args.watch ? watchBuild(args, compiler, command) : command(args, compiler));
  } finally {
    await worker.close();
  }
}

/**
 * ELK helper threads for big trees' blocks: the cores the compilers leave free, less one for V8's
 * own background work (GC, optimising compiler), at most 3. On 2 cores that is none: there a
 * helper made a 10,000-element build slower (8.6 s instead of 7.6 s; 14.3 s of CPU instead of 10.4).
 */
function elkHelperCount(workers: number): number {
  return Math.max(0, Math.min(3, availableParallelism() - workers - 1));
}

/**
 * `gsnc build a.gsn b.gsn ...` compiles on up to 4 workers, one per core (each compile of a
 * large case takes its own memory, about 0.9 GB at 10,000 elements); everything else on one.
 */
function workerCount(args: CliArgs): number {
  if (args.command !== 'build' || args.watch) return 1;
  return Math.max(1, Math.min(args.files.length, availableParallelism(), 4));
}

/** What identifies the compiler: the version and the worker entry, which names its code chunk by content hash. */
function compilerBuild(workerUrl: URL): string {
  let entry = '';
  try {
    entry = readFileSync(workerUrl, 'utf8');
  } catch {
    // Run from source: the version alone.
  }
  return `${version()}\0${entry}`;
}

function version(): string {
  const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
  return pkg.version;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      // Usage errors echo what the user typed (file names, option values): never raw to a terminal.
      process.stderr.write(`gsnc: ${escapeForTerminal(error.message)}\nRun 'gsnc --help' for usage.\n`);
      process.exitCode = EXIT.usage;
    } else {
      // A stack trace helps a bug report but frightens a user: shown only on request.
      const detail = error instanceof Error ? (process.env.GSNC_DEBUG ? error.stack : error.message) : String(error);
      process.stderr.write(`gsnc: internal error (please report it with the input; GSNC_DEBUG=1 shows details): ${escapeForTerminal(detail ?? '')}\n`);
      process.exitCode = EXIT.internal;
    }
  },
);
