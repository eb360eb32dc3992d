import type { StageDiagnostic } from '../diagnostics/types.js';
import type { Document, ElementKind, ElementNode } from '../syntax/ast.js';
import type { Binding } from './binder.js';
import { Graph } from './graph.js';

/** What every rule reads: the document, the bound symbols and edges, and the graph over them. */
export interface SemanticContext {
  readonly doc: Document;
  /** The source text, when the caller passes it: lets rules point inside strings exactly. */
  readonly source: string | undefined;
  /** Every element node as written, duplicates included: for rules about how a node is written. */
  readonly nodes: readonly ElementNode[];
  /** First definition of each ID, in source order: for rules about the argument's structure. */
  readonly elements: readonly ElementNode[];
  readonly symbols: ReadonlyMap<string, ElementNode>;
  readonly graph: Graph;
  /** Goals nothing supports, in source order. */
  readonly topGoals: readonly ElementNode[];
}

/** A rule looks at the context and returns what it found; rules never depend on each other. */
export type Rule = (ctx: SemanticContext) => StageDiagnostic[];

export function createContext(doc: Document, binding: Binding, source: string | undefined): SemanticContext {
  const graph = new Graph(binding.edges);
  const topGoals = binding.elements.filter((e) => e.kind === 'goal' && graph.incoming(e.id, 'supportedBy').length === 0);
  return { doc, source, nodes: binding.nodes, elements: binding.elements, symbols: binding.symbols, graph, topGoals };
}

/** "goal G1": how messages name an element. */
export function named(node: Pick<ElementNode, 'kind' | 'id'>): string {
  return `${node.kind} ${node.id}`;
}

export function hasModifier(node: ElementNode, name: 'undeveloped' | 'uninstantiated'): boolean {
  return (node.modifiers ?? []).some((m) => m.name === name);
}

/** "goals", "strategies". */
export function plural(kind: ElementKind): string {
  return kind === 'strategy' ? 'strategies' : `${kind}s`;
}
