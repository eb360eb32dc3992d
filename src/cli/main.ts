/**
 * The gsnc command line: parses arguments, compiles in a worker thread, reports diagnostics,
 * writes outputs. Exit codes: 0 ok, 1 errors in the input, 2 usage, 70 internal error.
 */
import { createRequire } from 'node:module';
import { HELP, UsageError, parseCliArgs } from './args.js';
import { EXIT, build, check, report } from './commands.js';
import { WorkerCompiler } from './compiler.js';

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
  const compiler = new WorkerCompiler(new URL('./compile-worker.js', import.meta.url));
  try {
    const run = (text: string, options: Parameters<WorkerCompiler['compile']>[1]) => compiler.compile(text, options);
    if (args.command === 'check') return await check(args, run);
    if (args.command === 'report') return await report(args, run);
    return await build(args, run);
  } finally {
    await compiler.close();
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
