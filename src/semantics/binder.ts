import type { Span, StageDiagnostic } from '../diagnostics/types.js';
import type { Limits } from '../limits.js';
import { CONTEXT_KINDS, type ChallengeStatement, type ChildItem, type Document, type ElementNode, type Modifier, type TopItem } from '../syntax/ast.js';
import type { ModelChallenge, ModelEdge, Multiplicity, Relation } from './model.js';
import { LINK_MODIFIERS } from './modifiers.js';
import { sanitizeText } from '../text/sanitize.js';
import { suggest, type SuggestBudget } from './suggest.js';

/**
 * The binder: finds every element definition, builds the symbol table (ID -> definition) and
 * turns the three ways of writing a relation (nesting, a bare ID in a block, `A -> B, C`) into
 * one list of edges. Everything is resolved by ID, so a duplicate definition's children attach
 * to the first definition of that ID.
 */
export interface Binding {
  /** Every element node as written, duplicates included, in source order. */
  nodes: ElementNode[];
  /** ID -> first definition. A Map, so IDs like `__proto__` are ordinary keys. */
  symbols: Map<string, ElementNode>;
  /** The first definition of each ID, in source order. */
  elements: ElementNode[];
  /** Resolved, without repeats, in source order. */
  edges: ModelEdge[];
  /** Dialectic `challenges`, resolved (unresolved names are GSN202), without repeats. */
  challenges: ModelChallenge[];
  diagnostics: StageDiagnostic[];
}

/** One written relation, before its names are resolved. */
interface Statement {
  from: string;
  /** Where `from` is written, when it is a name to resolve (link statements); null for a block's owner. */
  fromSpan: Span | null;
  to: string;
  span: Span;
  /** Modifiers written on the relation itself (`defeated Sn1`, `defeated G1 -> Sn1`). */
  modifiers: readonly Modifier[];
}

/** One written challenge, before its names are resolved. */
interface ChallengeWritten {
  statement: ChallengeStatement;
  /** The block's owner, for a challenge written in a block. */
  owner: string | null;
}

/** Generous but bounded: 2 million comparisons cost well under a second. */
const SUGGESTION_BUDGET = 2_000_000;

export function bind(doc: Document, limits: Limits): Binding {
  const diagnostics: StageDiagnostic[] = [];
  const walked = walk(doc, limits.maxElements);
  if (walked.overflow) {
    diagnostics.push(tooManyElements(walked.overflow, limits));
    return { nodes: [], symbols: new Map(), elements: [], edges: [], challenges: [], diagnostics };
  }
  const { symbols, elements } = defineAll(walked.nodes, diagnostics);
  const unresolved = new Unresolved(symbols);
  const edges = resolveAll(walked.statements, symbols, unresolved, diagnostics);
  const challenges = resolveChallenges(walked.challenges, symbols, unresolved, diagnostics);
  return { nodes: walked.nodes, symbols, elements, edges, challenges, diagnostics };
}

interface Walked {
  nodes: ElementNode[];
  statements: Statement[];
  challenges: ChallengeWritten[];
  /** The first element past the limit, if the case has too many. */
  overflow: ElementNode | null;
}

/** Pre-order walk with an explicit stack: pops come in source order. */
function walk(doc: Document, maxElements: number): Walked {
  const nodes: ElementNode[] = [];
  const statements: Statement[] = [];
  const challenges: ChallengeWritten[] = [];
  const stack: { item: TopItem | ChildItem; owner: ElementNode | null }[] = [];
  pushReversed(stack, doc.items ?? [], null);
  while (stack.length > 0) {
    const { item, owner } = stack.pop()!;
    if (!item) continue; // a recovered parse may leave holes
    if (item.type === 'link') {
      const modifiers = item.modifiers ?? [];
      for (const target of item.to ?? []) {
        if (item.from?.id && target?.id) statements.push({ from: item.from.id, fromSpan: item.from.span, to: target.id, span: target.span, modifiers });
      }
      continue;
    }
    if (item.type === 'challenge') {
      challenges.push({ statement: item, owner: owner?.id ?? null });
      continue;
    }
    if (owner?.id && item.id) {
      const span = item.type === 'element' ? item.idSpan : item.span;
      const modifiers = item.type === 'reference' ? (item.modifiers ?? []) : (item.modifiers ?? []).filter((m) => LINK_MODIFIERS.has(m.name));
      statements.push({ from: owner.id, fromSpan: null, to: item.id, span, modifiers });
    }
    if (item.type !== 'element') continue;
    if (nodes.length === maxElements) return { nodes, statements, challenges, overflow: item };
    nodes.push(item);
    pushReversed(stack, item.children ?? [], item);
  }
  return { nodes, statements, challenges, overflow: null };
}

