/**
 * CST to AST. Defensive throughout: after error recovery a CST node may lack any child, and
 * tokens inserted by recovery (or EOF) have NaN offsets and empty images. Every span is clamped
 * into [0, text.length]; an element whose ID is missing is left out (its error is reported).
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Span, StageDiagnostic } from '../diagnostics/types.js';
import type {
  Annotation,
  AnnotationArg,
  ChallengeStatement,
  ChallengeTarget,
  ChildItem,
  Document,
  ElementKind,
  ElementNode,
  ImportStatement,
  LinkStatement,
  Modifier,
  ModifierName,
  ModuleHeader,
  Reference,
  TextString,
  TopItem,
} from './ast.js';
import { ELEMENT_KINDS, MODIFIERS } from './ast.js';
import { describeToken, topLevelMessage } from './messages.js';
import { Identifier, LCurly, NumberLiteral, RCurly, RelationModifier, Stray, StringLiteral } from './tokens.js';

const KIND_LIST = ELEMENT_KINDS.join(', ');

const KIND_NAMES: ReadonlySet<string> = new Set(ELEMENT_KINDS);
const MODIFIER_NAMES: ReadonlySet<string> = new Set(MODIFIERS);

/** A child of the document's CST: the name Chevrotain keys it by, and the node or token (an element as its parts). */
export interface DocumentPart {
  key: string;
  part: CstElement | ElementParts;
}

/** An element statement's tokens, and the nodes of its labels and annotations (real tokens only, except modifiers). */
export interface ElementParts {
  modifiers: readonly IToken[];
  labels: readonly CstNode[];
  kind: IToken | undefined;
  id: IToken | undefined;
  text: IToken | undefined;
  annotations: readonly CstNode[];
}

/** The document's statements, by their CST keys (in this order where two start at one place). */
const STATEMENT_KEYS = [
  'element',
  LCurly.name,
  Stray.name,
  'linkStatement',
  Identifier.name,
  'contractStatement',
  'challengeStatement',
  RelationModifier.name,
  RCurly.name,
  'modifierLabel',
  'moduleHeader',
  'importStatement',
];

/** Statements that are one token, by the token's CST key. */
const TOKEN_STATEMENTS = new Map<string, 'open' | 'stray' | 'reference' | 'modifier' | 'close'>([
  [LCurly.name, 'open'],
  [Stray.name, 'stray'],
  [Identifier.name, 'reference'],
  [RelationModifier.name, 'modifier'],
  [RCurly.name, 'close'],
]);

/** One top-level statement of the flat CST, ready to be placed in the tree. */
type Statement =
  | { type: 'element'; start: number; element: ElementNode | null }
  | { type: 'open'; start: number; token: IToken }
  | { type: 'stray'; start: number; token: IToken }
  | { type: 'link'; start: number; link: LinkStatement }
  | { type: 'reference'; start: number; token: IToken }
  | { type: 'contract'; start: number; reference: Reference }
  | { type: 'close'; start: number; token: IToken }
  | { type: 'header'; start: number; header: ModuleHeader }
  | { type: 'import'; start: number; statement: ImportStatement }
  | { type: 'challenge'; start: number; challenge: ChallengeStatement }
  | { type: 'modifier'; start: number; token: IToken }
  | { type: 'label'; start: number; label: AnnotationArg };

/** A block being filled: the element that opened it (null if that element was unusable). */
interface OpenBlock {
  owner: ElementNode | null;
  brace: Span;
  /** Pattern extension: a `choice { ... }` group in the owner's block; its index in `owner.choices`. */
  group?: number;
}

export interface BuildOptions {
  /** Set when the depth guard cut the input: the blocks left open there are not an error. */
  cut: boolean;
}

/**
 * Builds the AST for `text`, collecting the structural errors only the tree can see. The CST is
 * flat (see parser.ts), so nesting is rebuilt here with an explicit stack: no recursion, so no
 * depth can overflow it.
 */
export class AstBuilder {
  readonly diagnostics: StageDiagnostic[] = [];

