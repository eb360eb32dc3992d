/**
 * Pattern instantiation (`gsnc instantiate`): fills a GSN pattern (grammar/extensions.md,
 * "Patterns") from data into a concrete argument, written as .gsn text. No I/O: the caller parses
 * the data file (JSON or YAML) and writes the result. The rules (grammar/extensions.md,
 * "Instantiating a pattern"):
 *
 * - `{name}` in an element's text is filled from the data, looked up in the item of the innermost
 *   `many` first, then outwards to the top level. In an `uninstantiated` element a placeholder
 *   the data does not fill is GSN527 (at the placeholder, naming the data paths looked at); in
 *   other elements braces the data does not fill are ordinary text, left as written.
 * - `many(key)` before a nested child repeats the child's subtree once per item of the list
 *   `key` (a map item's fields fill the subtree; a single-value item fills `{item}` and `{key}`).
 *   Each element of a copy gets a suffix per enclosing `many`: the item's `id` field when it
 *   makes a valid ID, else the item's number from 1 (`G2.1`, `G2.H1`, `Sn1.2.1`).
 * - `optional` before a nested child: a boolean under the child's ID in the data (`G4: false`)
 *   decides; without one, the child is kept when the data fills everything its subtree needs and
 *   left out (GSN530, info) otherwise.
 * - `choice`: the data names the alternatives kept under the choice element's ID (`G7: S2` or a
 *   list); without one, the alternatives the data fills are kept. A `k of n` label asks for
 *   exactly k. A choice group (`choice { ... }` in a block) chooses among its members only, named
 *   under the block owner's ID; the owner's other children are kept.
 * - `many`, `optional`, `choice` and `uninstantiated` are removed: the result is concrete.
 * - References (bare IDs, link and challenge statements, annotation arguments that name elements:
 *   `@acp` targets, `@subsystem-risk`) follow the copies: inside a copy to the same copy's
 *   element; from outside a repeated subtree to every copy, with a warning (GSN542), or an error
 *   where one element is wanted (GSN529); to a left-out element, dropped.
 */
import { severityOf } from '../diagnostics/codes.js';
import { LineIndex, compareDiagnostics, locate } from '../diagnostics/locate.js';
import type { Diagnostic, Span, StageDiagnostic } from '../diagnostics/types.js';
import { formatGsn } from '../format/format.js';
import { gsnText, importLine } from '../import/emit.js';
import type { ImportedFile } from '../import/gsn2x.js';
import { resolveLimits, type Limits } from '../limits.js';
import { ANNOTATIONS } from '../semantics/annotations.js';
import { check } from '../semantics/check.js';
import { parse } from '../syntax/parse.js';
import {
  SUPPORT_KINDS,
  type Annotation,
  type AnnotationArg,
  type ChallengeStatement,
  type ChallengeTarget,
  type ChildItem,
  type Document,
  type ElementNode,
  type LinkStatement,
  type Modifier,
  type ModifierName,
  type Reference,
  type TextString,
  type TopItem,
} from '../syntax/ast.js';
import { Scope, describe, isRecord, isScalar, own, scalarText, type Lookup } from './data.js';

export interface InstantiateOptions {
  /** The pattern's name, in diagnostics and in the result's first comment. Default `<pattern>`. */
  file?: string;
  /** The data's name, in the result's first comment. Default `<data>`. */
  dataFile?: string;
  limits?: Partial<Limits>;
}

export interface InstantiateResult {
  /** The concrete argument as .gsn text (canonically formatted), or null when there are errors. */
  text: string | null;
  /** Errors and notes, positioned in the pattern (GSN527-GSN530; the pattern's own errors). */
  diagnostics: Diagnostic[];
}

