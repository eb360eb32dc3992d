/**
 * gsn2x YAML import: one or several gsn2x files (github.com/jonasthewolf/gsn2x) become one gsnc
 * Document, the same AST the parser builds from .gsn text, so the whole checker applies. Spans
 * point into the YAML (see sources.ts for several files), so every diagnostic, including the
 * checker's, names `file:line:col` in the YAML. emit.ts writes the same AST back as .gsn text.
 *
 * The mapping (README.md, "gsn2x YAML"):
 * - the map key is the ID; the type comes from `nodeType` or the ID's prefix (CG, G, CSn, Sn,
 *   S, C, A, J, in that order, as gsn2x tests them); CG/CSn are `counter goal`/`counter solution`;
 * - `text` is the element's text, gsn2x markup turned into gsnc's (markup.ts);
 * - `supportedBy`, `inContextOf`: the block's children, contexts first. A child is nested under
 *   its first parent in the same file when that parent may have it (a goal or strategy, not
 *   undeveloped, counter under counter only) and the link is not defeated; otherwise it is a
 *   bare ID and the element is defined where it can be;
 * - `undeveloped: true`, `defeated: true`: the modifiers; `defeatedRelation: X` is `defeated X`
 *   (or `defeated challenges X`); `challenges: X` / `X -> Y` is `challenges ...` in the block;
 * - `url` is `@url`, `classes` is `@class`, `acp: {ACP1: [S1]}` is `@acp(ACP1, S1)` (no target
 *   when it names the element itself), any other key with a text value is a layer, kept as
 *   `@layer(name, "text")`;
 * - `module: {name, brief}` is the module header; `uses` files are compiled with the file;
 *   `extends: [{module, develops: {G1: [G2]}}]` links G1 -> G2 and G1 is no longer undeveloped.
 *   When the files also make a gsnc project (see projectImports), `uses` is written as
 *   `import "file.gsn"` and the elements other files reference are `public`;
 * - `horizontalIndex` reorders the supporters of each parent (gsnc draws them left to right in
 *   the order written); `rankIncrement`, `charWrap` and what horizontalIndex cannot express are
 *   GSN610 notes.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document as YamlDocument } from 'yaml';
import type { Span, StageDiagnostic } from '../diagnostics/types.js';
import { resolveLimits, type Limits } from '../limits.js';
import {
  CONTEXT_KINDS,
  SUPPORT_KINDS,
  type Annotation,
  type AnnotationArg,
  type ChallengeStatement,
  type ChallengeTarget,
  type Document,
  type ElementKind,
  type ElementNode,
  type ImportStatement,
  type LinkStatement,
  type Modifier,
  type ModuleHeader,
  type Reference,
  type TextString,
  type TopItem,
} from '../syntax/ast.js';
import { tokenize } from '../syntax/lexer.js';
import { Identifier } from '../syntax/tokens.js';
import { convertMarkup } from './markup.js';
import { SourceSet } from './sources.js';
import { dirnameOf, normalizePath } from './uses.js';

export interface Gsn2xFile {
  /** Name used in diagnostics (and to resolve `uses`); never read from disk here. */
  name: string;
  text: string;
}

export interface Gsn2xImportOptions {
  limits?: Partial<Limits>;
}

/** One input file, as emit.ts writes it back. */
export interface ImportedFile {
  name: string;
  module: ModuleHeader | null;
  /** Modular extension: `uses` as `import "file.gsn"`, when the files make a gsnc project (absent otherwise). */
  imports?: ImportStatement[];
  /** Lines of comment written after the module header: gsn2x module facts gsnc cannot state yet. */
  moduleNotes: string[];
  /** This file's top-level items: a slice of the case's document, in order. */
  items: TopItem[];
  /** Comment lines written just before an element: what gsn2x said that gsnc does not draw. */
  notes: Map<ElementNode, string[]>;
  /** False when the file could not be read (a YAML error, not a map). */
  readable: boolean;
}

export interface Gsn2xImport {
  /** All files as one case; the module header is the first file's. */
  document: Document;
  /** Maps the document's spans (offsets into the files laid end to end) back to files. */
  sources: SourceSet;
  files: ImportedFile[];
  /** What the import found (GSN6xx), spans in the same offset space as the document. */
  diagnostics: StageDiagnostic[];
}

// ---------------------------------------------------------------------------------------------
// What one file says, before the case is put together.

interface Ref {
  id: string;
  span: Span;
}

interface RawChallenge {
  target: { type: 'element'; ref: Ref } | { type: 'relation'; from: Ref; to: Ref };
  span: Span;
  defeated: Span | null;
}

interface RawElement {
  file: number;
  id: string;
  idSpan: Span;
  span: Span;
  kind: ElementKind;
  counter: boolean;
  kindSpan: Span;
  text: TextString;
  undeveloped: Span | null;
  defeated: Span | null;
  supportedBy: (Ref & { defeated?: Span })[];
  inContextOf: (Ref & { defeated?: Span })[];
  challenges: RawChallenge[];
  defeatedRelation: Ref[];
  annotations: Annotation[];
  horizontalIndex: { relative: number | null; absolute: number | 'last' | null; span: Span } | null;
  notes: string[];
  /** Set by `extends ... develops`: the module whose element develops this one. */
  developedBy: string | null;
}

interface RawModule {
  name: string | null;
  nameSpan: Span;
  brief: TextString | null;
  uses: Ref[];
  extends: { module: Ref; develops: { foreign: Ref; local: Ref[] }[] }[];
  span: Span;
  notes: string[];
}

interface RawFile {
  name: string;
  base: number;
  text: string;
  readable: boolean;
  module: RawModule | null;
  elements: RawElement[];
}

