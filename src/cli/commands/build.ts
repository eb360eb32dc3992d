import { basename, dirname, extname, join, resolve } from 'node:path';
import { escapeForTerminal } from '../../diagnostics/format.js';
import type { FontFiles } from '../../export/fonts.js';
import type { CompileResult } from '../../index.js';
import { UsageError, type CliArgs } from '../args.js';
import { readBundledFonts, writeAtomically } from '../io.js';
import { diagramJson } from '../json.js';
import { printDiagnostics } from '../print.js';
import { EXIT, compileFile, exitCodeFor, printAcrossFiles, resolveTarget, type Compiled, type Compiler } from '../shared.js';

/** Every build format and the extension of the file it writes. */
const EXTENSIONS = new Map<string, string>([
  ['svg', 'svg'],
  ['json', 'json'],
  ['png', 'png'],
  ['pdf', 'pdf'],
  ['sacm', 'sacm.xml'],
]);
const BINARY = new Set(['png', 'pdf']);
/** Inputs compiled ahead of the one being written (the CLI has at most this many workers). */
const COMPILE_AHEAD = 3;

/** `gsnc build`: compile each input and write its diagram, or nothing if it has errors. */
export async function build(args: CliArgs, compiler: Compiler): Promise<number> {
  const format = args.format ?? 'svg';
  const extension = EXTENSIONS.get(format);
  if (extension === undefined) throw new UsageError(`build --format takes ${[...EXTENSIONS.keys()].join(', ')}, not '${args.format}'`);
  if (args.scale !== null && format !== 'png') throw new UsageError('--scale applies to --format png only');
  const target = resolveTarget(args);
  let fonts: FontFiles | null = null;
  let exit: number = EXIT.ok;
  // Inputs are compiled a few ahead, so a compiler with several workers compiles them in
  // parallel; diagnostics and outputs still come in input order.
  const compiling: Promise<Compiled>[] = [];
  const compileAhead = (upTo: number) => {
    for (let j = compiling.length; j < Math.min(upTo, args.files.length); j++) {
      const pending = compileFile(args.files[j]!, args, compiler, false);
      pending.catch(() => undefined); // reported when its turn comes
      compiling.push(pending);
    }
  };
  const built = new Set<string>();
  for (const [i, file] of args.files.entries()) {
    const destination = target(file, extension);
    if (destination === '-' && BINARY.has(format) && process.stdout.isTTY) {
      throw new UsageError(`not writing a ${format.toUpperCase()} to a terminal; give -o FILE or redirect standard output`);
    }
    compileAhead(i + 1 + COMPILE_AHEAD);
    const compiled = await compiling[i]!;
    // Modular extension: a module an earlier input's project already built is not built again.
    if (file !== '-' && built.has(resolve(file))) continue;
    if (compiled.project) {
      for (const f of compiled.project.files) built.add(resolve(f.name));
      exit = Math.max(exit, await writeProject(compiled, args, format, () => (fonts ??= readBundledFonts())));
      continue;
    }
    printDiagnostics(compiled.result.diagnostics, compiled.text, file === '-' ? '<stdin>' : file);
    exit = Math.max(exit, exitCodeFor(compiled.result));
    if (!compiled.result.svg) continue;
    if (BINARY.has(format)) fonts ??= readBundledFonts();
    const content = await exportAs(format, compiled.result, compiled.result.svg, fonts, args, file);
    if (destination === '-') process.stdout.write(content);
    else {
      writeAtomically(destination, content);
      if (!args.quiet) process.stderr.write(`gsnc: wrote ${escapeForTerminal(destination)}\n`);
    }
  }
  return exit;
}

/**
 * Modular extension: a file that imports modules builds its project: one diagram per module
 * (`Name.svg`, or `.json`, `.png`, `.pdf`) and the architecture view (`architecture.svg`, ...),
 * into the -o directory (by default beside the file). Every output is made before the first is
 * written, so a failing export leaves none half-written. A module's JSON carries the diagnostics
 * of its own file; the architecture's carries all of them.
 */
async function writeProject(compiled: Compiled, args: CliArgs, format: string, fonts: () => FontFiles): Promise<number> {
  const project = compiled.project!;
  printAcrossFiles(project.result.diagnostics, project.files);
  const exit = exitCodeFor(compiled.result);
  if (format === 'sacm') throw new UsageError(`${compiled.file} imports modules: a modular project builds svg, json, png or pdf, not --format sacm`);
  if (args.output === '-') throw new UsageError(`${compiled.file} imports modules: a modular project writes one diagram per module; give -o DIR`);
  const { modules, architecture, diagnostics } = project.result;
  if (architecture.svg === null) return exit;
  if (modules.some((m) => m.name === 'architecture')) throw new UsageError(`module architecture would overwrite the architecture view; rename the module`);
  const diagrams: { name: string; file: string; result: CompileResult }[] = modules.map((m) => ({
    name: m.name,
    file: m.file,
    result: { svg: m.svg, diagnostics: diagnostics.filter((d) => d.file === m.file), ast: m.ast, model: m.model, layout: m.layout, framework: m.framework },
  }));
  diagrams.push({ name: 'architecture', file: compiled.file, result: { svg: architecture.svg, diagnostics, ast: null, model: architecture.model, layout: architecture.layout, framework: null } });
  const dir = args.output ?? dirname(compiled.file);
  const extension = EXTENSIONS.get(format)!;
  const outputs: [string, string | Uint8Array][] = [];
  for (const d of diagrams) {
    const content = await exportAs(format, d.result, d.result.svg ?? '', BINARY.has(format) ? fonts() : null, args, d.file);
    outputs.push([join(dir, `${d.name}.${extension}`), content]);
  }
  for (const [destination, content] of outputs) {
    writeAtomically(destination, content);
    if (!args.quiet) process.stderr.write(`gsnc: wrote ${escapeForTerminal(destination)}\n`);
  }
  return exit;
}

/** The diagram in the chosen format. Exporters are loaded only when used (pdfkit is slow to load). */
async function exportAs(format: string, result: CompileResult, svg: string, fonts: FontFiles | null, args: CliArgs, file: string): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return diagramJson(result);
    case 'png': {
      const { svgToPng } = await import('../../export/png.js');
      try {
        return await svgToPng(svg, fonts!, { scale: args.scale ?? undefined });
      } catch (error) {
        if (error instanceof RangeError) throw new UsageError(error.message);
        throw error;
      }
    }
    case 'pdf': {
      const { svgToPdf } = await import('../../export/pdf.js');
      return svgToPdf(svg, fonts!, { title: result.model?.module?.description ?? result.model?.module?.name ?? undefined });
    }
    case 'sacm': {
      const { sacmXml } = await import('../../export/sacm.js');
      return sacmXml(result, file === '-' ? 'stdin' : basename(file, extname(file)));
    }
    default:
      return svg;
  }
}