/** Instantiates a pattern (.gsn text) with data (a map, as read from JSON or YAML). */
export function instantiatePattern(patternText: string, data: unknown, options: InstantiateOptions = {}): InstantiateResult {
  const source = typeof patternText === 'string' ? patternText : String(patternText);
  const file = options.file ?? '<pattern>';
  const index = new LineIndex(source);
  const finish = (found: StageDiagnostic[], text: string | null): InstantiateResult => {
    const diagnostics = found.map((d) => locate(d, index, { file })).sort(compareDiagnostics);
    return { text: diagnostics.some((d) => d.severity === 'error') ? null : text, diagnostics };
  };
  const limits = resolveLimits(options.limits);
  if (source.length > limits.maxInputLength) {
    return finish([{ code: 'GSN901', message: `the pattern is ${source.length} characters long; the limit is ${limits.maxInputLength}`, span: { start: 0, end: 0 } }], null);
  }
  const parsed = parse(source, { limits });
  const syntax = parsed.diagnostics.filter((d) => severityOf(d.code) === 'error');
  if (syntax.length > 0) return finish(syntax, null);
  const hasImports = (parsed.value.imports ?? []).length > 0;
  // The pattern must be sound before it is filled in; a module's references to the modules it
  // imports are resolved only in a project, so GSN202 is not the pattern's fault there.
  const checked = check(parsed.value, { limits, source }).diagnostics.filter((d) => severityOf(d.code) === 'error' && !(hasImports && d.code === 'GSN202'));
  if (checked.length > 0) return finish(checked, null);
  if (!isRecord(data)) {
    const message = `the data must be a map of names to values (as in "System: Infusion pump"), not ${describe(data)}`;
    return finish([{ code: 'GSN528', message, span: { start: 0, end: 0 } }], null);
  }
  const run = new Instantiator(parsed.value, source, data, limits);
  let document: Document;
  try {
    document = run.instantiate();
  } catch (error) {
    if (!(error instanceof TooManyElements)) throw error;
    return finish([...run.diagnostics, error.diagnostic], null);
  }
  if (run.diagnostics.some((d) => severityOf(d.code) === 'error')) return finish(run.diagnostics, null);
  return finish(run.diagnostics, print(document, run.notes, options.file ?? '<pattern>', options.dataFile ?? '<data>'));
}

// ---------------------------------------------------------------------------------------------
// Writing the result

/**
 * The result through the import's printer (src/import/emit.ts) and the formatter, which also
 * proves it parses. Each copy made by `many` is preceded by a comment naming its data item.
 */