  constructor(
    private readonly text: string,
    private readonly options: BuildOptions = { cut: false },
  ) {}

  document(cst: CstNode | undefined): Document {
    return this.build(this.statements(cst));
  }

  /**
   * The same, from the document's children already in source order, as the parser's fast path
   * reads them (fast-cst.ts): no grouping by name to undo.
   */
  documentFromParts(parts: readonly DocumentPart[]): Document {
    const statements: Statement[] = [];
    for (const { key, part } of parts) {
      const statement = this.statementOf(key, part);
      if (statement !== null) statements.push(statement);
    }
    return this.build(statements);
  }

  private build(statements: Statement[]): Document {
    const items: TopItem[] = [];
    const headers: ModuleHeader[] = [];
    const imports: ImportStatement[] = [];
    this.imports = imports;
    const open: OpenBlock[] = [];
    let previous: Statement | undefined;
    // The statement a '{' attaches to. Stray tokens do not move it: after an element with a
    // broken annotation (already reported), the '{' still opens that element's block.
    let anchor: Statement | undefined;
    let pending: Modifier[] = [];
    for (const statement of statements) {
      if (statement.type === 'modifier') {
        const modifier = this.relationModifier(statement.token);
        if (modifier) pending.push(modifier);
        continue;
      }
      if (statement.type === 'label') {
        const last = pending[pending.length - 1];
        if (last) withLabel(last, statement.label);
        continue;
      }
      if (pending.length > 0) this.attachModifiers(pending, statement);
      pending = [];
      this.place(statement, previous, anchor, open, items, headers);
      this.pendingReference = null;
      if (statement.type !== 'stray') anchor = statement;
      previous = statement;
    }
    if (pending.length > 0) this.attachModifiers(pending, undefined);
    this.closeAtEnd(open);
    const module = this.pickHeader(headers, items);
    const doc: Document = { type: 'document', module, items, span: { start: 0, end: this.text.length } };
    if (imports.length > 0) doc.imports = imports; // modular extension; absent when none, so a core AST is unchanged
    return doc;
  }

  /** Puts one statement into the tree: into the innermost open block, or at the top level. */
  private place(
    s: Statement,
    previous: Statement | undefined,
    anchor: Statement | undefined,
    open: OpenBlock[],
    items: TopItem[],
    headers: ModuleHeader[],
  ): void {
    const block = open[open.length - 1];
    switch (s.type) {
      case 'element':
        if (s.element && block) addChild(block, s.element);
        else if (s.element) items.push(s.element);
        return;
      case 'open':
        this.open(s.token, anchor, open);
        return;
      case 'stray':
        // A run of stray tokens is one mistake: report it at its first token only.
        if (previous?.type !== 'stray') this.report('GSN110', this.strayMessage(s.token, block), this.tokenSpan(s.token));
        return;
      case 'reference':
        if (block) addChild(block, this.modifiedReference(s.token));
        else this.report('GSN110', `a bare ID at the top level must start a link, as in ${s.token.image} -> Sn1`, this.tokenSpan(s.token));
        return;
      case 'contract':
        if (block) addChild(block, s.reference);
        else this.report('GSN110', `a contract module reference is written in the block of the goal it supports: goal G1 "..." { contract ${s.reference.id} }`, s.reference.contractSpan ?? s.reference.span);
        return;
      case 'link':
        items.push(s.link);
        if (block) this.report('GSN110', `a link statement is written at the top level, not inside${ownerText(block)}; inside a block, write the bare ID`, s.link.span);
        return;
      case 'close':
        this.close(s.token, open);
        return;
      case 'challenge':
        this.placeChallenge(s.challenge, block, items);
        return;
      case 'modifier':
      case 'label':
        return; // attached to the next statement by document()
      case 'import':
        this.placeImport(s.statement, block, items);
        return;
      case 'header':
        if (block) this.report('GSN110', `a module header belongs at the top of the file, not inside${ownerText(block)}`, s.header.span);
        else headers.push(s.header);
        return;
    }
  }