const PREFIXES: ReadonlyArray<readonly [string, ElementKind, boolean]> = [
  ['CG', 'goal', true],
  ['G', 'goal', false],
  ['CSn', 'solution', true],
  ['Sn', 'solution', false],
  ['S', 'strategy', false],
  ['C', 'context', false],
  ['A', 'assumption', false],
  ['J', 'justification', false],
];

const NODE_TYPES = new Map<string, readonly [ElementKind, boolean]>([
  ['Goal', ['goal', false]],
  ['Strategy', ['strategy', false]],
  ['Solution', ['solution', false]],
  ['Context', ['context', false]],
  ['Assumption', ['assumption', false]],
  ['Justification', ['justification', false]],
  ['CounterGoal', ['goal', true]],
  ['CounterSolution', ['solution', true]],
]);

/** How deep elements are nested in the written .gsn; deeper ones are defined at the top. */
const MAX_NESTING = 100;

/** Converts gsn2x files into one gsnc case. Never throws on bad input: problems are diagnostics. */
export function importGsn2x(files: readonly Gsn2xFile[], options: Gsn2xImportOptions = {}): Gsn2xImport {
  const limits = resolveLimits(options.limits);
  const sources = new SourceSet();
  const diagnostics: StageDiagnostic[] = [];
  const raws: RawFile[] = [];
  let elementCount = 0;
  for (const file of files) {
    const text = typeof file.text === 'string' ? file.text : String(file.text);
    const base = sources.add(file.name, text);
    if (text.length > limits.maxInputLength) {
      diagnostics.push({ code: 'GSN901', message: `the input is ${text.length} characters long; the limit is ${limits.maxInputLength} (set limits.maxInputLength to raise it)`, span: { start: base, end: base } });
      raws.push({ name: file.name, base, text, readable: false, module: null, elements: [] });
      continue;
    }
    const raw = new FileReader(file.name, text, base, diagnostics).read(limits.maxElements - elementCount);
    elementCount += raw.elements.length;
    raws.push(raw);
  }
  return new CaseBuilder(raws, sources, diagnostics).build();
}

// ---------------------------------------------------------------------------------------------
// Reading one file.

type YNode = unknown;

class FileReader {
  private doc: YamlDocument | null = null;

  constructor(
    private readonly name: string,
    private readonly text: string,
    private readonly base: number,
    private readonly diagnostics: StageDiagnostic[],
  ) {}

