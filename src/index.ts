/**
 * gsnc: the pipeline. Text -> AST (syntax) -> checked model (semantics) -> layout (ELK) -> SVG.
 * Each stage is a pure function returning its value and the diagnostics it found; this file
 * chains them, turns stage diagnostics into positioned ones, and guards against the unexpected.
 */
import { severityOf } from './diagnostics/codes.js';
import { LineIndex, compareDiagnostics, locate } from './diagnostics/locate.js';
import type { Diagnostic, StageDiagnostic } from './diagnostics/types.js';
import { analyzeFramework } from './framework/analyze.js';
import { diagramMarks } from './framework/marks.js';
import type { Framework } from './framework/types.js';
import { layout } from './layout/layout.js';
import { withLayers } from './layout/layers.js';
import type { Layout } from './layout/types.js';
import type { ElkRunner } from './layout/run-elk.js';
import { resolveLimits, type Limits } from './limits.js';
import { render } from './render/render.js';
import { resolveTheme, type ThemeName } from './render/themes.js';
import { check } from './semantics/check.js';
import type { Model } from './semantics/model.js';
import type { Document } from './syntax/ast.js';
import { parse } from './syntax/parse.js';
import { SourceSet } from './import/sources.js';

export interface CompileOptions {
  /** Name used in diagnostics; never read from disk. Default `<input>`. */
  file?: string;
  /** Treat warnings as errors. */
  strict?: boolean;
  limits?: Partial<Limits>;
  /** Prefix for every id in the SVG, so several diagrams can share one page. */
  idPrefix?: string;
  /**
   * Colour theme: `default`, `dark`, `print` or `auto` (follows prefers-color-scheme inside the
   * SVG). An unknown name is a programming error: compile() rejects with a TypeError.
   */
  theme?: ThemeName;
  /**
   * AI safety-case framework: add the paper's building-block ratings (practicality, maximum
   * strength, scalability) to each category badge as a three-bar glyph.
   */
  ratings?: boolean;
  /**
   * The input language: `gsn` (the notation; the default) or `gsn2x` (gsn2x's YAML format, see
   * compileGsn2x: the text is one YAML file named by `file`, compiled with `moreFiles`).
   */
  language?: 'gsn' | 'gsn2x';
  /** With language `gsn2x`: further YAML files (modules) compiled together with the text as one case. */
  moreFiles?: { name: string; text: string }[];
  /**
   * Where ELK runs: a function from an ELK graph to ELK's result, e.g. one that hands the graph to
   * a pool of worker threads (the CLI does). Default: ELK in this thread. A big tree is laid out
   * as several independent ELK calls, made at once; the output is the same either way.
   */
  elk?: ElkRunner;
  /**
   * Text layers to draw (`@layer(name, "text")`, gsn2x's extra keys), in this order: each as a
   * line `NAME: text` after the element's text. Default: none (layers stay in the model only).
   */
  layers?: readonly string[];
  /**
   * Lay out and draw the diagram (default true). False stops after the checks: the result has
   * the diagnostics, AST, model and framework, and no layout or SVG (the diagnostics are the
   * same: laying out finds no problem of the argument). `gsnc check` does this.
   */
  diagram?: boolean;
}

export interface CompileResult {
  /** The diagram, or null when there are errors. */
  svg: string | null;
  diagnostics: Diagnostic[];
  ast: Document | null;
  model: Model | null;
  layout: Layout | null;
  /** The AI safety-case framework mapping, or null when the case uses none of its annotations. */
  framework: Framework | null;
}

export async function compile(text: string, options: CompileOptions = {}): Promise<CompileResult> {
  if (options.language === 'gsn2x') return compileGsn2x([{ name: options.file ?? '<input>', text }, ...(options.moreFiles ?? [])], options);
  const source = typeof text === 'string' ? text : String(text);
  const index = new LineIndex(source);
  const file = options.file ?? '<input>';
  const resolve = (found: StageDiagnostic[]) => found.map((d) => locate(d, index, { file, strict: options.strict }));
  return runStages(options, resolve, (limits, found) => {
    if (source.length > limits.maxInputLength) {
      found.push(tooLarge(source.length, limits));
      return null;
    }
    const parsed = parse(source, { limits });
    append(found, parsed.diagnostics);
    return { document: parsed.value, source };
  });
}

/**
 * Compiles gsn2x YAML files (github.com/jonasthewolf/gsn2x) together as one case: modules are
 * merged, an ID defined in two files is GSN201 with both positions. Every diagnostic names the
 * YAML file, line and column. The result has compile()'s shape; the spans inside `ast` and
 * `model` are offsets into the files laid end to end, in the order given (the first file's own
 * offsets when there is one file). README.md ("gsn2x YAML") documents the mapping.
 */