  /** Modular extension: the imports of this file, filled by place(). */
  private imports: ImportStatement[] = [];

  /** Modular extension: an import belongs after the module header, before any element or link. */
  private placeImport(statement: ImportStatement, block: OpenBlock | undefined, items: TopItem[]): void {
    if (block) this.report('GSN110', `an import belongs at the top of the file, after the module header, not inside${ownerText(block)}`, statement.span);
    else if (items.length > 0) this.report('GSN110', 'an import belongs at the top of the file, after the module header and before any element or link', statement.span);
    this.imports.push(statement);
  }

  /**
   * A challenge with a named challenger is a top-level statement, like a link; one without is
   * written in the challenger's block. Either misplaced is reported and kept where it can be.
   */
  private placeChallenge(c: ChallengeStatement, block: OpenBlock | undefined, items: TopItem[]): void {
    if (c.from) {
      items.push(c);
      if (block) this.report('GSN110', `a challenge naming its challenger is written at the top level, not inside${ownerText(block)}; inside a block, write challenges ${targetText(c)}`, c.span);
      return;
    }
    if (block) {
      addChild(block, c);
      return;
    }
    this.report('GSN110', `at the top level, name the challenger: CG1 challenges ${targetText(c)}`, c.span);
  }

  /** Modifiers written before a relation (a bare ID, a link or a challenge) belong to it. */
  private attachModifiers(modifiers: Modifier[], s: Statement | undefined): void {
    if (s?.type === 'open') {
      this.pendingGroup = this.dedupe(modifiers, 'this choice group'); // `choice("1 of 2") {`: taken by open()
      return;
    }
    const target = s?.type === 'reference' ? 'reference' : s?.type === 'link' ? s.link : s?.type === 'challenge' ? s.challenge : null;
    if (target === null) {
      const first = modifiers[0]!;
      this.report('GSN110', `'${first.name}' must be followed by an element, a bare ID, a link or a challenge`, first.span);
      return;
    }
    if (target === 'reference') this.pendingReference = modifiers;
    else target.modifiers = this.dedupe([...(target.modifiers ?? []), ...modifiers], 'this relation');
  }

  /** Set just before a modified bare ID is placed; taken by reference(). */
  private pendingReference: Modifier[] | null = null;

  /** Pattern extension: the modifiers written just before a '{' (`choice("1 of 2") {`); taken by open(). */
  private pendingGroup: Modifier[] | null = null;

  private relationModifier(t: IToken): Modifier | null {
    if (!MODIFIER_NAMES.has(t.image)) return null;
    return { name: t.image as ModifierName, span: this.tokenSpan(t) };
  }

  /** Drops repeated modifiers (GSN212 on the second). */
  private dedupe(modifiers: Modifier[], what: string): Modifier[] {
    const seen = new Map<string, Span>();
    const kept: Modifier[] = [];
    for (const m of modifiers) {
      const first = seen.get(m.name);
      if (first === undefined) {
        seen.set(m.name, m.span);
        kept.push(m);
        continue;
      }
      this.diagnostics.push({ code: 'GSN212', message: `'${m.name}' is written twice on ${what}`, span: m.span, related: [{ message: `the first '${m.name}'`, span: first }] });
    }
    return kept;
  }

  /** '{' opens the block of the element just before it; anywhere else it is an error. */
  private open(brace: IToken, anchor: Statement | undefined, open: OpenBlock[]): void {
    const span = this.tokenSpan(brace);
    const group = this.pendingGroup;
    this.pendingGroup = null;
    if (group && this.openGroup(group, span, open, anchor?.type === 'element')) return;
    if (anchor?.type === 'element') {
      const owner = anchor.element;
      if (owner) owner.span = { start: owner.span.start, end: Math.max(owner.span.end, span.end) };
      open.push({ owner, brace: span });
      return;
    }
    this.report('GSN110', "unexpected '{': a block follows an element, as in goal G1 \"...\" { ... }", span);
    // Still open a block, so that its '}' does not count as a second error.
    open.push({ owner: null, brace: span });
  }

