/**
 * Modular extension: links the parsed modules of a project. Pure: no I/O, no layout.
 *
 * - Module names come from the `module` header (or the file name, without directory and
 *   extension, when a file has none); a name used twice is GSN526.
 * - `import Name` must name a module of the project (GSN521); `import "path"` must name a file
 *   of the project by its path relative to the importing file (GSN521), one inside the
 *   project's directory, that of the first file (GSN535; see paths.ts). Import cycles are
 *   GSN522, reported once per cycle at the import that closes it, with the chain `A -> B -> A`.
 * - IDs are unique across the project: a second definition is GSN201, related to the first in
 *   its own file.
 * - In a module, a bare ID that is not defined locally resolves to the element of that ID in
 *   another module (an away element) or, when it names an imported module, to a module
 *   reference. The referenced module must be imported (GSN524) and the element public (GSN523).
 *   A link from an away element is GSN525: it is developed in its own module.
 * - Contract modules (`contract module Name`, contracts.ts): a contract module develops goals of
 *   the modules that import it (it references them without importing them, and links from
 *   them) from goals of the modules it imports. `contract Name` in a goal's block references
 *   one; contracts.ts checks what it names (GSN531-GSN534).
 *
 * For each module, the result is its document with one synthetic element per away element or
 * module reference appended (its spans are those of the first reference to it, its text left
 * out: it was checked in its own module), so the single-file checker binds every reference;
 * `away` says which elements are synthetic, with their text.
 */
import type { Span, StageDiagnostic } from '../diagnostics/types.js';
import type { Limits } from '../limits.js';
import { bind } from '../semantics/binder.js';
import type { ChildItem, Document, ElementNode, ImportStatement, Reference, TopItem } from '../syntax/ast.js';
import { checkContractReferences, type ContractReference } from './contracts.js';
import { normalizePath, projectRoot, resolveImportPath } from './paths.js';

export interface ParsedModule {
  file: string;
  document: Document;
}

export interface LinkedModule {
  name: string;
  file: string;
  description: string | null;
  /** Imported module names that resolved, in source order, without repeats. */
  imports: string[];
  /** `contract module Name`: a contract module. */
  contract: boolean;
  /** The document with the synthetic away elements and module references appended. */
  document: Document;
  /** Synthetic elements: away elements (with their module) and module references. */
  away: Map<string, AwayEntry>;
}

export type AwayEntry =
  | { type: 'element'; module: string; text: string }
  | { type: 'module'; module: string; description: string | null; contract?: boolean };

export interface Linked {
  modules: LinkedModule[];
  /** Diagnostics with `file` set. */
  diagnostics: StageDiagnostic[];
}

