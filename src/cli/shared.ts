import { UsageError, type CliArgs } from './args.js';
import type { CompileOptions, CompileResult } from '../index.js';
import { besideInput, isDirectory, outputName, readInput } from './io.js';
import { printDiagnostics } from './print.js';

/** What every command shares: reading and compiling inputs, exit codes, output targets. */

export type Compiler = (text: string, options: CompileOptions) => Promise<CompileResult>;

export const EXIT = { ok: 0, inputErrors: 1, usage: 2, internal: 70 } as const;

export interface Compiled {
  file: string;
  text: string;
  result: CompileResult;
}

export async function compileFile(file: string, args: CliArgs, compiler: Compiler, print = true): Promise<Compiled> {
  const name = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text = readInput(file);
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const limits = args.timeoutMs === null ? undefined : { layoutTimeoutMs: args.timeoutMs };
  const result = await compiler(text, { file: name, strict: args.strict, limits, theme: args.theme ?? undefined, ratings: args.ratings });
  if (print) printDiagnostics(result.diagnostics, text, name);
  return { file, text, result };
}

export function exitCodeFor(result: CompileResult): number {
  if (result.diagnostics.some((d) => d.code === 'GSN999')) return EXIT.internal;
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT.inputErrors : EXIT.ok;
}

export function requireFiles(args: CliArgs): void {
  if (args.files.length === 0) throw new UsageError('no input files (use - for standard input)');
  if (args.files.filter((f) => f === '-').length > 1) throw new UsageError('standard input can be read only once');
}

/** Decides where each input's output goes, before anything is compiled. */
export function resolveTarget(args: CliArgs): (file: string, extension: string) => string {
  requireFiles(args);
  const output = args.output;
  if (output === '-') {
    if (args.files.length > 1) throw new UsageError('-o - writes one diagram; give one input file');
    return () => '-';
  }
  if (output === null) return (file, extension) => (file === '-' ? '-' : besideInput(file, extension));
  const toDirectory = args.files.length > 1 || output.endsWith('/') || isDirectory(output);
  if (toDirectory) return (file, extension) => outputName(file, extension, output);
  return () => output;
}