  /**
   * Pattern extension: `choice("1 of 2") {` opens a group of alternatives inside the innermost
   * block; its members are the owner's children, marked with the group. Other modifiers before
   * '{' are reported; without a `choice` the '{' opens the block of the element just before it
   * (false: read as usual) or, after no element, a block whose children join the enclosing one.
   */
  private openGroup(modifiers: Modifier[], brace: Span, open: OpenBlock[], afterElement: boolean): boolean {
    const choice = modifiers.find((m) => m.name === 'choice');
    for (const m of modifiers) {
      if (m !== choice) this.report('GSN110', `only 'choice' opens a group of alternatives in a block, as in choice("1 of 2") { ... }; '${m.name}' cannot be written before '{'`, m.span);
    }
    const block = open[open.length - 1];
    if (!choice) {
      if (afterElement) return false;
      open.push({ ...(block ?? { owner: null }), brace }); // one mistake, one error: its children are kept
      return true;
    }
    const span = { start: choice.span.start, end: brace.end };
    if (block === undefined) {
      this.report('GSN110', 'a choice group is written inside the block of a goal or strategy, around the alternatives: goal G1 "..." { choice("1 of 2") { ... } }', span);
      open.push({ owner: null, brace });
      return true;
    }
    if (block.group !== undefined) {
      // Its members join the enclosing group: one mistake, one error.
      this.report('GSN110', `a choice group cannot be nested in another choice group (in${ownerText(block)}); write the alternatives in one group`, span);
      open.push({ ...block, brace });
      return true;
    }
    const owner = block.owner;
    if (!owner) {
      open.push({ owner: null, brace });
      return true;
    }
    const choices = owner.choices ?? (owner.choices = []);
    choices.push({ type: 'choiceGroup', modifier: choice, span });
    open.push({ owner, brace, group: choices.length - 1 });
    return true;
  }

  private strayMessage(t: IToken, block: OpenBlock | undefined): string {
    const found = describeToken(t);
    if (block) return `expected an element kind (${KIND_LIST}), a bare ID or '}' inside${ownerText(block)}, found ${found}`;
    return topLevelMessage(t);
  }

  private close(brace: IToken, open: OpenBlock[]): void {
    const span = this.tokenSpan(brace);
    const block = open.pop();
    if (block === undefined) {
      this.report('GSN110', "unexpected '}': there is no open block to close here", span);
      return;
    }
    if (block.owner) block.owner.span = { start: block.owner.span.start, end: Math.max(block.owner.span.end, span.end) };
    const group = block.group === undefined ? undefined : block.owner?.choices?.[block.group];
    if (group) group.span = { start: group.span.start, end: Math.max(group.span.end, span.end) };
  }

  /** Blocks still open at the end: one error, at the last character, naming the innermost. */
  private closeAtEnd(open: OpenBlock[]): void {
    for (let i = open.length - 1; i >= 0; i--) {
      const owner = open[i]?.owner;
      const last = owner?.children[owner.children.length - 1];
      if (owner && last) owner.span = { start: owner.span.start, end: Math.max(owner.span.end, last.span.end) };
    }
    const innermost = open[open.length - 1];
    if (innermost === undefined || this.options.cut) return;
    const more = open.length > 1 ? ` (nor are the ${open.length - 1} blocks around it)` : '';
    const end = this.text.length;
    const what = `${innermost.group !== undefined ? 'the choice group in ' : ''}the block of ${innermost.owner?.id ?? 'an element'}`;
    this.report('GSN110', `${what} is not closed: expected '}' before the end of the file${more}`, {
      start: Math.max(0, end - 1),
      end,
    });
  }

