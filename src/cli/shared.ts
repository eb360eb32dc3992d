import { UsageError, isGsn2xFile, type CliArgs } from './args.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { LineIndex } from '../diagnostics/locate.js';
import type { Diagnostic } from '../diagnostics/types.js';
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
  if (isGsn2xFile(file)) return compileGsn2xGroup(file, args, compiler, print);
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

/**
 * The gsn2x YAML inputs, compiled together as one case (they stand in `args.files` as the first
 * of them), with every file their `module: uses:` names, read relative to the naming file.
 */
async function compileGsn2xGroup(file: string, args: CliArgs, compiler: Compiler, print: boolean): Promise<Compiled> {
  const files = await readGsn2xFiles(args.gsn2xFiles ?? [file]);
  const [first, ...more] = files;
  const limits = args.timeoutMs === null ? undefined : { layoutTimeoutMs: args.timeoutMs };
  const result = await compiler(first!.text, {
    file: first!.name,
    language: 'gsn2x',
    moreFiles: more,
    strict: args.strict,
    limits,
    theme: args.theme ?? undefined,
    ratings: args.ratings,
  });
  if (print) printAcrossFiles(result.diagnostics, files);
  return { file, text: first!.text, result };
}

/** Reads gsn2x files and, transitively, the files their `uses` name (each once, in order). */
export async function readGsn2xFiles(names: string[]): Promise<{ name: string; text: string }[]> {
  const { gsn2xUses, normalizePath } = await import('../import/uses.js');
  const files: { name: string; text: string }[] = [];
  const seen = new Set<string>();
  const queue = names.map((name) => ({ name, by: null as string | null }));
  while (queue.length > 0) {
    const { name, by } = queue.shift()!;
    const key = normalizePath(name);
    if (seen.has(key)) continue;
    seen.add(key);
    let text: string;
    try {
      text = readInput(name);
    } catch (error) {
      const used = by === null ? '' : ` (used by ${by})`;
      throw new UsageError(`cannot read ${name}${used}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    files.push({ name, text });
    // The used files come right after the file that uses them (then the next given file).
    queue.unshift(...gsn2xUses({ name, text }).map((used) => ({ name: used, by: name })));
  }
  return files;
}

/** Prints diagnostics that may point into several files, each excerpt from its own file. */
export function printAcrossFiles(diagnostics: Diagnostic[], files: { name: string; text: string }[]): void {
  if (diagnostics.length === 0) return;
  const indexes = new Map(files.map((f) => [f.name, new LineIndex(f.text)]));
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d, indexes.get(d.file))}\n`);
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  process.stderr.write(`${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}\n`);
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
  if (output === null) return (file, extension) => (file === '-' ? '-' : besideInput(outputStem(file), extension));
  const toDirectory = args.files.length > 1 || output.endsWith('/') || isDirectory(output);
  if (toDirectory) return (file, extension) => outputName(outputStem(file), extension, output);
  return () => output;
}

/** `case.gsn.yaml` writes `case.svg`, as `case.gsn` does: the name outputName() strips. */
function outputStem(file: string): string {
  if (!isGsn2xFile(file)) return file;
  const stem = file.replace(/\.ya?ml$/i, '');
  return stem.endsWith('.gsn') ? stem : `${stem}.gsn`;
}