/** `dir/sub.gsn` -> `sub`: the module name of a file without a header. */
export function moduleNameOfFile(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.indexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export interface Definition {
  node: ElementNode;
  module: number;
}

export function linkModules(parsed: readonly ParsedModule[], limits: Limits): Linked {
  const diagnostics: StageDiagnostic[] = [];
  const names = new Map<string, number>();
  const modules: LinkedModule[] = parsed.map((p, i) => {
    const header = p.document.module;
    const name = header?.name ?? moduleNameOfFile(p.file);
    const first = names.get(name);
    if (first === undefined) names.set(name, i);
    else {
      const firstHeader = parsed[first]!.document.module;
      diagnostics.push({
        code: 'GSN526',
        message: `module ${name} is already defined in ${parsed[first]!.file}; each module is one file`,
        span: header?.nameSpan ?? { start: 0, end: 0 },
        file: p.file,
        related: [{ message: `module ${name} is first defined here`, span: firstHeader?.nameSpan ?? { start: 0, end: 0 }, file: parsed[first]!.file }],
      });
    }
    return { name, file: p.file, description: header?.description?.value ?? null, imports: [], contract: header?.contractSpan !== undefined, document: p.document, away: new Map() };
  });

  // Imports: resolved names per module; unknown ones are GSN521.
  const importSpans: Map<string, Span>[] = modules.map(() => new Map());
  const resolveImport = importResolver(parsed, names, diagnostics);
  modules.forEach((m, i) => {
    for (const imp of m.document.imports ?? []) {
      const target = resolveImport(m.file, imp);
      if (target === null) continue;
      const name = modules[target]!.name;
      if (importSpans[i]!.has(name)) continue;
      importSpans[i]!.set(name, imp.nameSpan);
      m.imports.push(name);
    }
  });
  reportCycles(modules, names, importSpans, diagnostics);

  // Definitions across the project: IDs are unique across modules.
  const global = new Map<string, Definition>();
  const locals = modules.map((m, i) => {
    const symbols = bind(m.document, limits).symbols;
    for (const [id, node] of symbols) {
      const first = global.get(id);
      if (first === undefined) {
        global.set(id, { node, module: i });
        continue;
      }
      const other = modules[first.module]!;
      diagnostics.push({
        code: 'GSN201',
        message: `duplicate ID ${id}: ${first.node.kind} ${id} is already defined in module ${other.name}; IDs must be unique across all modules`,
        span: node.idSpan,
        file: m.file,
        related: [{ message: `${first.node.kind} ${id} is first defined here`, span: first.node.idSpan, file: other.file }],
      });
    }
    return symbols;
  });

  // References to other modules: synthesise away elements and module references. A reference
  // that is wrong (not imported, not public) still gets its element, so it is reported once.
  const resolveAway = (m: LinkedModule, i: number, ref: Reference): ElementNode | null => {
    const { id, span } = ref;
    const imported = m.imports.includes.bind(m.imports);
    const definition = global.get(id);
    if (ref.contractSpan) {
      // Drawn as a contract module reference whatever it names: contracts.ts reports a wrong name once.
      const target = definition === undefined ? modules[names.get(id) ?? -1] : undefined;
      m.away.set(id, { type: 'module', module: target?.name ?? id, description: target?.description ?? null, contract: true });
      return moduleNode(id, span);
    }
    if (definition !== undefined && definition.module !== i) {
      const owner = modules[definition.module]!;
      if (!imported(owner.name) && !serves(owner, m)) {
        const message = m.contract
          ? `${id} is an element of module ${owner.name}, which contract module ${m.name} neither imports nor is imported by; a contract module develops goals of the modules that import it from goals of the modules it imports`
          : `${id} is an element of module ${owner.name}, which ${m.name} does not import; add import ${owner.name}`;
        diagnostics.push({ code: 'GSN524', message, span, file: m.file });
      } else if (!(definition.node.modifiers ?? []).some((x) => x.name === 'public')) {
        diagnostics.push({
          code: 'GSN523',
          message: `${id} is an element of module ${owner.name} that is not public; mark it public there to reference it from ${m.name}`,
          span,
          file: m.file,
          related: [{ message: `${definition.node.kind} ${id} is defined here`, span: definition.node.idSpan, file: owner.file }],
        });
      }
      m.away.set(id, { type: 'element', module: owner.name, text: definition.node.text?.value ?? '' });
      return awayNode(definition.node, span);
    }
    const moduleIndex = definition === undefined ? names.get(id) : undefined;
    if (moduleIndex === undefined || moduleIndex === i) return null; // unresolved: the checker reports GSN202
    const target = modules[moduleIndex]!;
    if (target.contract) {
      diagnostics.push({ code: 'GSN532', message: `${id} is a contract module; write contract ${id} to reference it`, span, file: m.file });
    } else if (!imported(target.name)) {
      diagnostics.push({ code: 'GSN524', message: `${id} names module ${target.name}, which ${m.name} does not import; add import ${target.name}`, span, file: m.file });
    }
    m.away.set(id, { type: 'module', module: target.name, description: target.description, ...(target.contract ? { contract: true } : {}) });
    return moduleNode(id, span);
  };
  /** Whether `m` is a contract module that `owner` imports: it develops owner's goals. */
  const serves = (owner: LinkedModule, m: LinkedModule) => m.contract && owner.imports.includes(m.name);
  const contractReferences: ContractReference[] = [];
  /** Per contract module, the away goals it develops (gives links from). */
  const developed = modules.map(() => new Set<string>());
  modules.forEach((m, i) => {
    const local = locals[i]!;
    const synthetic: ElementNode[] = [];
    for (const { ref, from, owner } of references(m.document)) {
      const id = ref.id;
      if (!id) continue;
      if (ref.contractSpan) contractReferences.push({ module: i, ref, owner });
      if (local.has(id)) continue; // as `contract id`: reported by checkContractReferences
      if (!m.away.has(id)) {
        const node = resolveAway(m, i, ref);
        if (node) synthetic.push(node);
      }
      const away = m.away.get(id);
      if (!from || !away) continue;
      if (away.type === 'element' && serves(modules[names.get(away.module)!]!, m)) developed[i]!.add(id);
      else diagnostics.push({ code: 'GSN525', message: `${id} belongs to module ${away.module} and is developed there; it cannot be given links in ${m.name}`, span: ref.span, file: m.file });
    }
    if (synthetic.length > 0) m.document = { ...m.document, items: [...m.document.items, ...synthetic] };
  });
  checkContractReferences({ modules, names, locals, global, developed, references: contractReferences, diagnostics });
  return { modules, diagnostics };
}

/**
 * The file index an import names: by module name, or by path relative to the importing file
 * (matched against the files' names, normalised); null, with the diagnostic, when it names none.
 */
function importResolver(parsed: readonly ParsedModule[], names: Map<string, number>, diagnostics: StageDiagnostic[]) {
  const root = projectRoot(parsed[0]?.file ?? '');
  const byPath = new Map<string, number>();
  parsed.forEach((p, i) => {
    const key = normalizePath(p.file);
    if (!byPath.has(key)) byPath.set(key, i);
  });
  return (file: string, imp: ImportStatement): number | null => {
    const report = (code: string, message: string) => {
      diagnostics.push({ code, message, span: imp.nameSpan, file });
      return null;
    };
    if (imp.path === undefined) {
      const name = imp.name ?? '';
      return names.get(name) ?? report('GSN521', `no module ${name} is part of the project (the CLI looks for ${name}.gsn beside ${file})`);
    }
    const written = JSON.stringify(imp.path);
    const where = resolveImportPath(file, imp.path, root);
    if (!where.ok) {
      const home = root === '' ? 'the directory of the main file' : `${root}, the directory of the main file`;
      if (where.reason === 'empty') return report('GSN535', `import "" names no file; write the path of a .gsn file relative to ${file}`);
      if (where.reason === 'absolute') return report('GSN535', `import ${written} is an absolute path; write the path relative to ${file}, inside ${home}`);
      return report('GSN535', `import ${written} leads to ${where.path}, outside the project (${home}); a project's files stay inside its directory`);
    }
    return byPath.get(where.path) ?? report('GSN521', `no file ${where.path} is part of the project (import ${written} is read relative to ${file})`);
  };
}

/** Import cycles by depth-first search, in file order; each cycle once, at its closing import. */
function reportCycles(modules: LinkedModule[], names: Map<string, number>, spans: Map<string, Span>[], diagnostics: StageDiagnostic[]): void {
  const state = modules.map(() => 0); // 0 new, 1 on the path, 2 done
  const path: number[] = [];
  const visit = (i: number) => {
    state[i] = 1;
    path.push(i);
    for (const name of modules[i]!.imports) {
      const j = names.get(name)!;
      if (state[j] === 1) {
        const chain = [...path.slice(path.indexOf(j)), j].map((k) => modules[k]!.name).join(' -> ');
        diagnostics.push({ code: 'GSN522', message: `import cycle: ${chain}; modules form a hierarchy, so one of these imports must go`, span: spans[i]!.get(name)!, file: modules[i]!.file });
      } else if (state[j] === 0) visit(j);
    }
    path.pop();
    state[i] = 2;
  };
  modules.forEach((_m, i) => {
    if (state[i] === 0) visit(i);
  });
}

/**
 * Every bare ID written in the document: block references, link ends, challenge ends. `from`:
 * it is the source of a link; `owner`: the element whose block a block reference is in.
 */
function* references(doc: Document): Generator<{ ref: Reference; from: boolean; owner?: ElementNode }> {
  const stack: { item: TopItem | ChildItem; owner?: ElementNode }[] = [...doc.items].reverse().map((item) => ({ item }));
  while (stack.length > 0) {
    const { item, owner } = stack.pop()!;
    if (!item) continue;
    if (item.type === 'reference') yield { ref: item, from: false, owner };
    else if (item.type === 'link') {
      if (item.from) yield { ref: item.from, from: true };
      for (const to of item.to ?? []) if (to) yield { ref: to, from: false };
    } else if (item.type === 'challenge') {
      if (item.from) yield { ref: item.from, from: false };
      for (const t of item.targets ?? []) {
        if (t.type === 'element') yield { ref: t.element, from: false };
        else {
          yield { ref: t.from, from: false };
          yield { ref: t.to, from: false };
        }
      }
    } else if (item.type === 'element') {
      for (let k = (item.children ?? []).length - 1; k >= 0; k--) stack.push({ item: item.children[k]!, owner: item });
    }
  }
}

/** An away element: the original's kind and text, at the span of the first reference to it. */
function awayNode(original: ElementNode, span: Span): ElementNode {
  return {
    type: 'element',
    kind: original.kind,
    kindSpan: span,
    modifiers: [],
    id: original.id,
    idSpan: span,
    text: null, // checked in its own module; the model gets it back (compile-project.ts)
    annotations: [],
    children: [],
    span,
  };
}

/** A module reference: drawn with the module shape, the module's description as its text. */
function moduleNode(name: string, span: Span): ElementNode {
  return { type: 'element', kind: 'goal', kindSpan: span, modifiers: [], id: name, idSpan: span, text: null, annotations: [], children: [], span };
}