  /**
   * The statements of the flat CST in source order (the CST groups children by name). Plain
   * loops, one list per CST key: on a 5 MB file, chains of map and filter allocated as much
   * as the whole AST.
   */
  /**
   * The document's statements in source order. Chevrotain groups a node's children by name, so
   * each group becomes a list of statements and the lists are merged by position.
   */
  private statements(cst: CstNode | undefined): Statement[] {
    const lists: Statement[][] = [];
    for (const key of STATEMENT_KEYS) {
      const list: Statement[] = [];
      for (const child of cst?.children?.[key] ?? NONE) {
        const part = key === 'element' ? elementParts(child as CstNode) : child;
        const statement = this.statementOf(key, part);
        if (statement !== null) list.push(statement);
      }
      if (list.length > 0) lists.push(list);
    }
    return mergeBySource(lists);
  }

  /** The statement a child of the document's CST stands for (null: nothing usable, already reported). */
  private statementOf(key: string, part: CstElement | ElementParts): Statement | null {
    if (key === 'element') {
      const parts = part as ElementParts;
      const element = this.element(parts);
      const start = element?.span.start ?? firstOffset(parts);
      return Number.isFinite(start) ? { type: 'element', start, element } : null;
    }
    if ('image' in part) {
      const type = TOKEN_STATEMENTS.get(key);
      return type !== undefined && isReal(part) ? { type, start: part.startOffset, token: part } : null;
    }
    const statement = this.nodeStatement(key, part as CstNode);
    return statement !== null && Number.isFinite(statement.start) ? statement : null;
  }

  private nodeStatement(key: string, n: CstNode): Statement | null {
    switch (key) {
      case 'linkStatement': {
        const link = this.linkStatement(n);
        return link && { type: 'link', start: link.span.start, link };
      }
      case 'contractStatement':
        return this.contractStatement(n);
      case 'challengeStatement': {
        const challenge = this.challengeStatement(n);
        return challenge && { type: 'challenge', start: challenge.span.start, challenge };
      }
      case 'modifierLabel': {
        const label = this.modifierLabel(n);
        return label && { type: 'label', start: label.span.start, label };
      }
      case 'moduleHeader': {
        const header = this.moduleHeader(n);
        return header && { type: 'header', start: header.span.start, header };
      }
      case 'importStatement': {
        const statement = this.importStatement(n);
        return statement && { type: 'import', start: statement.span.start, statement };
      }
      default:
        return null;
    }
  }

  /** The first header is the module's; a later one is GSN212, a late first one GSN110. */
  private pickHeader(headers: ModuleHeader[], items: TopItem[]): ModuleHeader | null {
    const first = headers[0];
    if (first === undefined) return null;
    const firstItem = items[0];
    const firstImport = this.imports[0];
    if ((firstItem !== undefined && firstItem.span.start < first.span.start) || (firstImport !== undefined && firstImport.span.start < first.span.start)) {
      this.report('GSN110', 'the module header must come first, before any import, element or link', first.span);
    }
    for (const extra of headers.slice(1)) {
      this.diagnostics.push({
        code: 'GSN212',
        message: `a file has one module header, and this one repeats it (the module is already named ${first.name})`,
        span: extra.span,
        related: [{ message: 'the first module header', span: first.span }],
      });
    }
    return first;
  }

  private moduleHeader(cst: CstNode): ModuleHeader | null {
    const keyword = token(cst, 'Module');
    const name = realToken(cst, 'Identifier');
    if (name === undefined) return null;
    const description = this.textString(realToken(cst, 'StringLiteral'));
    const nameSpan = this.tokenSpan(name);
    return {
      type: 'module',
      name: name.image,
      nameSpan,
      description,
      span: this.union([this.maybeSpan(keyword), nameSpan, description?.span]),
    };
  }

  /** Modular extension: `contract module ...` (a header with its keyword) or `contract Name` (a reference with it). */
  private contractStatement(cst: CstNode): Statement | null {
    const keyword = realToken(cst, 'Contract');
    if (keyword === undefined) return null;
    const contract = this.tokenSpan(keyword);
    const headerNode = nodes(cst, 'moduleHeader')[0];
    if (headerNode) {
      const header = this.moduleHeader(headerNode);
      if (header === null) return null;
      return { type: 'header', start: contract.start, header: { ...header, span: this.union([contract, header.span]), contractSpan: contract } };
    }
    const name = realToken(cst, 'Identifier');
    if (name === undefined) return null;
    return { type: 'contract', start: contract.start, reference: { ...this.reference(name), contractSpan: contract } };
  }