function pushReversed(stack: { item: TopItem | ChildItem; owner: ElementNode | null }[], items: readonly (TopItem | ChildItem)[], owner: ElementNode | null) {
  for (let i = items.length - 1; i >= 0; i--) stack.push({ item: items[i]!, owner });
}

function defineAll(nodes: ElementNode[], diagnostics: StageDiagnostic[]) {
  const symbols = new Map<string, ElementNode>();
  const elements: ElementNode[] = [];
  for (const node of nodes) {
    if (!node.id) continue; // the parser has already reported a missing ID
    const first = symbols.get(node.id);
    if (first) {
      diagnostics.push(duplicate(node, first));
      continue;
    }
    symbols.set(node.id, node);
    elements.push(node);
  }
  return { symbols, elements };
}

function duplicate(node: ElementNode, first: ElementNode): StageDiagnostic {
  return {
    code: 'GSN201',
    message: `duplicate ID ${node.id}: ${first.kind} ${first.id} is already defined; IDs must be unique across the whole case`,
    span: node.idSpan,
    related: [{ message: `${first.kind} ${first.id} is first defined here`, span: first.idSpan }],
  };
}

function resolveAll(statements: Statement[], symbols: Map<string, ElementNode>, unresolved: Unresolved, diagnostics: StageDiagnostic[]): ModelEdge[] {
  const edges: ModelEdge[] = [];
  const stated = new Map<string, ModelEdge>();
  for (const s of statements) {
    const from = symbols.get(s.from);
    const to = symbols.get(s.to);
    // A link statement's unknown source is reported once, not once per target.
    if (!from && s.fromSpan && !unresolved.seenSpan(s.fromSpan)) diagnostics.push(unresolved.report(s.from, s.fromSpan));
    if (!to) diagnostics.push(unresolved.report(s.to, s.span));
    if (!from || !to) continue;
    const key = `${from.id}\u0000${to.id}`;
    const earlier = stated.get(key);
    if (earlier) {
      diagnostics.push(repeated(earlier, s.span));
      continue;
    }
    const edge: ModelEdge = { from: from.id, to: to.id, relation: relationTo(to), span: s.span };
    if (s.modifiers.some((m) => m.name === 'defeated')) edge.defeated = true;
    const multiplicity = multiplicityOf(s.modifiers);
    if (multiplicity) edge.multiplicity = multiplicity;
    stated.set(key, edge);
    edges.push(edge);
  }
  return edges;
}

/**
 * Resolves every challenge: the challenger (the block's owner or the named ID) and each target.
 * An unknown name is GSN202; whether a challenged relation exists is a rule's job (GSN503).
 */
function resolveChallenges(written: ChallengeWritten[], symbols: Map<string, ElementNode>, unresolved: Unresolved, diagnostics: StageDiagnostic[]): ModelChallenge[] {
  const found: ModelChallenge[] = [];
  const stated = new Map<string, ModelChallenge>();
  const known = (id: string, span: Span): boolean => {
    if (symbols.has(id)) return true;
    diagnostics.push(unresolved.report(id, span));
    return false;
  };
  for (const { statement, owner } of written) {
    const from = statement.from ? statement.from.id : owner;
    if (!from || (statement.from && !known(from, statement.from.span))) continue;
    const defeated = (statement.modifiers ?? []).some((m) => m.name === 'defeated');
    for (const t of statement.targets ?? []) {
      const ok = t.type === 'element' ? known(t.element.id, t.element.span) : known(t.from.id, t.from.span) && known(t.to.id, t.to.span);
      if (!ok) continue;
      const target: ModelChallenge['target'] = t.type === 'element' ? { type: 'element', id: t.element.id } : { type: 'relation', from: t.from.id, to: t.to.id };
      const challenge: ModelChallenge = { from, target, defeated, span: t.span };
      const key = challengeKey(challenge);
      const earlier = stated.get(key);
      if (earlier) {
        diagnostics.push(repeatedChallenge(earlier, t.span));
        continue;
      }
      stated.set(key, challenge);
      found.push(challenge);
    }
  }
  return found;
}

