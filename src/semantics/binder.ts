import type { Span, StageDiagnostic } from '../diagnostics/types.js';
import type { Limits } from '../limits.js';
import { CONTEXT_KINDS, type ChildItem, type Document, type ElementNode, type TopItem } from '../syntax/ast.js';
import type { ModelEdge, Relation } from './model.js';
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
  diagnostics: StageDiagnostic[];
}

/** One written relation, before its names are resolved. */
interface Statement {
  from: string;
  /** Where `from` is written, when it is a name to resolve (link statements); null for a block's owner. */
  fromSpan: Span | null;
  to: string;
  span: Span;
}

/** Generous but bounded: 2 million comparisons cost well under a second. */
const SUGGESTION_BUDGET = 2_000_000;

export function bind(doc: Document, limits: Limits): Binding {
  const diagnostics: StageDiagnostic[] = [];
  const walked = walk(doc, limits.maxElements);
  if (walked.overflow) {
    diagnostics.push(tooManyElements(walked.overflow, limits));
    return { nodes: [], symbols: new Map(), elements: [], edges: [], diagnostics };
  }
  const { symbols, elements } = defineAll(walked.nodes, diagnostics);
  const edges = resolveAll(walked.statements, symbols, diagnostics);
  return { nodes: walked.nodes, symbols, elements, edges, diagnostics };
}

interface Walked {
  nodes: ElementNode[];
  statements: Statement[];
  /** The first element past the limit, if the case has too many. */
  overflow: ElementNode | null;
}

/** Pre-order walk with an explicit stack: pops come in source order. */
function walk(doc: Document, maxElements: number): Walked {
  const nodes: ElementNode[] = [];
  const statements: Statement[] = [];
  const stack: { item: TopItem | ChildItem; owner: ElementNode | null }[] = [];
  pushReversed(stack, doc.items ?? [], null);
  while (stack.length > 0) {
    const { item, owner } = stack.pop()!;
    if (!item) continue; // a recovered parse may leave holes
    if (item.type === 'link') {
      for (const target of item.to ?? []) {
        if (item.from?.id && target?.id) statements.push({ from: item.from.id, fromSpan: item.from.span, to: target.id, span: target.span });
      }
      continue;
    }
    if (owner?.id && item.id) {
      statements.push({ from: owner.id, fromSpan: null, to: item.id, span: item.type === 'element' ? item.idSpan : item.span });
    }
    if (item.type !== 'element') continue;
    if (nodes.length === maxElements) return { nodes, statements, overflow: item };
    nodes.push(item);
    pushReversed(stack, item.children ?? [], item);
  }
  return { nodes, statements, overflow: null };
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

function resolveAll(statements: Statement[], symbols: Map<string, ElementNode>, diagnostics: StageDiagnostic[]): ModelEdge[] {
  const edges: ModelEdge[] = [];
  const stated = new Map<string, ModelEdge>();
  const unresolved = new Unresolved(symbols);
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
    stated.set(key, edge);
    edges.push(edge);
  }
  return edges;
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
