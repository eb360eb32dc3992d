import { escapeForTerminal } from '../../diagnostics/format.js';
import { reportFor, reportFormatFor } from '../../report/command-helpers.js';
import { UsageError, type CliArgs } from '../args.js';
import { writeAtomically } from '../io.js';
import { EXIT, compileFile, exitCodeFor, requireFiles, type Compiler } from '../shared.js';

/** `gsnc report`: the framework review report; written even with findings, they are its point. */
export async function report(args: CliArgs, compiler: Compiler): Promise<number> {
  requireFiles(args);
  if (args.files.length !== 1) throw new UsageError('report takes one input file');
  const chosen = reportFormatFor(args.format, args.output);
  if ('error' in chosen) throw new UsageError(chosen.error);
  const compiled = await compileFile(args.files[0]!, args, compiler);
  const content = reportFor(compiled.result, chosen.format);
  if (content === null) return Math.max(exitCodeFor(compiled.result), EXIT.inputErrors);
  if (args.output === null || args.output === '-') process.stdout.write(content);
  else {
    writeAtomically(args.output, content);
    if (!args.quiet) process.stderr.write(`gsnc: wrote ${escapeForTerminal(args.output)}\n`);
  }
  return exitCodeFor(compiled.result);
}

