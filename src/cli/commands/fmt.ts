import { escapeForTerminal } from '../../diagnostics/format.js';
import { formatGsn } from '../../format/format.js';
import { UsageError, type CliArgs } from '../args.js';
import { readSource, writeAtomically } from '../io.js';
import { printDiagnostics } from '../print.js';
import { EXIT } from '../shared.js';

/**
 * `gsnc fmt FILE... [-o FILE] [--check]`: rewrites each file in the canonical layout, in place
 * (atomically) or to -o. A file with syntax errors is left alone (its errors printed, exit 1).
 * --check writes nothing: it lists the files that would change and exits 1 if there are any.
 */
export async function fmt(args: CliArgs): Promise<number> {
  if (args.files.length === 0) throw new UsageError('no input files (use - for standard input)');
  if (args.files.filter((f) => f === '-').length > 1) throw new UsageError('standard input can be read only once');
  if (args.format !== null) throw new UsageError('fmt takes no --format');
  if (args.check && args.output !== null) throw new UsageError('fmt --check writes nothing; leave out -o');
  if (args.output !== null && args.files.length > 1) throw new UsageError('fmt -o writes one file; give one input file');
  let exit: number = EXIT.ok;
  for (const file of args.files) {
    const { name, text } = readSource(file);
    let result;
    try {
      result = formatGsn(text, { file: name });
    } catch (error) {
      process.stderr.write(`gsnc: ${escapeForTerminal(name)}: internal error in the formatter (please report it with the input): ${error instanceof Error ? error.message : String(error)}\n`);
      exit = Math.max(exit, EXIT.internal);
      continue;
    }
    if (result.text === null) {
      printDiagnostics(result.diagnostics, text, name);
      process.stderr.write(`gsnc: not formatting ${escapeForTerminal(name)}: it has syntax errors\n`);
      exit = Math.max(exit, EXIT.inputErrors);
      continue;
    }
    if (args.check) {
      if (result.changed) {
        process.stdout.write(`${escapeForTerminal(name)}\n`);
        exit = Math.max(exit, EXIT.inputErrors);
      }
      continue;
    }
    const destination = args.output ?? file;
    if (destination === '-') {
      process.stdout.write(result.text);
    } else if (destination !== file || result.changed) {
      writeAtomically(destination, result.text);
      if (!args.quiet) process.stderr.write(`gsnc: formatted ${escapeForTerminal(destination)}\n`);
    }
  }
  return exit;
}