function print(document: Document, notes: Map<ElementNode, string[]>, pattern: string, data: string): string {
  const file: ImportedFile = { name: pattern, module: document.module, moduleNotes: [], items: document.items, notes, readable: true };
  const lines = gsnText(file).split('\n');
  lines[0] = `// Instantiated from ${oneLine(pattern)} with ${oneLine(data)} by gsnc instantiate.`;
  const imports = (document.imports ?? []).map(importLine);
  if (imports.length > 0) lines.splice(document.module ? 2 : 1, 0, ...imports);
  const formatted = formatGsn(lines.join('\n'));
  if (formatted.text === null) throw new Error(`the instantiated pattern does not parse: ${formatted.diagnostics[0]?.message ?? ''}`);
  return formatted.text;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Filling the pattern in

/** One level of `many`: which link repeats (the pattern's child) and which copy (0-based). */
interface Segment {
  many: ElementNode;
  index: number;
}

/** A choice of a block: a `choice` element's, or a choice group's; `name` says which in messages. */
interface Choice {
  modifier: Modifier;
  name: string;
  alternatives: Alternative[];
}

type Alternative = ElementNode | Reference;

/** An element of the result: its ID and the copies it sits in. */
interface Copy {
  id: string;
  path: readonly Segment[];
}

class TooManyElements extends Error {
  constructor(readonly diagnostic: StageDiagnostic) {
    super(diagnostic.message);
  }
}

/** A `{placeholder}`: braces around something on one line (as the checker's GSN510). */
const PLACEHOLDER = /\{([^{}\n]+)\}/g;
/** What may follow `G2.` in an ID (the lexer's Identifier, after its first character). */
const ID_SUFFIX = /^[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?$/;
/** Trials of optional parts and choices may instantiate a subtree again: this many times the limit, at most. */
const WORK_PER_ELEMENT = 8;
/** The modifiers of a pattern that a concrete argument has no use for. */
const PATTERN_MODIFIERS: ReadonlySet<ModifierName> = new Set<ModifierName>(['many', 'optional', 'choice', 'uninstantiated']);

class Instantiator {
  diagnostics: StageDiagnostic[] = [];
  readonly notes = new Map<ElementNode, string[]>();
  /** Every element of the pattern, by ID. */
  private readonly definitions = new Map<string, ElementNode>();
  /** Per pattern element: the `many` children among it and the elements around it, outermost first. */
  private readonly repeatedBy = new Map<string, readonly ElementNode[]>();
  /** Spans of references already warned about (GSN542): a reference in a copy is resolved once per copy. */
  private readonly warned = new Set<string>();
  /** The copies of each pattern element in the result. */
  private readonly copies = new Map<string, Copy[]>();
  /** Result IDs, with where each was made (for GSN529 on a clash). */
  private readonly made = new Map<string, { node: ElementNode; item: string }>();
  /** Where each reference, challenge and @acp of the result was written: the copies around it. */
  private readonly contexts = new Map<object, readonly Segment[]>();
  /** Result element -> its copy (for its own ID in its block's references). */
  private readonly owners = new Map<ElementNode, Copy>();
  /** True while trying a subtree out (optional, choice): nothing is recorded. */
  private probing = false;
  private count = 0;
  /** Elements instantiated, trials included. */
  private work = 0;

  constructor(
    private readonly doc: Document,
    private readonly source: string,
    private readonly data: Record<string, unknown>,
    private readonly limits: Limits,
  ) {
    const visit = (node: ElementNode, around: readonly ElementNode[]) => {
      const chain = modifier(node.modifiers, 'many') ? [...around, node] : around;
      if (!this.definitions.has(node.id)) {
        this.definitions.set(node.id, node);
        this.repeatedBy.set(node.id, chain);
      }
      for (const child of node.children) if (child.type === 'element') visit(child, chain);
    };
    for (const item of doc.items) if (item.type === 'element') visit(item, []);
  }

  instantiate(): Document {
    const root = Scope.root(this.data);
    const items: TopItem[] = [];
    for (const item of this.doc.items) {
      if (item.type === 'element') items.push(this.element(item, root, [], []));
      else items.push(item); // link and challenge statements: resolved below
    }
    const module = this.doc.module && {
      ...this.doc.module,
      description: this.doc.module.description && { ...this.doc.module.description, value: this.fill(this.doc.module.description, root, null) },
    };
    const resolved = this.resolveTop(items);
    return { ...this.doc, module, items: resolved };
  }

  // -- Elements ------------------------------------------------------------------------------

  private element(node: ElementNode, scope: Scope, path: readonly Segment[], suffix: readonly string[]): ElementNode {
    // Trying out optional parts may instantiate a subtree more than once: bounded as well.
    if (++this.work > WORK_PER_ELEMENT * this.limits.maxElements) throw this.tooMany(node);
    const id = [node.id, ...suffix].join('.');
    if (!this.probing) this.record(node, id, path, scope);
    const required = node.modifiers.some((m) => m.name === 'uninstantiated') ? node : null;
    const out: ElementNode = {
      ...node,
      id,
      modifiers: node.modifiers.filter((m) => !PATTERN_MODIFIERS.has(m.name)).map(({ name, span }) => ({ name, span })),
      text: node.text && { ...node.text, value: this.fill(node.text, scope, required) },
      annotations: node.annotations.map((a) => this.annotation(a, scope, path, suffix)),
      children: this.children(node, scope, path, suffix),
    };
    // Concrete: a kept alternative of a choice group is an ordinary child.
    delete out.choices;
    delete out.choiceGroup;
    if (!this.probing) this.owners.set(out, { id, path });
    return out;
  }

  private tooMany(node: ElementNode): TooManyElements {
    return new TooManyElements({
      code: 'GSN903',
      message: `the instantiated argument has more than ${this.limits.maxElements} elements (set limits.maxElements to raise it)`,
      span: node.idSpan,
    });
  }

  private record(node: ElementNode, id: string, path: readonly Segment[], scope: Scope): void {
    if (++this.count > this.limits.maxElements) throw this.tooMany(node);
    const item = scope.itemPath;
    const earlier = this.made.get(id);
    if (earlier) {
      const where = (i: string) => (i === '' ? 'at the top level' : `for ${i}`);
      this.report('GSN529', `instantiating gives two elements with the ID ${id}: ${earlier.node.id} ${where(earlier.item)} and ${node.id} ${where(item)}; give the items distinct id fields, or rename the pattern's element`, node.idSpan);
    } else this.made.set(id, { node, item });
    const list = this.copies.get(node.id) ?? [];
    list.push({ id, path });
    this.copies.set(node.id, list);
  }

  private children(owner: ElementNode, scope: Scope, path: readonly Segment[], suffix: readonly string[]): ChildItem[] {
    const dropped = this.choose(owner, scope, path, suffix);
    const out: ChildItem[] = [];
    for (const child of owner.children) {
      if (dropped.has(child)) continue;
      for (const item of this.child(child, scope, path, suffix)) out.push(item);
    }
    return out;
  }

  /** What one child of a block becomes: none, one or (many) several children of the result. */
  private child(child: ChildItem, scope: Scope, path: readonly Segment[], suffix: readonly string[]): ChildItem[] {
    if (child.type === 'element') {
      const many = modifier(child.modifiers, 'many');
      if (many) {
        const copies: ChildItem[] = [];
        for (const [i, item] of (this.list(many, child, scope) ?? []).entries()) {
          const inner = scope.push({ value: item.value, path: item.path, key: item.key });
          const copy = this.element(child, inner, [...path, { many: child, index: i }], [...suffix, idSuffix(item.value, i)]);
          if (!this.probing) this.notes.set(copy, [`${child.id} for ${item.path}`]);
          copies.push(copy);
        }
        return copies;
      }
      const optional = modifier(child.modifiers, 'optional');
      if (optional && !this.keepOptional(child, optional, scope, path, suffix)) return [];
      return [this.element(child, scope, path, suffix)];
    }
    if (child.type === 'reference') {
      const many = modifier(child.modifiers ?? [], 'many');
      if (many) {
        this.report('GSN529', `many before the bare ID ${child.id} cannot be instantiated: only a nested element is repeated; nest ${child.id} here, as many(key) ${this.definitions.get(child.id)?.kind ?? 'goal'} ${child.id} "..."`, many.span);
        return [];
      }
      const optional = modifier(child.modifiers ?? [], 'optional');
      if (optional && this.switchedOff(child.id, optional, scope)) return [];
      const ref: Reference = { ...child, modifiers: (child.modifiers ?? []).filter((m) => !PATTERN_MODIFIERS.has(m.name)) };
      if (ref.modifiers?.length === 0) delete ref.modifiers;
      delete ref.choiceGroup;
      this.contexts.set(ref, path);
      return [ref];
    }
    const challenge: ChallengeStatement = { ...child };
    delete challenge.choiceGroup;
    this.contexts.set(challenge, path);
    return [challenge];
  }

  // -- many ----------------------------------------------------------------------------------

  /** The items `many(key)` repeats its child over, or null (reported) when there is no such list. */
  private list(many: Modifier, child: ElementNode, scope: Scope): { value: unknown; path: string; key: string }[] | null {
    const label = many.label;
    if (!label) {
      this.report('GSN529', `many without a label cannot be instantiated: write many(key), where key names the list in the data with one item per ${child.kind} ${child.id}`, many.span);
      return null;
    }
    const key = label.type === 'number' ? label.raw : label.value;
    const found = scope.lookup(key);
    if (!found.found) {
      this.report('GSN527', `no list ${key} in the data for many(${key}) ${child.kind} ${child.id}: ${lookedUp(found)}`, this.inside(label.span));
      return null;
    }
    if (!Array.isArray(found.value)) {
      this.report('GSN528', `${found.path} is ${describe(found.value)}, not a list; many(${key}) makes one ${child.kind} ${child.id} per item of a list`, this.inside(label.span));
      return null;
    }
    const items: { value: unknown; path: string; key: string }[] = [];
    for (const [i, value] of (found.value as unknown[]).entries()) {
      const path = `${found.path}[${i}]`;
      if (isRecord(value) || isScalar(value)) items.push({ value, path, key });
      else this.report('GSN528', `${path} is ${describe(value)}; an item of ${found.path} is a map of fields or a single value`, this.inside(label.span));
    }
    if (found.value.length === 0) this.note(`${named(child)} is left out: ${found.path} is an empty list`, this.inside(label.span));
    return items;
  }

  // -- optional and choice --------------------------------------------------------------------

  private keepOptional(child: ElementNode, optional: Modifier, scope: Scope, path: readonly Segment[], suffix: readonly string[]): boolean {
    const decided = this.switchValue(child.id, optional, scope);
    if (decided !== null) return decided;
    const missing = this.probe(() => this.element(child, scope, path, suffix));
    if (missing.length === 0) return true;
    this.note(`optional ${named(child)} is left out${forItem(scope)}: ${missing[0]!.message}`, optional.span);
    return false;
  }

  /** An optional bare ID: kept unless the data says `ID: false`. */
  private switchedOff(id: string, optional: Modifier, scope: Scope): boolean {
    return this.switchValue(id, optional, scope) === false;
  }

  /** The data's `ID: true|false` for an optional link to ID, or null when it says nothing. */
  private switchValue(id: string, optional: Modifier, scope: Scope): boolean | null {
    const found = scope.lookup(id);
    if (!found.found) return null;
    if (typeof found.value === 'boolean') return found.value;
    this.report('GSN528', `${found.path} is ${describe(found.value)}; under an optional element's ID the data says whether to keep it: true or false`, optional.span);
    return null;
  }

  /** SupportedBy children of a choice: the alternatives. */
  private isAlternative(child: ChildItem): boolean {
    if (child.type === 'element') return SUPPORT_KINDS.has(child.kind);
    if (child.type === 'reference') {
      const target = this.definitions.get(child.id);
      return target === undefined || SUPPORT_KINDS.has(target.kind);
    }
    return false;
  }

  /**
   * The choices of a block: a `choice` element's (all its SupportedBy children are alternatives)
   * or, in a block with choice groups, one per group (its members; the other children are kept).
   */
  private choicesOf(owner: ElementNode): Choice[] {
    const whole = modifier(owner.modifiers, 'choice');
    if (whole) return [{ modifier: whole, name: `choice ${named(owner)}`, alternatives: owner.children.filter((c) => this.isAlternative(c)) as Alternative[] }];
    return (owner.choices ?? []).map((group, j) => {
      const alternatives = owner.children.filter((c) => c.choiceGroup === j && this.isAlternative(c)) as Alternative[];
      return { modifier: group.modifier, name: `the choice of ${named(owner)} among ${alternatives.map((a) => a.id).join(', ')}`, alternatives };
    });
  }

  /** The alternatives the choices of a block leave out (none when the block has no choice). */
  private choose(owner: ElementNode, scope: Scope, path: readonly Segment[], suffix: readonly string[]): Set<ChildItem> {
    const dropped = new Set<ChildItem>();
    const choices = this.choicesOf(owner);
    if (choices.length === 0) return dropped;
    const byName = this.namedAlternatives(owner, choices, scope);
    choices.forEach((choice, j) => {
      const kept = byName?.get(j) ?? this.filledAlternatives(owner, choice, scope, path, suffix);
      for (const a of choice.alternatives) if (!kept.has(a)) dropped.add(a);
    });
    return dropped;
  }

  /**
   * The alternatives the data names under the owner's ID (`G2: S2`, or a list), per choice; null
   * when it names none. A choice none of whose alternatives is named is left to the data it fills.
   */
  private namedAlternatives(owner: ElementNode, choices: Choice[], scope: Scope): Map<number, Set<ChildItem>> | null {
    const found = scope.lookup(owner.id);
    if (!found.found) return null;
    const chosen = Array.isArray(found.value) ? found.value : [found.value];
    const kept = new Map<number, Set<ChildItem>>();
    let unknown = false;
    for (const name of chosen) {
      const id = isScalar(name) ? scalarText(name) : null;
      const j = choices.findIndex((c) => c.alternatives.some((a) => a.id === id));
      if (j < 0) {
        unknown = true;
        const which = choices.length === 1 ? choices[0]!.name : `any choice of ${named(owner)}`;
        const names = choices.flatMap((c) => c.alternatives.map((a) => a.id)).join(', ');
        this.report('GSN528', `${found.path} names ${describe(name)}, which is no alternative of ${which}; name one or more of ${names}`, choices[0]!.modifier.span);
        continue;
      }
      const set = kept.get(j) ?? new Set<ChildItem>();
      kept.set(j, set);
      set.add(choices[j]!.alternatives.find((a) => a.id === id)!);
    }
    if (kept.size === 0) return choices.length === 1 ? new Map([[0, new Set<ChildItem>()]]) : null;
    for (const [j, set] of kept) {
      const choice = choices[j]!;
      const wanted = wantedOf(choice.modifier);
      if (wanted !== null && set.size !== wanted && !unknown) this.report('GSN529', `${choice.name} is "${labelOf(choice.modifier)}", but ${found.path} names ${set.size} alternatives`, choice.modifier.span);
    }
    return kept;
  }

  /** The alternatives of a choice the data fills in (tried out); left-out ones are noted (GSN530). */
  private filledAlternatives(owner: ElementNode, choice: Choice, scope: Scope, path: readonly Segment[], suffix: readonly string[]): Set<ChildItem> {
    const { alternatives, name, modifier: m } = choice;
    const kept = new Set<ChildItem>();
    const missingOf = new Map<ChildItem, StageDiagnostic[]>();
    for (const alternative of alternatives) {
      const missing = this.probe(() => this.child(alternative, scope, path, suffix));
      if (missing.length === 0) kept.add(alternative);
      else missingOf.set(alternative, missing);
    }
    if (kept.size === 0) {
      // What each alternative lacks, as if it were kept: an enclosing optional sees data missing.
      for (const missing of missingOf.values()) for (const d of missing) this.diagnostics.push(d);
      this.report('GSN529', `the data fills no alternative of ${name}${forItem(scope)}; fill one in, or name the one to keep (${owner.id}: ${alternatives[0]?.id ?? 'ID'})`, m.span);
      return kept;
    }
    const wanted = wantedOf(m);
    if (wanted !== null && kept.size !== wanted) {
      const ids = alternatives.filter((a) => kept.has(a)).map((a) => a.id);
      this.report('GSN529', `${name} is "${labelOf(m).trim()}", but the data fills ${kept.size} of its alternatives (${ids.join(', ')})${forItem(scope)}; name the ones to keep (${owner.id}: ${ids[0] ?? 'ID'})`, m.span);
      return kept;
    }
    for (const [alternative, missing] of missingOf) {
      this.note(`alternative ${(alternative as Alternative).id} of ${name} is left out${forItem(scope)}: ${missing[0]!.message}`, m.span);
    }
    return kept;
  }

  /** Instantiates a subtree on trial: the data it lacks (GSN527), recording nothing. */
  private probe(run: () => void): StageDiagnostic[] {
    const saved = { diagnostics: this.diagnostics, probing: this.probing };
    this.diagnostics = [];
    this.probing = true;
    try {
      run();
      return this.diagnostics.filter((d) => d.code === 'GSN527');
    } finally {
      this.diagnostics = saved.diagnostics;
      this.probing = saved.probing;
    }
  }

  // -- Text ----------------------------------------------------------------------------------

  /**
   * The text with its placeholders filled. `required`: the uninstantiated element the text
   * belongs to, where every placeholder must be filled (GSN527/GSN528); elsewhere braces the
   * data does not fill are left as written.
   */
  private fill(text: TextString, scope: Scope, required: ElementNode | null): string {
    const written = this.source.slice(text.span.start, text.span.end);
    let cursor = 0;
    return text.value.replace(PLACEHOLDER, (whole: string, inner: string) => {
      const at = written.indexOf(whole, cursor);
      const span: Span = at >= 0 ? { start: text.span.start + at, end: text.span.start + at + whole.length } : text.span;
      if (at >= 0) cursor = at + whole.length;
      const name = inner.trim();
      const found = scope.lookup(name);
      if (found.found && isScalar(found.value)) return scalarText(found.value);
      if (required) {
        const where = `in ${named(required)}`;
        if (found.found) this.report('GSN528', `${found.path} is ${describe(found.value)}; the placeholder ${whole} ${where} takes a text, a number or a boolean`, span);
        else this.report('GSN527', `no data for the placeholder ${whole} ${where}: ${lookedUp(found)}`, span);
      }
      return whole;
    });
  }

  /**
   * An annotation of a copy: placeholders in its strings filled where the data has them; an
   * `@acp` name takes the copy's suffix (ACP names are unique), its targets are resolved later.
   */
  private annotation(a: Annotation, scope: Scope, path: readonly Segment[], suffix: readonly string[]): Annotation {
    const args = a.args.map((arg): AnnotationArg => (arg.type === 'string' ? { ...arg, value: this.fill(arg, scope, null) } : arg));
    const out: Annotation = { ...a, args };
    if (a.name === 'acp' && args[0]?.type === 'identifier' && suffix.length > 0) args[0] = { ...args[0], value: [args[0].value, ...suffix].join('.') };
    if (ANNOTATIONS.get(a.name)?.elements !== undefined) this.contexts.set(out, path); // its element names are resolved later
    return out;
  }

  // -- References ----------------------------------------------------------------------------

  /**
   * The result elements a reference written inside `path` names: the copies of the pattern
   * element that are not in another copy of a `many` around the reference. An ID the pattern does
   * not define (an away element) stays as written.
   */
  private resolve(id: string, path: readonly Segment[]): Copy[] {
    const copies = this.copies.get(id);
    if (!copies) return this.definitions.has(id) ? [] : [{ id, path: [] }];
    return copies.filter((c) => compatible(path, c.path));
  }

  /**
   * What a reference names (`resolve`, without repeats); `span` is where its ID is written. From
   * outside a repeated subtree into it, that is every copy: said once per reference (GSN542).
   */
  private copiesNamed(id: string, path: readonly Segment[], span: Span): Copy[] {
    const copies = unique(this.resolve(id, path));
    const many = this.repeatedOutside(id, path);
    const key = `${span.start}:${span.end}`;
    if (!many || copies.length === 0 || this.warned.has(key)) return copies;
    this.warned.add(key);
    const m = modifier(many.modifiers, 'many')!;
    this.diagnostics.push({
      code: 'GSN542',
      message: `${id} is named outside the subtree that ${this.written(m)} repeats (${many.id} and what it holds), so this names every copy: ${listed(copies)}; to name one copy, write the reference inside that subtree`,
      span,
      related: [{ message: `${this.written(m)} repeats ${many.id}`, span: m.span }],
    });
    return copies;
  }

  /**
   * The first `many` child around pattern element `id` that does not also hold `path` (where a
   * reference to it is written), or null when every one does: a reference from outside a
   * repeated subtree names every copy of it.
   */
  private repeatedOutside(id: string, path: readonly Segment[]): ElementNode | null {
    const chain = this.repeatedBy.get(id) ?? [];
    for (let i = 0; i < chain.length; i++) if (path[i]?.many !== chain[i]) return chain[i]!;
    return null;
  }

  /** A modifier as written in the pattern: `many(hazards)`. */
  private written(m: Modifier): string {
    return this.source.slice(m.span.start, m.span.end);
  }

  private resolveTop(items: TopItem[]): TopItem[] {
    const out: TopItem[] = [];
    for (const item of items) {
      if (item.type === 'element') out.push(this.resolveElement(item));
      else if (item.type === 'link') out.push(...this.resolveLink(item));
      else out.push(...this.resolveChallenge(item, null, []));
    }
    return out;
  }

  private resolveElement(node: ElementNode): ElementNode {
    const own = this.owners.get(node) ?? { id: node.id, path: [] };
    const children: ChildItem[] = [];
    for (const child of node.children) {
      if (child.type === 'element') children.push(this.resolveElement(child));
      else if (child.type === 'reference') {
        for (const copy of this.copiesNamed(child.id, this.contexts.get(child) ?? own.path, child.span)) children.push({ ...child, id: copy.id });
      } else children.push(...this.resolveChallenge(child, own, this.contexts.get(child) ?? own.path));
    }
    const annotations: Annotation[] = [];
    for (const a of node.annotations) {
      const resolved = this.resolveAnnotation(a, own.id, this.contexts.get(a) ?? own.path);
      if (resolved) annotations.push(resolved);
    }
    const out: ElementNode = { ...node, children, annotations };
    const notes = this.notes.get(node);
    if (notes) {
      this.notes.delete(node);
      this.notes.set(out, notes);
    }
    return out;
  }

  /**
   * An annotation whose arguments name elements (ANNOTATIONS' `elements`: `@acp` targets,
   * `@subsystem-risk`) names the copies a reference written there would. One that takes a single
   * element must name exactly one (GSN529). Null to leave it out: an `@acp` whose links are all
   * gone would sit on the element instead.
   */
  private resolveAnnotation(a: Annotation, owner: string, at: readonly Segment[]): Annotation | null {
    const spec = ANNOTATIONS.get(a.name);
    const first = spec?.elements;
    if (spec === undefined || first === undefined || a.args.length <= first) return a;
    const single = spec.max === first + 1;
    const names: AnnotationArg[] = [];
    for (const arg of a.args.slice(first)) {
      if (arg.type !== 'identifier') names.push(arg);
      else if (!single) for (const c of this.copiesNamed(arg.value, at, arg.span)) names.push({ ...arg, value: c.id });
      else {
        const one = this.oneCopy(`@${a.name}(${arg.value}) on ${owner}`, arg.value, at, arg.span);
        if (one) names.push({ ...arg, value: one.id });
      }
    }
    return names.length === 0 ? null : { ...a, args: [...a.args.slice(0, first), ...names] };
  }

  /** The one copy a single-element reference (`@subsystem-risk(SS1)`) names, or null (GSN529). */
  private oneCopy(what: string, id: string, at: readonly Segment[], span: Span): Copy | null {
    const copies = unique(this.resolve(id, at));
    const many = this.repeatedOutside(id, at);
    if (copies.length === 0) {
      this.report('GSN529', `${what} names ${id}, which the data leaves out of the result; name an element the result keeps`, span);
      return null;
    }
    if (many) {
      const m = modifier(many.modifiers, 'many')!;
      this.report('GSN529', `${what} names ${id}, which ${this.written(m)} repeats (${many.id} and what it holds); from outside that subtree it names every copy (${listed(copies)}), but it takes one element; write it inside the repeated subtree`, span);
      return null;
    }
    return copies[0]!;
  }

  private resolveLink(item: LinkStatement): LinkStatement[] {
    const out: LinkStatement[] = [];
    const optional = modifier(item.modifiers ?? [], 'optional');
    const many = modifier(item.modifiers ?? [], 'many');
    if (many) {
      this.report('GSN529', `many before a link statement cannot be instantiated: only a nested element is repeated; nest the target in ${item.from.id}'s block as many(key)`, many.span);
      return out;
    }
    const modifiers = (item.modifiers ?? []).filter((m) => !PATTERN_MODIFIERS.has(m.name));
    const root = Scope.root(this.data);
    for (const from of unique(this.resolve(item.from.id, []))) {
      const to = item.to.filter((t) => !(optional && this.switchedOff(t.id, optional, root))).flatMap((t) => this.copiesNamed(t.id, from.path, t.span).map((c) => ({ ...t, id: c.id })));
      if (to.length === 0) continue;
      const link: LinkStatement = { ...item, from: { ...item.from, id: from.id }, to };
      if (modifiers.length > 0) link.modifiers = modifiers;
      else delete link.modifiers;
      out.push(link);
    }
    return out;
  }

  /** A challenge statement; `owner`: the element whose block it is in (null at the top level). */
  private resolveChallenge(item: ChallengeStatement, owner: Copy | null, path: readonly Segment[]): ChallengeStatement[] {
    const challengers: (Copy | null)[] = item.from ? unique(this.resolve(item.from.id, path)) : [owner];
    const out: ChallengeStatement[] = [];
    for (const challenger of challengers) {
      const at = challenger?.path ?? path;
      const targets: ChallengeTarget[] = [];
      for (const t of item.targets) {
        if (t.type === 'element') {
          for (const c of this.copiesNamed(t.element.id, at, t.element.span)) targets.push({ ...t, element: { ...t.element, id: c.id } });
        } else {
          for (const a of this.copiesNamed(t.from.id, at, t.from.span)) {
            for (const b of this.copiesNamed(t.to.id, a.path, t.to.span)) targets.push({ ...t, from: { ...t.from, id: a.id }, to: { ...t.to, id: b.id } });
          }
        }
      }
      if (targets.length === 0) continue;
      out.push({ ...item, from: item.from && challenger ? { ...item.from, id: challenger.id } : item.from, targets });
    }
    return out;
  }

  // -- Diagnostics ---------------------------------------------------------------------------

  /** A label's span is `(key)`: the key, inside the parentheses. */
  private inside(span: Span): Span {
    let { start, end } = span;
    if (this.source[start] === '(' && this.source[end - 1] === ')') {
      start++;
      end--;
      while (start < end && /\s/.test(this.source[start]!)) start++;
      while (end > start && /\s/.test(this.source[end - 1]!)) end--;
    }
    return { start, end };
  }

  private report(code: string, message: string, span: Span): void {
    this.diagnostics.push({ code, message, span });
  }

  /** GSN530 (info): a part of the pattern left out of the result. Not while trying out. */
  private note(message: string, span: Span): void {
    if (!this.probing) this.report('GSN530', message, span);
  }
}

/** A `choice("k of n")` label's text ('' for none or a label that is not a string). */
function labelOf(choice: Modifier): string {
  return choice.label?.type === 'string' ? choice.label.value : '';
}

/** k of a `choice("k of n")` label: how many alternatives to keep; null when the label says not. */
function wantedOf(choice: Modifier): number | null {
  const exactly = /^\s*(\d+)\s+of\s+\d+\s*$/i.exec(labelOf(choice));
  return exactly ? Number(exactly[1]) : null;
}

function modifier(list: readonly Modifier[], name: ModifierName): Modifier | undefined {
  return list.find((m) => m.name === name);
}

function named(node: Pick<ElementNode, 'kind' | 'id'>): string {
  return `${node.kind} ${node.id}`;
}

function forItem(scope: Scope): string {
  return scope.itemPath === '' ? '' : ` for ${scope.itemPath}`;
}

function lookedUp(found: Extract<Lookup, { found: false }>): string {
  if (found.empty !== undefined) return `${found.empty} is empty`;
  return `looked up ${found.tried.join(', then ')}`;
}

/** The suffix of an item's copy: its `id` field when that makes a valid ID, else its number from 1. */
function idSuffix(item: unknown, index: number): string {
  if (isRecord(item) && own(item, 'id') && isScalar(item.id) && typeof item.id !== 'boolean') {
    const id = scalarText(item.id);
    if (ID_SUFFIX.test(id)) return id;
  }
  return String(index + 1);
}

/** Whether a reference inside `at` may name an element made inside `copy`: no other copy of a shared `many`. */
function compatible(at: readonly Segment[], copy: readonly Segment[]): boolean {
  const n = Math.min(at.length, copy.length);
  for (let i = 0; i < n; i++) {
    if (at[i]!.many !== copy[i]!.many) return true;
    if (at[i]!.index !== copy[i]!.index) return false;
  }
  return true;
}

/** IDs for a message: the first five, and how many more. */
function listed(copies: readonly Copy[]): string {
  const shown = copies.slice(0, 5).map((c) => c.id).join(', ');
  return copies.length > 5 ? `${shown} and ${copies.length - 5} more` : shown;
}

function unique(copies: Copy[]): Copy[] {
  const seen = new Set<string>();
  return copies.filter((c) => !seen.has(c.id) && seen.add(c.id));
}