  read(budget: number): RawFile {
    const file: RawFile = { name: this.name, base: this.base, text: this.text, readable: false, module: null, elements: [] };
    const doc = parseDocument(this.text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
    this.doc = doc;
    if (doc.errors.length > 0) {
      for (const e of doc.errors.slice(0, 100)) {
        const [start, end] = e.pos ?? [0, 0];
        this.report('GSN601', `${e.message.replace(/\s+at line \d+, column \d+[\s\S]*$/, '')} (YAML ${e.code})`, { start, end: Math.max(start, end) });
      }
      return file;
    }
    const contents = this.deref(doc.contents);
    if (contents === null || (isScalar(contents) && contents.value === null)) {
      file.readable = true; // an empty file: no elements
      return file;
    }
    if (!isMap(contents)) {
      this.report('GSN603', 'a gsn2x file is a map from element IDs to elements (and an optional module: entry)', this.range(contents));
      return file;
    }
    file.readable = true;
    for (const pair of contents.items) {
      const key = this.deref(pair.key);
      const keySpan = this.range(key);
      const id = isScalar(key) ? String(key.value) : null;
      if (id === null) {
        this.report('GSN603', 'an element key must be a plain ID such as G1', keySpan);
        continue;
      }
      const value = this.deref(pair.value);
      if (id === 'module') {
        file.module = this.module(value, keySpan);
        continue;
      }
      if (file.elements.length >= budget) {
        this.report('GSN903', 'the case has more elements than limits.maxElements allows (set limits.maxElements to raise it)', keySpan);
        break;
      }
      const element = this.element(id, keySpan, value);
      if (element) file.elements.push(element);
    }
    return file;
  }

  // --- elements --------------------------------------------------------------------------

  private element(id: string, idSpan: Span, value: YNode): RawElement | null {
    const span = { start: idSpan.start, end: Math.max(idSpan.end, this.range(value).end) };
    if (!isGsncId(id)) {
      this.report('GSN605', `${JSON.stringify(id)} cannot be a gsnc ID: an ID is a letter or _, then letters, digits, _ or . (and not a keyword such as goal)`, idSpan);
      return null;
    }
    const keys = new Map<string, { key: Span; value: YNode; pair: Span }>();
    if (isMap(value)) {
      for (const pair of value.items) {
        const k = this.deref(pair.key);
        const v = this.deref(pair.value);
        const keySpan = this.range(k);
        if (!isScalar(k)) {
          this.report('GSN603', `the keys of element ${id} must be names such as text or supportedBy`, keySpan);
          continue;
        }
        keys.set(String(k.value), { key: keySpan, value: v, pair: { start: keySpan.start, end: Math.max(keySpan.end, this.range(v).end) } });
      }
    } else if (!(value === null || (isScalar(value) && value.value === null))) {
      this.report('GSN603', `element ${id} must be a map of keys (text, supportedBy, inContextOf, ...), or {} for none`, this.range(value));
      return null;
    }

    // Type: nodeType, else the ID's prefix.
    let kind: ElementKind | null = null;
    let counter = false;
    let kindSpan = idSpan;
    const nodeType = keys.get('nodeType');
    if (nodeType) {
      const name = this.string(nodeType.value);
      const known = name === null ? undefined : NODE_TYPES.get(name);
      if (!known) {
        this.report('GSN602', `unknown nodeType ${name === null ? '' : JSON.stringify(name)} for ${id}; gsn2x knows ${[...NODE_TYPES.keys()].join(', ')}`, this.range(nodeType.value));
        return null;
      }
      [kind, counter] = known;
      kindSpan = this.range(nodeType.value);
    } else {
      const prefix = PREFIXES.find(([p]) => id.startsWith(p));
      if (!prefix) {
        this.report('GSN602', `${id} has no type: its ID starts with none of gsn2x's prefixes (G, S, Sn, C, A, J, CG, CSn), and it has no nodeType`, idSpan);
        return null;
      }
      [, kind, counter] = prefix;
    }

    const element: RawElement = {
      file: -1,
      id,
      idSpan,
      span,
      kind,
      counter,
      kindSpan,
      text: { value: '', span: idSpan }, // as the notation writes it: "" when gsn2x has no text
      undeveloped: null,
      defeated: null,
      supportedBy: [],
      inContextOf: [],
      challenges: [],
      defeatedRelation: [],
      annotations: [],
      horizontalIndex: null,
      notes: [],
      developedBy: null,
    };
    const layers: Annotation[] = [];
    const acps: Annotation[] = [];
    let url: Annotation | null = null;
    let classes: Annotation | null = null;
    for (const [name, entry] of keys) {
      switch (name) {
        case 'nodeType':
          break;
        case 'text': {
          const text = this.text_(entry.value, `the text of ${id}`);
          if (text !== null) element.text = { value: convertMarkup(trimEnd(text)), span: this.range(entry.value) };
          break;
        }
        case 'supportedBy':
          element.supportedBy = this.ids(entry.value, `supportedBy of ${id}`);
          break;
        case 'inContextOf':
          element.inContextOf = this.ids(entry.value, `inContextOf of ${id}`);
          break;
        case 'undeveloped':
          if (this.flag(entry.value, `undeveloped of ${id}`)) element.undeveloped = entry.pair;
          break;
        case 'defeated':
          if (this.flag(entry.value, `defeated of ${id}`)) element.defeated = entry.pair;
          break;
        case 'defeatedRelation':
          element.defeatedRelation = this.ids(entry.value, `defeatedRelation of ${id}`);
          break;
        case 'challenges':
          element.challenges = this.challenges(entry.value, id);
          break;
        case 'url': {
          const value = this.text_(entry.value, `the url of ${id}`);
          if (value !== null) url = annotation('url', entry.key, entry.pair, [{ type: 'string', value, span: this.range(entry.value) }]);
          break;
        }
        case 'classes': {
          const items = this.strings(entry.value, `classes of ${id}`);
          if (items.length > 0) classes = annotation('class', entry.key, entry.pair, items.map((c) => nameArg(c.value, c.span)));
          break;
        }
        case 'acp':
          for (const a of this.acps(entry.value, id)) acps.push(a);
          break;
        case 'horizontalIndex':
          element.horizontalIndex = this.horizontalIndex(entry.value, id);
          break;
        case 'rankIncrement': {
          const n = this.integer(entry.value, `rankIncrement of ${id}`);
          if (n !== null) {
            this.report('GSN610', `rankIncrement is not applied: gsnc's layout ranks elements by their links (${id} keeps its rank)`, entry.pair);
            element.notes.push(`gsn2x: rankIncrement: ${n} (not applied)`);
          }
          break;
        }
        case 'charWrap': {
          const n = this.integer(entry.value, `charWrap of ${id}`);
          if (n !== null) {
            this.report('GSN610', `charWrap is not applied: gsnc wraps text by its measured width`, entry.pair);
            element.notes.push(`gsn2x: charWrap: ${n} (not applied)`);
          }
          break;
        }
        default: {
          // Any other key is a layer when its value is text (gsn2x shows layers on request).
          const value = this.deref(entry.value);
          if (isScalar(value) && value.value !== null && typeof value.value !== 'object') {
            layers.push(annotation('layer', entry.key, entry.pair, [nameArg(name, entry.key), { type: 'string', value: trimEnd(String(value.value)), span: this.range(value) }]));
          } else {
            this.report('GSN611', `${name} of ${id} is not text, so it is not kept as a layer`, entry.pair);
          }
        }
      }
    }
    if (url) element.annotations.push(url);
    if (classes) element.annotations.push(classes);
    for (const a of acps) element.annotations.push(a);
    for (const a of layers) element.annotations.push(a);
    return element;
  }

  private challenges(value: YNode, id: string): RawChallenge[] {
    const found: RawChallenge[] = [];
    for (const item of this.strings(value, `challenges of ${id}`)) {
      const arrow = item.value.indexOf('->');
      if (arrow < 0) {
        const ref = this.ref(item.value.trim(), item.span);
        if (ref) found.push({ target: { type: 'element', ref }, span: item.span, defeated: null });
        continue;
      }
      const left = item.value.slice(0, arrow).trim();
      const right = item.value.slice(arrow + 2).trim();
      const from = this.ref(left, this.within(item.span, left));
      const to = this.ref(right, this.within(item.span, right, arrow));
      if (from && to) found.push({ target: { type: 'relation', from, to }, span: item.span, defeated: null });
    }
    return found;
  }

  private acps(value: YNode, id: string): Annotation[] {
    const node = this.deref(value);
    if (!isMap(node)) {
      this.report('GSN603', `acp of ${id} must map each assurance claim point's name to the ID (or list of IDs) it sits on`, this.range(node));
      return [];
    }
    const found: Annotation[] = [];
    for (const pair of node.items) {
      const key = this.deref(pair.key);
      const keySpan = this.range(key);
      const name = isScalar(key) ? String(key.value) : '';
      if (!isGsncId(name)) {
        this.report('GSN605', `${JSON.stringify(name)} cannot be an assurance claim point name: a name is an ID such as ACP1`, keySpan);
        continue;
      }
      const targets = this.ids(pair.value, `acp ${name} of ${id}`);
      const pairSpan = { start: keySpan.start, end: Math.max(keySpan.end, this.range(this.deref(pair.value)).end) };
      // An ACP naming its own element sits on the element: @acp(ACP6).
      const onLinks = targets.length === 1 && targets[0]!.id === id ? [] : targets;
      const args: AnnotationArg[] = [{ type: 'identifier', value: name, span: keySpan }, ...onLinks.map((t) => ({ type: 'identifier' as const, value: t.id, span: t.span }))];
      found.push(annotation('acp', keySpan, pairSpan, args));
    }
    return found;
  }

  private horizontalIndex(value: YNode, id: string): RawElement['horizontalIndex'] {
    const node = this.deref(value);
    const span = this.range(node);
    const bad = () => {
      this.report('GSN603', `horizontalIndex of ${id} is written {relative: N} or {absolute: N} (absolute: last for the end)`, span);
      return null;
    };
    if (!isMap(node) || node.items.length !== 1) return bad();
    const pair = node.items[0]!;
    const key = this.deref(pair.key);
    const v = this.deref(pair.value);
    const which = isScalar(key) ? String(key.value) : '';
    if (which === 'relative') {
      const n = isScalar(v) ? Number(v.value) : NaN;
      return Number.isInteger(n) ? { relative: n, absolute: null, span } : bad();
    }
    if (which === 'absolute') {
      if (isScalar(v) && v.value === 'last') return { relative: null, absolute: 'last', span };
      const n = isScalar(v) ? Number(v.value) : NaN;
      return Number.isInteger(n) && n >= 0 ? { relative: null, absolute: n, span } : bad();
    }
    return bad();
  }

  // --- the module entry ------------------------------------------------------------------

  private module(value: YNode, keySpan: Span): RawModule | null {
    const span = { start: keySpan.start, end: Math.max(keySpan.end, this.range(value).end) };
    if (!isMap(value)) {
      this.report('GSN603', 'module: is a map with name, and optionally brief, uses, extends and stylesheets', this.range(value));
      return null;
    }
    const module: RawModule = { name: null, nameSpan: keySpan, brief: null, uses: [], extends: [], span, notes: [] };
    for (const pair of value.items) {
      const k = this.deref(pair.key);
      const v = this.deref(pair.value);
      const key = isScalar(k) ? String(k.value) : '';
      const kSpan = this.range(k);
      const pairSpan = { start: kSpan.start, end: Math.max(kSpan.end, this.range(v).end) };
      switch (key) {
        case 'name': {
          const name = this.text_(v, 'the module name');
          if (name !== null) {
            module.name = name;
            module.nameSpan = this.range(v);
          }
          break;
        }
        case 'brief': {
          const brief = this.text_(v, 'the module brief');
          if (brief !== null) module.brief = { value: trimEnd(brief), span: this.range(v) };
          break;
        }
        case 'uses':
          for (const s of this.strings(v, 'uses of the module')) module.uses.push({ id: s.value, span: s.span });
          break;
        case 'extends':
          module.extends = this.extendsList(v);
          break;
        case 'stylesheets':
          this.report('GSN611', 'stylesheets are not carried over: style the SVG with your own CSS (gsnc writes @class names as classes) or a --theme', pairSpan);
          module.notes.push(`gsn2x stylesheets: ${this.strings(v, 'stylesheets').map((s) => s.value).join(', ')} (not applied)`);
          break;
        case 'rankIncrement':
        case 'horizontalIndex':
        case 'charWrap':
          this.report('GSN610', `the module's ${key} is not applied: gsnc lays out the whole case at once`, pairSpan);
          break;
        default:
          this.report('GSN611', `the module key ${key} has no gsnc meaning and is not carried over`, pairSpan);
      }
    }
    if (module.name === null) {
      this.report('GSN603', 'module: needs a name', keySpan);
      return null;
    }
    return module;
  }

  private extendsList(value: YNode): RawModule['extends'] {
    const found: RawModule['extends'] = [];
    const node = this.deref(value);
    if (!isSeq(node)) {
      this.report('GSN603', 'extends is a list of {module: NAME, develops: {ID: [IDs]}}', this.range(node));
      return found;
    }
    for (const raw of node.items) {
      const item = this.deref(raw);
      if (!isMap(item)) {
        this.report('GSN603', 'each extends entry is {module: NAME, develops: {ID: [IDs]}}', this.range(item));
        continue;
      }
      let module: Ref | null = null;
      const develops: { foreign: Ref; local: Ref[] }[] = [];
      for (const pair of item.items) {
        const k = this.deref(pair.key);
        const v = this.deref(pair.value);
        const key = isScalar(k) ? String(k.value) : '';
        if (key === 'module') {
          const name = this.text_(v, 'the extended module');
          if (name !== null) module = { id: name, span: this.range(v) };
        } else if (key === 'develops') {
          if (!isMap(v)) {
            this.report('GSN603', 'develops maps an undeveloped element of the extended module to the IDs that develop it', this.range(v));
            continue;
          }
          for (const d of v.items) {
            const dk = this.deref(d.key);
            const foreign = this.ref(isScalar(dk) ? String(dk.value) : '', this.range(dk));
            if (foreign) develops.push({ foreign, local: this.ids(d.value, `develops ${foreign.id}`) });
          }
        } else {
          this.report('GSN611', `the extends key ${key} has no gsnc meaning and is not carried over`, this.range(k));
        }
      }
      if (module) found.push({ module, develops });
      else this.report('GSN603', 'an extends entry needs module: NAME', this.range(item));
    }
    return found;
  }

  // --- values ----------------------------------------------------------------------------

  private deref(node: YNode): YNode {
    if (node === undefined || node === null) return null;
    if (isAlias(node)) return this.doc ? ((node.resolve(this.doc) as YNode) ?? null) : null;
    return node;
  }

  /** The source range of a node, as a case span; an empty span at the file start when unknown. */
  private range(node: YNode): Span {
    const r = (node as { range?: [number, number, number] } | null)?.range;
    if (!r) return { start: this.base, end: this.base };
    return { start: this.base + r[0], end: this.base + Math.max(r[0], r[1]) };
  }

  /** A span for `part` inside the scalar at `span`, found in the source; the whole span if not found. */
  private within(span: Span, part: string, from = 0): Span {
    const source = this.text.slice(span.start - this.base, span.end - this.base);
    const at = source.indexOf(part, from);
    if (at < 0 || part === '') return span;
    return { start: span.start + at, end: span.start + at + part.length };
  }

  private report(code: string, message: string, span: Span): void {
    this.diagnostics.push({ code, message, span });
  }

  private string(value: YNode): string | null {
    const node = this.deref(value);
    return isScalar(node) && typeof node.value === 'string' ? node.value : null;
  }

  /** Text: a string, or a number or boolean written as text. */
  private text_(value: YNode, what: string): string | null {
    const node = this.deref(value);
    if (isScalar(node) && node.value !== null && typeof node.value !== 'object') return String(node.value);
    if (isScalar(node) && node.value === null) return null;
    this.report('GSN603', `${what} must be text`, this.range(node));
    return null;
  }

  private flag(value: YNode, what: string): boolean {
    const node = this.deref(value);
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.report('GSN603', `${what} must be true or false`, this.range(node));
    return false;
  }

  private integer(value: YNode, what: string): number | null {
    const node = this.deref(value);
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) return node.value;
    this.report('GSN603', `${what} must be a whole number`, this.range(node));
    return null;
  }