  private importStatement(cst: CstNode): ImportStatement | null {
    const keyword = this.maybeSpan(token(cst, 'Import'));
    const name = realToken(cst, 'Identifier');
    if (name !== undefined) {
      const nameSpan = this.tokenSpan(name);
      return { type: 'import', name: name.image, nameSpan, span: this.union([keyword, nameSpan]) };
    }
    // `import "path"`: the path's escapes are decoded (and reported) like any text's.
    const path = this.textString(realToken(cst, 'StringLiteral'));
    if (path === null) return null;
    return { type: 'import', name: null, path: path.value, nameSpan: path.span, span: this.union([keyword, path.span]) };
  }

  private element(parts: ElementParts): ElementNode | null {
    const { id: idToken, kind: kindToken } = parts;
    if (idToken === undefined || kindToken === undefined || !KIND_NAMES.has(kindToken.image)) return null;
    const modifiers = this.modifiers(parts.modifiers, idToken.image);
    this.labelModifiers(modifiers, parts.labels);
    const text = this.textString(parts.text);
    const annotations: Annotation[] = [];
    for (const n of parts.annotations) {
      const annotation = this.annotation(n);
      if (annotation) annotations.push(annotation);
    }
    // Loops, not arrays of parts: this runs once per element of files of tens of thousands.
    const kindSpan = this.tokenSpan(kindToken);
    const idSpan = this.tokenSpan(idToken);
    let start = Math.min(kindSpan.start, idSpan.start);
    let end = Math.max(kindSpan.end, idSpan.end);
    const cover = (span: Span | undefined) => {
      if (span === undefined) return;
      if (span.start < start) start = span.start;
      if (span.end > end) end = span.end;
    };
    cover(text?.span);
    for (const m of modifiers) cover(m.span);
    for (const a of annotations) cover(a.span);
    return {
      type: 'element',
      kind: kindToken.image as ElementKind,
      kindSpan,
      modifiers,
      id: idToken.image,
      idSpan,
      text,
      annotations,
      children: [],
      span: { start: this.clamp(start), end: Math.max(this.clamp(start), this.clamp(end)) },
    };
  }

  /** Modifiers in source order; writing one twice is GSN212 on the second. */
  private modifiers(found: readonly IToken[], id: string): Modifier[] {
    if (found.length === 0) return []; // the common case: no Map, no loop
    const seen = new Map<string, Span>();
    const result: Modifier[] = [];
    for (const t of found) {
      if (!isReal(t) || !MODIFIER_NAMES.has(t.image)) continue;
      const span = this.tokenSpan(t);
      const first = seen.get(t.image);
      if (first !== undefined) {
        this.diagnostics.push({
          code: 'GSN212',
          message: `'${t.image}' is written twice on ${id}`,
          span,
          related: [{ message: `the first '${t.image}'`, span: first }],
        });
        continue;
      }
      seen.set(t.image, span);
      result.push({ name: t.image as ModifierName, span });
    }
    return result;
  }

  /** Pattern extension: each label (`many(n)`) goes to the modifier written just before it. */
  private labelModifiers(modifiers: Modifier[], labels: readonly CstNode[]): void {
    for (const node of labels) {
      const label = this.modifierLabel(node);
      if (!label) continue;
      let owner: Modifier | undefined;
      for (const m of modifiers) if (m.span.start < label.span.start) owner = m;
      if (owner) withLabel(owner, label);
    }
  }

  /** The argument of `( ArgValue )`, with the span of the whole label. */
  private modifierLabel(cst: CstNode): AnnotationArg | null {
    const arg = realToken(cst, 'ArgValue');
    if (arg === undefined) return null;
    const value = this.annotationArg(arg);
    return { ...value, span: this.union([this.maybeSpan(token(cst, 'LParen')), value.span, this.maybeSpan(token(cst, 'RParen'))]) };
  }