export function challengeKey(c: Pick<ModelChallenge, 'from' | 'target'>): string {
  const t = c.target;
  return t.type === 'element' ? `${c.from}\u0000${t.id}` : `${c.from}\u0000${t.from}\u0000${t.to}`;
}

export function targetName(target: ModelChallenge['target']): string {
  return target.type === 'element' ? target.id : `the link ${target.from} -> ${target.to}`;
}

function repeatedChallenge(earlier: ModelChallenge, span: Span): StageDiagnostic {
  return {
    code: 'GSN307',
    message: `${earlier.from} already challenges ${targetName(earlier.target)}; this states the same challenge again`,
    span,
    related: [{ message: 'the challenge is first stated here', span: earlier.span }],
  };
}

/** Pattern extension: the first of `many` / `optional` (both on one link is GSN508). */
function multiplicityOf(modifiers: readonly Modifier[]): Multiplicity | null {
  const m = modifiers.find((x) => x.name === 'many' || x.name === 'optional');
  if (!m) return null;
  return { kind: m.name as Multiplicity['kind'], label: m.name === 'many' ? labelText(m) : null };
}

/** A modifier's label as drawn: `many(n)` "n", `many(3)` "3", `many("1..*")` "1..*". */
export function labelText(m: Modifier): string | null {
  const label = m.label;
  if (!label) return null;
  return sanitizeText(label.type === 'number' ? label.raw : label.value);
}

/** The relation follows from the target's kind, as the GSN standard defines it. */
export function relationTo(target: ElementNode): Relation {
  return CONTEXT_KINDS.has(target.kind) ? 'inContextOf' : 'supportedBy';
}

function repeated(earlier: ModelEdge, span: Span): StageDiagnostic {
  const how = earlier.relation === 'supportedBy' ? 'supported by' : 'in the context of';
  return {
    code: 'GSN307',
    message: `${earlier.from} is already ${how} ${earlier.to}; this states the same link again`,
    span,
    related: [{ message: `the link ${earlier.from} -> ${earlier.to} is first stated here`, span: earlier.span }],
  };
}

/** Reports unresolved names, with a suggestion computed once per name. */
class Unresolved {
  private readonly suggestions = new Map<string, string | undefined>();
  private readonly budget: SuggestBudget = { remaining: SUGGESTION_BUDGET };
  private readonly spans = new Set<string>();

  constructor(private readonly symbols: Map<string, ElementNode>) {}

  seenSpan(span: Span): boolean {
    const key = `${span.start}:${span.end}`;
    if (this.spans.has(key)) return true;
    this.spans.add(key);
    return false;
  }

  report(id: string, span: Span): StageDiagnostic {
    if (!this.suggestions.has(id)) this.suggestions.set(id, suggest(id, this.symbols.keys(), this.budget));
    const near = this.suggestions.get(id);
    const nearNode = near === undefined ? undefined : this.symbols.get(near);
    if (!nearNode) return { code: 'GSN202', message: `no element ${id} is defined`, span };
    return {
      code: 'GSN202',
      message: `no element ${id} is defined; did you mean ${near}?`,
      span,
      related: [{ message: `${nearNode.kind} ${nearNode.id} is defined here`, span: nearNode.idSpan }],
    };
  }
}

function tooManyElements(overflow: ElementNode, limits: Limits): StageDiagnostic {
  return {
    code: 'GSN903',
    message: `the case has more than ${limits.maxElements} elements, the limit (set limits.maxElements to raise it)`,
    span: overflow.idSpan,
  };
}