  /** A string or a list of strings, each with its span. */
  private strings(value: YNode, what: string): { value: string; span: Span }[] {
    const node = this.deref(value);
    if (node === null || (isScalar(node) && node.value === null)) return [];
    if (isScalar(node) && node.value !== null && typeof node.value !== 'object') return [{ value: String(node.value), span: this.range(node) }];
    if (isSeq(node)) {
      const found: { value: string; span: Span }[] = [];
      for (const raw of node.items) {
        const item = this.deref(raw);
        if (isScalar(item) && item.value !== null && typeof item.value !== 'object') found.push({ value: String(item.value), span: this.range(item) });
        else this.report('GSN603', `each entry of ${what} must be a single ID or name`, this.range(item));
      }
      return found;
    }
    this.report('GSN603', `${what} must be an ID or a list of IDs`, this.range(node));
    return [];
  }

  private ids(value: YNode, what: string): Ref[] {
    const found: Ref[] = [];
    for (const s of this.strings(value, what)) {
      const ref = this.ref(s.value.trim(), s.span);
      if (ref) found.push(ref);
    }
    return found;
  }

  private ref(id: string, span: Span): Ref | null {
    if (isGsncId(id)) return { id, span };
    this.report('GSN605', `${JSON.stringify(id)} cannot be a gsnc ID: an ID is a letter or _, then letters, digits, _ or . (and not a keyword such as goal)`, span);
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Putting the case together.

class CaseBuilder {
  private readonly byId = new Map<string, RawElement>();
  private readonly modules = new Map<string, number>();
  /** Modular extension: the files each file uses, when the files make a gsnc project; else null. */
  private project: Map<number, ImportStatement[]> | null = null;
  /** The elements referenced from another file: `public` in a project. */
  private readonly referencedAcross = new Set<string>();

  constructor(
    private readonly files: RawFile[],
    private readonly sources: SourceSet,
    private readonly diagnostics: StageDiagnostic[],
  ) {}

  build(): Gsn2xImport {
    this.files.forEach((file, i) => {
      for (const e of file.elements) {
        e.file = i;
        if (!this.byId.has(e.id)) this.byId.set(e.id, e); // a duplicate is the checker's GSN201
      }
      const name = file.module?.name;
      if (name && !this.modules.has(name)) this.modules.set(name, i);
    });
    this.checkRelationKinds();
    this.orientChallenges();
    this.applyDefeatedRelations();
    const developLinks = this.applyExtends();
    this.checkUses();
    this.applyHorizontalIndexes();
    this.project = this.projectImports();

    const imported: ImportedFile[] = this.files.map((file, i) => this.fileItems(file, developLinks.get(i) ?? []));
    const items: TopItem[] = [];
    for (const f of imported) for (const item of f.items) items.push(item);
    const first = imported[0]?.module ?? null;
    const document: Document = { type: 'document', module: first, items, span: { start: 0, end: this.sources.length } };
    return { document, sources: this.sources, files: imported, diagnostics: this.diagnostics };
  }

  private report(code: string, message: string, span: Span): void {
    this.diagnostics.push({ code, message, span });
  }

  /** gsn2x's V04: supportedBy lists goals, strategies and solutions; inContextOf the others. */
  private checkRelationKinds(): void {
    for (const file of this.files) {
      for (const e of file.elements) {
        for (const ref of e.supportedBy) {
          const target = this.byId.get(ref.id);
          if (target && !SUPPORT_KINDS.has(target.kind)) this.report('GSN603', `${ref.id} is a ${target.kind}, so it belongs under inContextOf of ${e.id}, not supportedBy`, ref.span);
        }
        for (const ref of e.inContextOf) {
          const target = this.byId.get(ref.id);
          if (target && !CONTEXT_KINDS.has(target.kind)) this.report('GSN603', `${ref.id} is a ${target.kind}, so it belongs under supportedBy of ${e.id}, not inContextOf`, ref.span);
        }
      }
    }
  }

  /**
   * gsn2x names a challenge by the two elements it joins, in either order (`challenges: G2 ->
   * CG1` on CCSn1 attacks CG1's challenge of G2); gsnc names it from challenger to challenged.
   */
  private orientChallenges(): void {
    for (const file of this.files) {
      for (const e of file.elements) {
        for (const c of e.challenges) {
          if (c.target.type !== 'relation') continue;
          const { from, to } = c.target;
          if (this.hasRelation(from.id, to.id)) continue;
          if (this.hasRelation(to.id, from.id)) c.target = { type: 'relation', from: to, to: from };
        }
      }
    }
  }

  /** A link or an element challenge from `from` to `to`. */
  private hasRelation(from: string, to: string): boolean {
    const e = this.byId.get(from);
    if (!e) return false;
    return (
      e.supportedBy.some((r) => r.id === to) ||
      e.inContextOf.some((r) => r.id === to) ||
      e.challenges.some((c) => c.target.type === 'element' && c.target.ref.id === to)
    );
  }

  /** `defeatedRelation: X` on N: the link N -> X, or N's challenge of X, is defeated (gsn2x V13). */
  private applyDefeatedRelations(): void {
    for (const file of this.files) {
      for (const e of file.elements) {
        for (const ref of e.defeatedRelation) {
          const links = [...e.supportedBy, ...e.inContextOf].filter((r) => r.id === ref.id);
          const challenges = e.challenges.filter((c) => c.target.type === 'element' && c.target.ref.id === ref.id);
          for (const l of links) l.defeated = ref.span;
          for (const c of challenges) c.defeated = ref.span;
          if (links.length === 0 && challenges.length === 0) {
            this.report('GSN603', `defeatedRelation names ${ref.id}, but ${e.id} has no link to ${ref.id} and does not challenge it`, ref.span);
          }
        }
      }
    }
  }

  /**
   * `extends: [{module: M, develops: {G1: [G2]}}]`: G1, an undeveloped element of module M, is
   * supported by G2 of this module (gsn2x's extend_modules). Returns the links per file.
   */
  private applyExtends(): Map<number, LinkStatement[]> {
    const links = new Map<number, LinkStatement[]>();
    this.files.forEach((file, i) => {
      for (const ext of file.module?.extends ?? []) {
        const owner = this.modules.get(ext.module.id);
        if (owner === undefined) {
          this.report('GSN604', `module ${ext.module.id} is extended here but is not among the files compiled together (${this.moduleList()})`, ext.module.span);
          continue;
        }
        for (const d of ext.develops) {
          const foreign = this.byId.get(d.foreign.id);
          if (!foreign || foreign.file !== owner) {
            this.report('GSN604', `module ${ext.module.id} defines no element ${d.foreign.id} to develop`, d.foreign.span);
            continue;
          }
          if (!foreign.undeveloped) {
            this.report('GSN604', `${d.foreign.id} in module ${ext.module.id} is not undeveloped, so module ${file.module?.name ?? file.name} cannot develop it`, d.foreign.span);
            continue;
          }
          if (d.local.length === 0) continue;
          foreign.undeveloped = null;
          foreign.developedBy = file.module?.name ?? file.name;
          foreign.notes.push(`gsn2x: undeveloped in module ${ext.module.id}, developed by module ${foreign.developedBy} (extends)`);
          const from: Reference = { type: 'reference', id: d.foreign.id, span: d.foreign.span };
          const to: Reference[] = d.local.map((r) => ({ type: 'reference', id: r.id, span: r.span }));
          const link: LinkStatement = { type: 'link', from, to, span: union([from.span, ...to.map((t) => t.span)]) };
          const list = links.get(i) ?? [];
          list.push(link);
          links.set(i, list);
        }
      }
    });
    return links;
  }

  private moduleList(): string {
    const names = [...this.modules.keys()];
    return names.length === 0 ? 'no file names a module' : `modules: ${names.join(', ')}`;
  }

  /** `uses: [sub1.gsn.yaml]`: the used files must be compiled with this one. */
  private checkUses(): void {
    const names = this.files.map((f) => normalizePath(f.name));
    this.files.forEach((file) => {
      for (const used of file.module?.uses ?? []) {
        const wanted = normalizePath(joinPath(dirnameOf(file.name), used.id));
        const found = names.includes(wanted) || this.modules.has(used.id) || names.some((n) => basenameOf(n) === basenameOf(wanted));
        if (!found) this.report('GSN604', `${used.id} is used by this module but is not among the files compiled together; give it as an input too`, used.span);
      }
    });
  }

  /**
   * Modular extension: the `uses` of each file as gsnc imports, when the files also make a gsnc
   * project; null when they do not (the uses stay a comment, and the files are compiled
   * together). gsn2x lets any file reference any element of the set, in any direction; a gsnc
   * module references only elements of the modules it imports, without cycles, and `extends`
   * would develop another module's goal (GSN525). So: no extends, every use resolved, every
   * reference across files into a file this one uses, no cycle, distinct module names.
   */
  private projectImports(): Map<number, ImportStatement[]> | null {
    if (!this.files.some((f) => (f.module?.uses.length ?? 0) > 0)) return null;
    if (this.files.some((f) => !f.readable || (f.module?.extends.length ?? 0) > 0)) return null;
    const index = new Map(this.files.map((f, i) => [normalizePath(f.name), i]));
    const uses = this.files.map(() => new Set<number>());
    const imports = new Map<number, ImportStatement[]>();
    for (const [i, file] of this.files.entries()) {
      for (const used of file.module?.uses ?? []) {
        const j = index.get(normalizePath(joinPath(dirnameOf(file.name), used.id)));
        if (j === undefined || j === i) return null;
        uses[i]!.add(j);
        const path = gsnFileName(used.id);
        imports.set(i, [...(imports.get(i) ?? []), { type: 'import', name: null, path, nameSpan: used.span, span: used.span }]);
      }
    }
    const across = new Set<string>();
    for (const [i, file] of this.files.entries()) {
      for (const e of file.elements) {
        if (this.byId.get(e.id) !== e) continue;
        const refs = [...childRefs(e).map((c) => c.ref), ...e.challenges.flatMap((c) => (c.target.type === 'element' ? [c.target.ref] : [c.target.from, c.target.to]))];
        for (const ref of refs) {
          const target = this.byId.get(ref.id);
          if (!target || target.file === i) continue;
          if (!uses[i]!.has(target.file)) return null;
          across.add(ref.id);
        }
      }
    }
    const names = this.files.map((f) => (f.module?.name ? toIdentifier(f.module.name) : fileStem(f.name)));
    if (new Set(names).size !== names.length || hasCycle(uses)) return null;
    for (const id of across) this.referencedAcross.add(id);
    return imports;
  }

  /**
   * gsn2x's horizontalIndex moves an element within its rank. gsnc draws the supporters of an
   * element left to right in the order written, so the index is applied there: relative moves
   * it among its siblings, absolute puts it at that place (last: at the end), under each parent.
   */
  private applyHorizontalIndexes(): void {
    const parents = new Map<string, RawElement[]>();
    const contextOf = new Set<string>();
    for (const file of this.files) {
      for (const e of file.elements) {
        for (const r of e.supportedBy) {
          const list = parents.get(r.id) ?? [];
          if (!list.includes(e)) list.push(e);
          parents.set(r.id, list);
        }
        for (const r of e.inContextOf) contextOf.add(r.id);
      }
    }
    for (const file of this.files) {
      for (const e of file.elements) {
        const hint = e.horizontalIndex;
        if (!hint) continue;
        const written = hint.relative !== null ? `relative: ${hint.relative}` : `absolute: ${hint.absolute}`;
        const under = parents.get(e.id) ?? [];
        const withSiblings = under.filter((p) => p.supportedBy.length > 1);
        if (withSiblings.length === 0) {
          const why = under.length > 0 ? `${e.id} is its parent's only supporter` : contextOf.has(e.id) ? `${e.id} is drawn beside the element it is the context of` : `no element lists ${e.id} under supportedBy`;
          this.report('GSN610', `horizontalIndex is not applied: gsnc orders only the supporters of one element, and ${why}`, hint.span);
          e.notes.push(`gsn2x: horizontalIndex: {${written}} (not applied)`);
          continue;
        }
        for (const p of withSiblings) moveRef(p.supportedBy, e.id, hint.relative, hint.absolute);
        e.notes.push(`gsn2x: horizontalIndex: {${written}} (applied as the order under ${withSiblings.map((p) => p.id).join(', ')})`);
      }
    }
  }

  // --- the AST of one file ---------------------------------------------------------------

  private fileItems(file: RawFile, links: LinkStatement[]): ImportedFile {
    const notes = new Map<ElementNode, string[]>();
    const module = file.module && file.module.name !== null ? this.header(file.module) : null;
    const moduleNotes: string[] = [];
    const imports = this.project?.get(this.files.indexOf(file));
    if (file.module) {
      if (module && module.name !== file.module.name) moduleNotes.push(`gsn2x module name: ${file.module.name}`);
      if (file.module.uses.length > 0 && this.project === null) moduleNotes.push(`gsn2x uses: ${file.module.uses.map((u) => u.id).join(', ')} (compile them together with this file)`);
      for (const ext of file.module.extends) {
        const develops = ext.develops.map((d) => `${d.foreign.id} by ${d.local.map((l) => l.id).join(', ')}`).join('; ');
        moduleNotes.push(`gsn2x extends module ${ext.module.id}${develops ? `: develops ${develops}` : ''}`);
      }
      for (const n of file.module.notes) moduleNotes.push(n);
    }
    const local = new Map(file.elements.filter((e) => this.byId.get(e.id) === e).map((e) => [e.id, e]));
    const parentOf = new Map<string, RawElement>();
    for (const p of file.elements) {
      if (this.byId.get(p.id) !== p) continue;
      for (const { ref, relation } of childRefs(p)) {
        const child = local.get(ref.id);
        if (child && !parentOf.has(child.id) && child !== p && nestable(p, child, relation, ref)) parentOf.set(child.id, p);
      }
    }
    const placed = new Set<RawElement>();
    const items: TopItem[] = [];
    const build = (e: RawElement, depth: number): ElementNode => {
      placed.add(e);
      const node = this.elementNode(e);
      if (e.notes.length > 0) notes.set(node, e.notes);
      for (const c of e.challenges) node.children.push(challengeStatement(c));
      for (const { ref, relation } of childRefs(e)) {
        const child = local.get(ref.id);
        if (child && parentOf.get(child.id) === e && !placed.has(child) && depth < MAX_NESTING && nestable(e, child, relation, ref)) {
          node.children.push(build(child, depth + 1));
        } else {
          const reference: Reference = { type: 'reference', id: ref.id, span: ref.span };
          if (ref.defeated) reference.modifiers = [{ name: 'defeated', span: ref.defeated }];
          node.children.push(reference);
        }
      }
      const last = node.children[node.children.length - 1];
      if (last) node.span = union([node.span, last.span]);
      return node;
    };
    // Roots first (elements no parent of this file nests), in the file's order; then whatever a
    // cycle or the nesting limit left out, each with its own tree.
    for (const e of file.elements) if (!parentOf.has(e.id) && !placed.has(e)) items.push(build(e, 1));
    for (const e of file.elements) if (!placed.has(e)) items.push(build(e, 1));
    for (const link of links) items.push(link);
    return { name: file.name, module, ...(imports ? { imports } : {}), moduleNotes, items, notes, readable: file.readable };
  }

  private header(m: RawModule): ModuleHeader {
    const name = toIdentifier(m.name ?? '');
    if (name !== m.name) this.report('GSN611', `the module name ${JSON.stringify(m.name)} is not a gsnc name; it is written ${name}`, m.nameSpan);
    return { type: 'module', name, nameSpan: m.nameSpan, description: m.brief, span: m.span };
  }

  private elementNode(e: RawElement): ElementNode {
    const modifiers: Modifier[] = [];
    if (e.defeated) modifiers.push({ name: 'defeated', span: e.defeated });
    if (e.undeveloped) modifiers.push({ name: 'undeveloped', span: e.undeveloped });
    if (e.counter) modifiers.push({ name: 'counter', span: e.kindSpan });
    if (this.referencedAcross.has(e.id)) modifiers.push({ name: 'public', span: e.kindSpan });
    return {
      type: 'element',
      kind: e.kind,
      kindSpan: e.kindSpan,
      modifiers,
      id: e.id,
      idSpan: e.idSpan,
      text: e.text,
      annotations: e.annotations,
      children: [],
      span: e.span,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** An element's links in the order written in its block: contexts first, then supporters. */
function childRefs(e: RawElement): { ref: Ref & { defeated?: Span }; relation: 'inContextOf' | 'supportedBy' }[] {
  return [...e.inContextOf.map((ref) => ({ ref, relation: 'inContextOf' as const })), ...e.supportedBy.map((ref) => ({ ref, relation: 'supportedBy' as const }))];
}

/**
 * Whether `child` may be written nested in `parent`'s block: only where the nesting states the
 * link exactly as gsn2x does and keeps the checker's messages at the list entry otherwise.
 */
function nestable(parent: RawElement, child: RawElement, relation: 'inContextOf' | 'supportedBy', ref: { defeated?: Span }): boolean {
  if (ref.defeated) return false; // `defeated X` is written on a bare ID
  if (parent.kind !== 'goal' && parent.kind !== 'strategy') return false;
  if (parent.undeveloped && relation === 'supportedBy') return false; // keeps GSN207 at the list entry
  if (child.counter && !parent.counter) return false;
  const kinds = relation === 'supportedBy' ? SUPPORT_KINDS : CONTEXT_KINDS;
  return kinds.has(child.kind);
}

function challengeStatement(c: RawChallenge): ChallengeStatement {
  const target: ChallengeTarget =
    c.target.type === 'element'
      ? { type: 'element', element: { type: 'reference', id: c.target.ref.id, span: c.target.ref.span }, span: c.span }
      : {
          type: 'relation',
          from: { type: 'reference', id: c.target.from.id, span: c.target.from.span },
          to: { type: 'reference', id: c.target.to.id, span: c.target.to.span },
          span: c.span,
        };
  return { type: 'challenge', from: null, targets: [target], modifiers: c.defeated ? [{ name: 'defeated', span: c.defeated }] : [], span: c.span };
}

function annotation(name: string, nameSpan: Span, span: Span, args: AnnotationArg[]): Annotation {
  return { type: 'annotation', name, nameSpan, args, span };
}

/** A name argument: an identifier when the notation reads it as one, else a string. */
function nameArg(value: string, span: Span): AnnotationArg {
  return /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/.test(value) ? { type: 'identifier', value, span } : { type: 'string', value, span };
}

/** A gsnc element ID: exactly one Identifier token (so not a keyword). */
export function isGsncId(id: string): boolean {
  if (!/^[A-Za-z_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?$/.test(id)) return false;
  const { tokens } = tokenize(id);
  return tokens.length === 1 && tokens[0]!.tokenType === Identifier;
}

/** A name made usable as a gsnc module name. */
function toIdentifier(name: string): string {
  if (isGsncId(name)) return name;
  let id = name.replace(/[^A-Za-z0-9_.]/g, '_').replace(/\.+$/, '');
  if (!/^[A-Za-z_]/.test(id)) id = `_${id}`;
  return isGsncId(id) ? id : `${id}_`;
}

/** Line breaks as \n (as the notation reads them), without the final one of a block scalar. */
function trimEnd(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

function union(spans: Span[]): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return start === Infinity ? { start: 0, end: 0 } : { start, end };
}

function moveRef<T extends Ref>(list: T[], id: string, relative: number | null, absolute: number | 'last' | null): void {
  const from = list.findIndex((r) => r.id === id);
  if (from < 0) return;
  const [item] = list.splice(from, 1);
  let to: number;
  if (relative !== null) to = from + relative;
  else if (absolute === 'last' || absolute === null) to = list.length;
  else to = absolute;
  to = Math.max(0, Math.min(list.length, to));
  list.splice(to, 0, item!);
}



/** `sub.gsn.yaml` and `sub.yaml` are written as `sub.gsn` (as `gsnc import` names its outputs). */
function gsnFileName(path: string): string {
  const stem = path.replace(/\.ya?ml$/i, '');
  return stem.endsWith('.gsn') ? stem : `${stem}.gsn`;
}

/** The module name gsnc gives a file without a header: its name up to the first dot. */
function fileStem(path: string): string {
  const base = basenameOf(path.replace(/\\/g, '/'));
  const dot = base.indexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Whether the `uses` graph has a cycle (iterative depth-first search). */
function hasCycle(uses: Set<number>[]): boolean {
  const state = uses.map(() => 0); // 0 new, 1 on the path, 2 done
  for (let start = 0; start < uses.length; start++) {
    if (state[start] !== 0) continue;
    const stack: [number, number[]][] = [[start, [...uses[start]!]]];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = top[1].pop();
      if (next === undefined) {
        state[top[0]] = 2;
        stack.pop();
      } else if (state[next] === 1) return true;
      else if (state[next] === 0) {
        state[next] = 1;
        stack.push([next, [...uses[next]!]]);
      }
    }
  }
  return false;
}

function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function joinPath(dir: string, file: string): string {
  if (file.startsWith('/') || dir === '') return file;
  return `${dir}/${file}`;
}