  private linkStatement(cst: CstNode): LinkStatement | null {
    const ids = tokens(cst, 'Identifier').filter(isReal);
    const [first, ...rest] = ids;
    if (first === undefined || rest.length === 0) return null;
    const from = this.reference(first);
    const to = rest.map((t) => this.reference(t));
    return { type: 'link', from, to, span: this.union([from.span, ...to.map((r) => r.span)]) };
  }

  private reference(t: IToken): Reference {
    return { type: 'reference', id: t.image, span: this.tokenSpan(t) };
  }

  /** A bare ID in a block, with the modifiers written before it (`defeated Sn1`). */
  private modifiedReference(t: IToken): Reference {
    const ref = this.reference(t);
    const modifiers = this.pendingReference;
    this.pendingReference = null;
    if (modifiers && modifiers.length > 0) ref.modifiers = this.dedupe(modifiers, `the link to ${ref.id}`);
    return ref;
  }

  private challengeStatement(cst: CstNode): ChallengeStatement | null {
    const keyword = realToken(cst, 'Challenges');
    const targets = nodes(cst, 'challengeTarget')
      .map((n) => this.challengeTarget(n))
      .filter(isPresent);
    if (keyword === undefined || targets.length === 0) return null;
    const fromToken = realToken(cst, 'Identifier');
    const from = fromToken ? this.reference(fromToken) : null;
    const parts = [this.tokenSpan(keyword), from?.span, ...targets.map((t) => t.span)];
    return { type: 'challenge', from, targets, modifiers: [], span: this.union(parts) };
  }

  private challengeTarget(cst: CstNode): ChallengeTarget | null {
    const [first, second] = tokens(cst, 'Identifier').filter(isReal);
    if (first === undefined) return null;
    const from = this.reference(first);
    if (second === undefined) return { type: 'element', element: from, span: from.span };
    const to = this.reference(second);
    return { type: 'relation', from, to, span: this.union([from.span, to.span]) };
  }

  private annotation(cst: CstNode): Annotation | null {
    const at = realToken(cst, 'AtName');
    if (at === undefined) return null;
    const args = tokens(cst, 'ArgValue')
      .filter(isReal)
      .map((t) => this.annotationArg(t));
    const nameSpan = this.tokenSpan(at);
    const parts = [nameSpan, this.maybeSpan(token(cst, 'LParen')), this.maybeSpan(token(cst, 'RParen'))];
    return { type: 'annotation', name: at.image.slice(1), nameSpan, args, span: this.union([...parts, ...args.map((a) => a.span)]) };
  }

  private annotationArg(t: IToken): AnnotationArg {
    const span = this.tokenSpan(t);
    if (t.tokenType === NumberLiteral) return { type: 'number', value: Number(t.image), raw: t.image, span };
    if (t.tokenType === StringLiteral) return { type: 'string', value: stringValue(t), span };
    return { type: 'identifier', value: t.image, span }; // an ID, a hyphenated name or a keyword
  }

  private textString(t: IToken | undefined): TextString | null {
    if (t === undefined) return null;
    return { value: stringValue(t), span: this.tokenSpan(t) };
  }

  private report(code: string, message: string, span: Span): void {
    this.diagnostics.push({ code, message, span });
  }

  // --- spans ------------------------------------------------------------------------------

  private clamp(offset: number): number {
    if (!Number.isFinite(offset)) return this.text.length;
    return Math.min(Math.max(0, Math.trunc(offset)), this.text.length);
  }

  /** The span of a token, clamped; callers pass real tokens (finite offsets). */
  tokenSpan(t: IToken): Span {
    const start = this.clamp(t.startOffset);
    return { start, end: Math.max(start, this.clamp(t.startOffset + t.image.length)) };
  }

