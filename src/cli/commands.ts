import { escapeForTerminal } from '../diagnostics/format.js';
import type { CompileOptions, CompileResult } from '../index.js';
import { UsageError, type CliArgs } from './args.js';
import { diagnosticsJson, diagramJson } from './json.js';
import { besideInput, isDirectory, outputName, readInput, writeAtomically } from './io.js';
import { printDiagnostics } from './print.js';
import { reportFor, reportFormatFor } from '../report/command-helpers.js';

export type Compiler = (text: string, options: CompileOptions) => Promise<CompileResult>;

export const EXIT = { ok: 0, inputErrors: 1, usage: 2, internal: 70 } as const;

interface Compiled {
  file: string;
  result: CompileResult;
}

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

async function compileFile(file: string, args: CliArgs, compiler: Compiler, print = true): Promise<Compiled> {
  const name = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text = readInput(file);
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const limits = args.timeoutMs === null ? undefined : { layoutTimeoutMs: args.timeoutMs };
  const result = await compiler(text, { file: name, strict: args.strict, limits });
  if (print) printDiagnostics(result.diagnostics, text, name);
  return { file, result };
}

function exitCodeFor(result: CompileResult): number {
  if (result.diagnostics.some((d) => d.code === 'GSN999')) return EXIT.internal;
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT.inputErrors : EXIT.ok;
}

function requireFiles(args: CliArgs): void {
  if (args.files.length === 0) throw new UsageError('no input files (use - for standard input)');
  if (args.files.filter((f) => f === '-').length > 1) throw new UsageError('standard input can be read only once');
}

/** Decides where each input's output goes, before anything is compiled. */
function resolveTarget(args: CliArgs): (file: string, extension: string) => string {
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
