import { UsageError, isGsn2xFile, type CliArgs } from './args.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { CompileOptions, CompileResult, ProjectOptions, ProjectResult } from '../index.js';
import { normalizePath, projectRoot, resolveImportPath } from '../project/paths.js';
import { scanImports } from '../syntax/imports.js';
import { besideInput, fileExists, isDirectory, moduleFile, outputName, readInput, readSource } from './io.js';
import { printAcrossFiles, printDiagnostics } from './print.js';

export { printAcrossFiles };

/** What every command shares: reading and compiling inputs, exit codes, output targets. */

/**
 * The parts of a compile result a command reads. A compiler may leave the others null (the
 * worker then sends back only these: at 10,000 elements, the AST, model and layout take about
 * half a second to copy between threads).
 */
export type ResultField = keyof CompileResult;

export type Compiler = ((text: string, options: CompileOptions, fields?: readonly ResultField[]) => Promise<CompileResult>) & {
  /** Modular extension: compiles a project of modules (on the worker); absent in a plain compiler. */
  project?: (files: { name: string; text: string }[], options: ProjectOptions) => Promise<ProjectResult>;
};

export const EXIT = { ok: 0, inputErrors: 1, usage: 2, internal: 70 } as const;

export interface Compiled {
  file: string;
  text: string;
  result: CompileResult;
  /** Modular extension: set when the file imports modules; `result` then holds every diagnostic of the project. */
  project?: { result: ProjectResult; files: { name: string; text: string }[] };
}

/** The compile options the command line gives every input: strictness, time limit, theme, ratings, layers. */
function sharedOptions(args: CliArgs): ProjectOptions & CompileOptions {
  return {
    strict: args.strict,
    limits: args.timeoutMs === null ? undefined : { layoutTimeoutMs: args.timeoutMs },
    theme: args.theme ?? undefined,
    ratings: args.ratings,
    ...(args.layers.length > 0 ? { layers: args.layers } : {}),
  };
}

export async function compileFile(file: string, args: CliArgs, compiler: Compiler, print = true): Promise<Compiled> {
  if (isGsn2xFile(file)) return compileGsn2xGroup(file, args, compiler, print);
  const { name, text } = readSource(file);
  if (file !== '-' && scanImports(text).length > 0) return compileModules({ name: file, text }, args, compiler, print);
  const result = await compiler(text, { file: name, ...sharedOptions(args) }, fieldsFor(args));
  if (print) printDiagnostics(result.diagnostics, text, name);
  return { file, text, result };
}

/**
 * Modular extension: a file that imports modules is compiled with them as a project (see
 * readProject). A module whose file is missing is left out; compileProject reports the import
 * (GSN521), as it reports a path that leads outside the project (GSN535), which is never read.
 */
async function compileModules(main: { name: string; text: string }, args: CliArgs, compiler: Compiler, print: boolean): Promise<Compiled> {
  const { files } = readProject(main);
  const options = sharedOptions(args);
  const project = compiler.project ? await compiler.project(files, options) : await (await import('../index.js')).compileProject(files, options);
  if (print) printAcrossFiles(project.diagnostics, files);
  const result: CompileResult = { svg: null, diagnostics: project.diagnostics, ast: null, model: null, layout: null, framework: null };
  return { file: main.name, text: main.text, result, project: { result: project, files } };
}

/**
 * Modular extension: the files of the project `main` starts, `main` first: every module it
 * imports, transitively, read from `Name.gsn` beside the importing file (`import Name`) or from
 * the path relative to it (`import "path"`, only inside the directory of `main`). `missing`
 * lists the files imports name that are not there (yet): `gsnc build --watch` waits for them.
 */
export function readProject(main: { name: string; text: string }): { files: { name: string; text: string }[]; missing: string[] } {
  const files = [main];
  const missing: string[] = [];
  const root = projectRoot(main.name);
  const seen = new Set([normalizePath(main.name)]);
  for (let i = 0; i < files.length; i++) {
    const importer = files[i]!.name;
    for (const imported of scanImports(files[i]!.text)) {
      const path = 'name' in imported ? moduleFile(importer, imported.name) : projectPath(importer, imported.path, root);
      if (path === null || seen.has(normalizePath(path))) continue;
      seen.add(normalizePath(path));
      if (!fileExists(path)) {
        missing.push(path);
        continue;
      }
      try {
        files.push({ name: path, text: readInput(path) });
      } catch (error) {
        throw new UsageError(`cannot read ${path} (imported by ${importer}): ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
    }
  }
  return { files, missing };
}

/** The file `import "path"` names, or null when it may not be read (compileProject says why). */
function projectPath(importer: string, path: string, root: string): string | null {
  const where = resolveImportPath(importer, path, root);
  return where.ok ? where.path : null;
}

/**
 * The gsn2x YAML inputs, compiled together as one case (they stand in `args.files` as the first
 * of them), with every file their `module: uses:` names, read relative to the naming file.
 */
async function compileGsn2xGroup(file: string, args: CliArgs, compiler: Compiler, print: boolean): Promise<Compiled> {
  const files = await readGsn2xFiles(args.gsn2xFiles ?? [file]);
  const [first, ...more] = files;
  const result = await compiler(first!.text, { file: first!.name, language: 'gsn2x', moreFiles: more, ...sharedOptions(args) }, fieldsFor(args));
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


/** What the command reads of each result (undefined: all of it). */
function fieldsFor(args: CliArgs): readonly ResultField[] | undefined {
  if (args.command === 'check') return ['diagnostics'];
  // build's diagram formats: the SVG, and the model for a PDF's title.
  if (args.command === 'build' && ['svg', 'png'].includes(args.format ?? 'svg')) return ['svg', 'diagnostics'];
  if (args.command === 'build' && args.format === 'pdf') return ['svg', 'diagnostics', 'model'];
  return undefined;
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