  private maybeSpan(t: IToken | undefined): Span | undefined {
    return t !== undefined && isReal(t) ? this.tokenSpan(t) : undefined;
  }

  /** The smallest span covering all the given ones (a zero span at the end if none). */
  private union(spans: Array<Span | undefined>): Span {
    let start = Infinity;
    let end = -Infinity;
    for (const s of spans) {
      if (s === undefined) continue;
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
    if (start === Infinity) return { start: this.text.length, end: this.text.length };
    return { start: this.clamp(start), end: Math.max(this.clamp(start), this.clamp(end)) };
  }
}

// --- CST access, tolerant of missing children ---------------------------------------------

const NONE: never[] = [];

// Chevrotain keys CST children by the name consumed: a token name holds tokens only and a rule
// name holds nodes only, so no per-child type test (and no copy) is needed.
function nodes(cst: CstNode | undefined, key: string): CstNode[] {
  return (cst?.children?.[key] as CstNode[] | undefined) ?? NONE;
}

function tokens(cst: CstNode | undefined, key: string): IToken[] {
  return (cst?.children?.[key] as IToken[] | undefined) ?? NONE;
}

function token(cst: CstNode | undefined, key: string): IToken | undefined {
  return tokens(cst, key)[0];
}

function realToken(cst: CstNode | undefined, key: string): IToken | undefined {
  return tokens(cst, key).find(isReal);
}

/** A token read from the text, not inserted by recovery. */
function isReal(t: IToken): boolean {
  return t.isInsertedInRecovery !== true && Number.isFinite(t.startOffset) && t.image.length > 0;
}

function stringValue(t: IToken): string {
  return typeof t.payload === 'string' ? t.payload : t.image.replace(/^"|"$/g, '');
}

function isPresent<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/** The offset of the first token read from the text in an element's (recovered) statement, NaN if none. */
function firstOffset(parts: ElementParts): number {
  let first = NaN;
  for (const t of [...parts.modifiers, parts.kind, parts.id, parts.text]) {
    if (t !== undefined && isReal(t) && !(t.startOffset >= first)) first = t.startOffset;
  }
  return first;
}

/** An element's CST node as its parts. */
function elementParts(cst: CstNode): ElementParts {
  return {
    modifiers: tokens(cst, 'Modifier'),
    labels: nodes(cst, 'modifierLabel'),
    kind: realToken(cst, 'Kind'),
    id: realToken(cst, 'Identifier'),
    text: realToken(cst, 'StringLiteral'),
    annotations: nodes(cst, 'annotation'),
  };
}

/** Gives a modifier its label and stretches its span over it. */
function withLabel(m: Modifier, label: AnnotationArg): void {
  m.label = label;
  m.span = { start: m.span.start, end: Math.max(m.span.end, label.span.end) };
}

/** Adds a child to the block's owner (children of an unusable element are dropped), marked with its choice group. */
function addChild(block: OpenBlock, child: ChildItem): void {
  if (!block.owner) return;
  if (block.group !== undefined) child.choiceGroup = block.group;
  block.owner.children.push(child);
}

function targetText(c: ChallengeStatement): string {
  return c.targets.map((t) => (t.type === 'element' ? t.element.id : `${t.from.id} -> ${t.to.id}`)).join(', ');
}

function ownerText(block: OpenBlock): string {
  return block.owner ? ` the block of ${block.owner.id}` : ' a block';
}

/** Merges lists that are each in source order into one (the CST groups children by name). */
function mergeBySource(lists: Statement[][]): Statement[] {
  const merged: Statement[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    let best = -1;
    let bestStart = Infinity;
    for (let i = 0; i < lists.length; i++) {
      const candidate = lists[i]?.[next[i] ?? 0];
      if (candidate !== undefined && candidate.start < bestStart) {
        best = i;
        bestStart = candidate.start;
      }
    }
    if (best < 0) return merged;
    const list = lists[best];
    const at = next[best] ?? 0;
    const chosen = list?.[at];
    if (chosen) merged.push(chosen);
    next[best] = at + 1;
  }
}
