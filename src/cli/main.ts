/**
 * The gsnc command line: parses arguments, compiles in a worker thread, reports diagnostics,
 * writes outputs. Exit codes: 0 ok, 1 errors in the input, 2 usage, 70 internal error.
 */
import { createRequire } from 'node:module';
import { HELP, UsageError, parseCliArgs, type CliArgs } from './args.js';
import { build } from './commands/build.js';
import { check } from './commands/check.js';
import { evidence } from './commands/evidence.js';
import { markdown } from './commands/markdown.js';
import { report } from './commands/report.js';
import { WorkerCompiler } from './compiler.js';
import { EXIT, type Compiler } from './shared.js';
import { watchBuild } from './watch.js';

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
  const command = COMMANDS.get(args.command);
  if (!command) throw new UsageError(`unknown command ${args.command}`);
  const worker = new WorkerCompiler(new URL('./compile-worker.js', import.meta.url));
  try {
    const compiler: Compiler = (text, options) => worker.compile(text, options);
    return await (args.watch ? watchBuild(args, compiler, command) : command(args, compiler));
  } finally {
    await worker.close();
  }
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
      process.stderr.write(`gsnc: ${error.message}\nRun 'gsnc --help' for usage.\n`);
      process.exitCode = EXIT.usage;
    } else {
      // A stack trace helps a bug report but frightens a user: shown only on request.
      const detail = error instanceof Error ? (process.env.GSNC_DEBUG ? error.stack : error.message) : String(error);
      process.stderr.write(`gsnc: internal error (please report it with the input; GSNC_DEBUG=1 shows details): ${detail}\n`);
      process.exitCode = EXIT.internal;
    }
  },
);
