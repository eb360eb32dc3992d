import { escapeForTerminal } from '../../diagnostics/format.js';
import { UsageError, type CliArgs } from '../args.js';
import { writeAtomically } from '../io.js';
import { diagramJson } from '../json.js';
import { EXIT, compileFile, exitCodeFor, resolveTarget, type Compiler } from '../shared.js';

/** `gsnc build`: compile each input and write its diagram, or nothing if it has errors. */
export async function build(args: CliArgs, compiler: Compiler): Promise<number> {
  const format = args.format ?? 'svg';
  if (format !== 'svg' && format !== 'json') throw new UsageError(`build --format takes svg or json, not '${args.format}'`);
  const target = resolveTarget(args);
  let exit: number = EXIT.ok;
  for (const file of args.files) {
    const compiled = await compileFile(file, args, compiler);
    exit = Math.max(exit, exitCodeFor(compiled.result));
    if (!compiled.result.svg) continue;
    const content = format === 'svg' ? compiled.result.svg : diagramJson(compiled.result);
    const destination = target(file, format);
    if (destination === '-') process.stdout.write(content);
    else {
      writeAtomically(destination, content);
      if (!args.quiet) process.stderr.write(`gsnc: wrote ${escapeForTerminal(destination)}\n`);
    }
  }
  return exit;
}

