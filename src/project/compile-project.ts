/**
 * Modular extension: compiles a project of modules (one file each) with no I/O. Each file is
 * parsed, the modules are linked (link.ts: imports, cycles, IDs unique across modules, away
 * elements, public), each module is checked, laid out and drawn as its own argument view, and
 * the architecture view draws the modules (module shapes) and their imports (SupportedBy
 * arrows), each module box linking to `Name.svg`. Diagrams are drawn only when the whole
 * project has no errors (warnings too with `strict`), as compile() does for one file.
 */
import type { ElkRunner } from '../layout/run-elk.js';
import { severityOf } from '../diagnostics/codes.js';
import { LineIndex, compareDiagnostics, locate } from '../diagnostics/locate.js';
import type { Diagnostic, StageDiagnostic } from '../diagnostics/types.js';
import { analyzeFramework } from '../framework/analyze.js';
import { diagramMarks } from '../framework/marks.js';
import type { Framework } from '../framework/types.js';
import { layout } from '../layout/layout.js';
import { withLayers } from '../layout/layers.js';
import type { Layout } from '../layout/types.js';
import { resolveLimits, type Limits } from '../limits.js';
import { render } from '../render/render.js';
import { resolveTheme, type ThemeName } from '../render/themes.js';
import { check } from '../semantics/check.js';
import type { Model, ModelElement } from '../semantics/model.js';
import type { Document } from '../syntax/ast.js';
import { parse } from '../syntax/parse.js';
import { sanitizeText } from '../text/sanitize.js';
import { linkModules, type LinkedModule } from './link.js';

export interface ProjectOptions {
  strict?: boolean;
  limits?: Partial<Limits>;
  /** Prefix for every id in each SVG (the module's name is added to it in module views). */
  idPrefix?: string;
  theme?: ThemeName;
  ratings?: boolean;
  /** Where ELK runs (see CompileOptions.elk). */
  elk?: ElkRunner;
  /** Text layers to draw (see CompileOptions.layers). */
  layers?: readonly string[];
  /** False stops after the checks: no layouts or SVGs (see CompileOptions.diagram). */
  diagram?: boolean;
}

export interface ProjectModule {
  /** The module's name: its `module` header, or the file name without extension. */
  name: string;
  file: string;
  description: string | null;
  /** The modules it imports (those found), in source order. */
  imports: string[];
  /** The module's argument view, or null when the project has errors. */
  svg: string | null;
  ast: Document | null;
  model: Model | null;
  layout: Layout | null;
  framework: Framework | null;
}

export interface ProjectResult {
  /** One per file, in the order given. */
  modules: ProjectModule[];
  /** The architecture view: modules and their imports; null when the project has errors. */
  architecture: { svg: string | null; model: Model | null; layout: Layout | null };
  /** Every diagnostic of every file, each naming its file. */
  diagnostics: Diagnostic[];
}

/** Diagnostic codes about an element itself: a synthetic away element was checked in its own module. */
const ELEMENT_CODES: ReadonlySet<string> = new Set(['GSN301', 'GSN305', 'GSN306', 'GSN308', 'GSN510']);
const LIMIT_CODES: ReadonlySet<string> = new Set(['GSN901', 'GSN902', 'GSN903']);

