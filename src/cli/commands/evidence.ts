import { basename, extname } from 'node:path';
import { escapeForTerminal } from '../../diagnostics/format.js';
import { evidenceMarkdown } from '../../export/evidence.js';
import { UsageError, type CliArgs } from '../args.js';
import { writeAtomically } from '../io.js';
import { compileFile, exitCodeFor, requireFiles, type Compiler } from '../shared.js';

/**
 * `gsnc evidence FILE [-o FILE]`: the evidence list (every solution, its link and the claims it
 * supports) as Markdown; standard output unless -o names a file. Nothing is written on errors.
 */
export async function evidence(args: CliArgs, compiler: Compiler): Promise<number> {
  requireFiles(args);
  if (args.files.length !== 1) throw new UsageError('evidence takes one input file');
  if (args.format !== null && args.format !== 'md' && args.format !== 'markdown') {
    throw new UsageError(`evidence --format takes md, not '${args.format}'`);
  }
  const file = args.files[0]!;
  const compiled = await compileFile(file, args, compiler);
  if (!compiled.result.svg) return exitCodeFor(compiled.result);
  const content = evidenceMarkdown(compiled.result, file === '-' ? 'stdin' : basename(file, extname(file)));
  if (args.output === null || args.output === '-') process.stdout.write(content);
  else {
    writeAtomically(args.output, content);
    if (!args.quiet) process.stderr.write(`gsnc: wrote ${escapeForTerminal(args.output)}\n`);
  }
  return exitCodeFor(compiled.result);
}