export async function compileGsn2x(files: readonly { name: string; text: string }[], options: CompileOptions = {}): Promise<CompileResult> {
  let sources = new SourceSet();
  for (const f of files) sources.add(f.name, typeof f.text === 'string' ? f.text : String(f.text));
  const resolve = (found: StageDiagnostic[]) => found.map((d) => sources.locate(d, options.strict));
  return runStages(options, resolve, async (limits, found) => {
    const { importGsn2x } = await import('./import/gsn2x.js'); // loads the YAML parser only when needed
    const imported = importGsn2x(files, { limits });
    sources = imported.sources;
    append(found, imported.diagnostics);
    return { document: imported.document, source: undefined };
  });
}

/** Reads the input into a document (reporting into `found`), or null when nothing more can be done. */
type FrontEnd = (limits: Limits, found: StageDiagnostic[]) => ReadInput | null | Promise<ReadInput | null>;

interface ReadInput {
  document: Document;
  /** The text the document's spans point into, when it is notation text (for exact positions inside strings). */
  source: string | undefined;
}

/** The stages after reading, shared by every input language. */
async function runStages(options: CompileOptions, resolve: (found: StageDiagnostic[]) => Diagnostic[], front: FrontEnd): Promise<CompileResult> {
  const theme = resolveTheme(options.theme);
  const result: CompileResult = { svg: null, diagnostics: [], ast: null, model: null, layout: null, framework: null };
  const found: StageDiagnostic[] = [];
  const finish = () => {
    result.diagnostics = resolve(found).sort(compareDiagnostics);
    if (result.diagnostics.some((d) => d.severity === 'error')) result.svg = null;
    return result;
  };
  try {
    const limits = resolveLimits(options.limits);
    const read = await front(limits, found);
    if (read === null) return finish();
    result.ast = read.document;
    // Past a limit the document was only partly read: checking the part read would report
    // problems that are not there (a cut-off block is "unsupported"). One clear diagnostic.
    if (found.some((d) => LIMIT_CODES.has(d.code))) return finish();

    const checked = check(read.document, read.source === undefined ? { limits } : { limits, source: read.source });
    append(found, checked.diagnostics);
    result.model = checked.value;

    const framework = analyzeFramework(checked.value);
    append(found, framework.diagnostics);
    result.framework = framework.value;
    if (hasErrors(found, options.strict) || options.diagram === false) return finish();

    const laidOut = await layout(withLayers(checked.value, options.layers ?? []), { limits, marks: diagramMarks(framework.value), ratings: options.ratings === true, elk: options.elk });
    append(found, laidOut.diagnostics);
    result.layout = laidOut.value;
    if (hasErrors(found, options.strict)) return finish();

    result.svg = render(laidOut.value, { idPrefix: options.idPrefix ?? '', theme });
    return finish();
  } catch (error) {
    found.push(internalError(error));
    return finish();
  }
}

/** A loop, not push(...spread): tens of thousands of diagnostics would overflow the call. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

/** Input too large, nesting too deep, too many elements: the stages after them would mislead. */
const LIMIT_CODES: ReadonlySet<string> = new Set(['GSN901', 'GSN902', 'GSN903']);

function hasErrors(found: StageDiagnostic[], strict = false): boolean {
  return found.some((d) => {
    const severity = severityOf(d.code);
    return severity === 'error' || (strict && severity === 'warning');
  });
}


function tooLarge(length: number, limits: Limits): StageDiagnostic {
  return {
    code: 'GSN901',
    message: `the input is ${length} characters long; the limit is ${limits.maxInputLength} (set limits.maxInputLength to raise it)`,
    span: { start: 0, end: 0 },
  };
}

function internalError(error: unknown): StageDiagnostic {
  const what = error instanceof Error ? error.message : String(error);
  return {
    code: 'GSN999',
    message: `internal error in gsnc (please report it with the input): ${what}`,
    span: { start: 0, end: 0 },
  };
}

export { compileProject, type ProjectOptions, type ProjectModule, type ProjectResult } from './project/compile-project.js';
export { parse } from './syntax/parse.js';
export { check } from './semantics/check.js';
export { layout } from './layout/layout.js';
export type { ElkRunner } from './layout/run-elk.js';
export { render } from './render/render.js';
export { analyzeFramework } from './framework/analyze.js';
export { renderReport, type ReportFormat } from './report/report.js';
export { BUILDING_BLOCKS } from './framework/blocks.js';
export { formatDiagnostic } from './diagnostics/format.js';
export { LineIndex } from './diagnostics/locate.js';
export { CODES } from './diagnostics/codes.js';
export { DEFAULT_LIMITS } from './limits.js';
export { THEMES, type ThemeName } from './render/themes.js';
export { formatGsn, type FormatResult } from './format/format.js';
export { instantiatePattern, type InstantiateOptions, type InstantiateResult } from './instantiate/instantiate.js';
export type { Diagnostic, Severity, Span } from './diagnostics/types.js';
export type { Document, ElementNode } from './syntax/ast.js';
export type { Model, ModelElement, ModelEdge } from './semantics/model.js';
export type { Layout, LayoutNode, LayoutEdge } from './layout/types.js';
export type { Limits } from './limits.js';
export type { Framework } from './framework/types.js';