export async function compileProject(files: readonly { name: string; text: string }[], options: ProjectOptions = {}): Promise<ProjectResult> {
  const theme = resolveTheme(options.theme);
  const sources = files.map((f) => ({ name: String(f.name), text: typeof f.text === 'string' ? f.text : String(f.text) }));
  const found: StageDiagnostic[] = [];
  const result: ProjectResult = { modules: [], architecture: { svg: null, model: null, layout: null }, diagnostics: [] };
  const finish = () => {
    const indexes = new Map(sources.map((s) => [s.name, new LineIndex(s.text)]));
    const fallback = sources[0]?.name ?? '<input>';
    result.diagnostics = found
      .map((d) => locate(d, indexes.get(d.file ?? fallback) ?? new LineIndex(''), { file: d.file ?? fallback, strict: options.strict, others: indexes }))
      .sort(compareDiagnostics);
    if (result.diagnostics.some((d) => d.severity === 'error')) {
      for (const m of result.modules) m.svg = null;
      result.architecture.svg = null;
    }
    return result;
  };
  try {
    const limits = resolveLimits(options.limits);
    const parsed = sources.map((s) => {
      if (s.text.length > limits.maxInputLength) {
        found.push({ code: 'GSN901', message: `the input is ${s.text.length} characters long; the limit is ${limits.maxInputLength} (set limits.maxInputLength to raise it)`, span: { start: 0, end: 0 }, file: s.name });
        return { file: s.name, document: { type: 'document', module: null, items: [], span: { start: 0, end: 0 } } as Document };
      }
      const p = parse(s.text, { limits });
      for (const d of p.diagnostics) found.push({ ...d, file: s.name });
      return { file: s.name, document: p.value };
    });
    if (found.some((d) => LIMIT_CODES.has(d.code))) return finish();

    const linked = linkModules(parsed, limits);
    for (const d of linked.diagnostics) found.push(d);

    const checked = linked.modules.map((m, i) => {
      const out = check(m.document, { limits, source: sources[i]!.text });
      for (const d of out.diagnostics) {
        if (ELEMENT_CODES.has(d.code) && isSynthetic(m, d)) continue;
        if (d.code === 'GSN303' && isPublic(m, d)) continue; // a public element is an entry point for other modules
        // A contract module cites goals of the modules importing it, which a build from the contract itself lacks.
        const message = d.code === 'GSN202' && m.contract ? `${d.message} (a contract module cites goals of the modules that import it: build the project from one of them)` : d.message;
        found.push({ ...d, message, file: d.file ?? m.file, related: d.related?.map((r) => ({ ...r, file: r.file ?? m.file })) });
      }
      const model = markAway(out.value, m);
      const framework = analyzeFramework(model);
      for (const d of framework.diagnostics) found.push({ ...d, file: d.file ?? m.file });
      const module: ProjectModule = { name: m.name, file: m.file, description: m.description, imports: m.imports, svg: null, ast: parsed[i]!.document, model, layout: null, framework: framework.value };
      result.modules.push(module);
      return module;
    });
    if (hasErrors(found, options.strict) || options.diagram === false) return finish();

    const prefix = options.idPrefix ?? '';
    for (const module of checked) {
      const laidOut = await layout(withLayers(module.model!, options.layers ?? []), { limits, marks: diagramMarks(module.framework), ratings: options.ratings === true, elk: options.elk });
      module.layout = laidOut.value;
      module.svg = render(laidOut.value, { idPrefix: prefix, theme });
    }
    const architecture = architectureModel(linked.modules);
    const laidOut = await layout(architecture, { limits });
    result.architecture = { svg: render(laidOut.value, { idPrefix: prefix, theme }), model: architecture, layout: laidOut.value };
    return finish();
  } catch (error) {
    const what = error instanceof Error ? error.message : String(error);
    found.push({ code: 'GSN999', message: `internal error in gsnc (please report it with the input): ${what}`, span: { start: 0, end: 0 }, file: sources[0]?.name });
    return finish();
  }
}

function isSynthetic(m: LinkedModule, d: StageDiagnostic): boolean {
  for (const node of m.document.items) {
    if (node.type === 'element' && m.away.has(node.id) && node.idSpan.start === d.span.start && node.idSpan.end === d.span.end) return true;
  }
  return false;
}

/** Whether the diagnostic is at the ID of a public element of the module. */
function isPublic(m: LinkedModule, d: StageDiagnostic): boolean {
  const stack = [...m.document.items];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item?.type !== 'element') continue;
    if (item.idSpan.start === d.span.start && item.idSpan.end === d.span.end) return (item.modifiers ?? []).some((x) => x.name === 'public');
    for (const child of item.children ?? []) if (child.type === 'element') stack.push(child);
  }
  return false;
}

/** Marks the synthetic elements of the model: away elements and module references. */
function markAway(model: Model, m: LinkedModule): Model {
  if (m.away.size === 0) return model;
  const elements = model.elements.map((e): ModelElement => {
    const away = m.away.get(e.id);
    if (!away) return e;
    if (away.type === 'element') return { ...e, text: sanitizeText(away.text), away: { module: away.module } };
    const description = away.description === null ? null : sanitizeText(away.description);
    return { ...e, text: description ?? '', moduleRef: { name: away.module, description, ...(away.contract ? { contract: true } : {}) } };
  });
  return { ...model, elements };
}

/**
 * The architecture view: one module reference per module (a contract module reference for a
 * contract module), a SupportedBy arrow per import: a module that imports a contract is
 * supported by it, and the contract by the modules it imports.
 */
function architectureModel(modules: readonly LinkedModule[]): Model {
  const seen = new Set<string>();
  const elements: ModelElement[] = [];
  for (const m of modules) {
    if (seen.has(m.name)) continue;
    seen.add(m.name);
    const description = m.description === null ? null : sanitizeText(m.description);
    elements.push({
      id: m.name,
      kind: 'goal',
      text: description ?? '',
      undeveloped: false,
      uninstantiated: false,
      url: `${m.name}.svg`,
      classes: [],
      annotations: [],
      moduleRef: { name: m.name, description, ...(m.contract ? { contract: true } : {}) },
      span: { start: 0, end: 0 },
      idSpan: { start: 0, end: 0 },
    });
  }
  const edges: Model['edges'] = [];
  for (const m of modules) {
    for (const name of m.imports) {
      if (!edges.some((e) => e.from === m.name && e.to === name)) edges.push({ from: m.name, to: name, relation: 'supportedBy', span: { start: 0, end: 0 } });
    }
  }
  const imported = new Set(edges.map((e) => e.to));
  return { module: null, elements, edges, topGoals: elements.filter((e) => !imported.has(e.id)).map((e) => e.id) };
}

function hasErrors(found: StageDiagnostic[], strict = false): boolean {
  return found.some((d) => {
    const severity = severityOf(d.code);
    return severity === 'error' || (strict && severity === 'warning');
  });
}
