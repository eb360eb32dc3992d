import { UsageError, type CliArgs } from '../args.js';
import { diagnosticsJson } from '../json.js';
import { EXIT, compileFile, exitCodeFor, requireFiles, type Compiler } from '../shared.js';
import type { CompileResult } from '../../index.js';

/** `gsnc check`: diagnostics only, nothing written. */
export async function check(args: CliArgs, compiler: Compiler): Promise<number> {
  const format = args.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`check --format takes text or json, not '${args.format}'`);
  if (args.output !== null) throw new UsageError('check writes nothing; use build to write a diagram');
  requireFiles(args);
  const all: CompileResult['diagnostics'] = [];
  let exit: number = EXIT.ok;
  for (const file of args.files) {
    const compiled = await compileFile(file, args, compiler, format === 'text');
    all.push(...compiled.result.diagnostics);
    exit = Math.max(exit, exitCodeFor(compiled.result));
  }
  if (format === 'json') process.stdout.write(diagnosticsJson({ diagnostics: all }));
  return exit;
}

