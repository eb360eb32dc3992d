import type { StageDiagnostic } from '../diagnostics/types.js';
import type { Document, ElementKind, ElementNode, ModifierName } from '../syntax/ast.js';
import type { Binding } from './binder.js';
import { Graph } from './graph.js';
import type { ModelChallenge } from './model.js';

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
  /** Goals nothing supports, in source order (counter goals excluded: they attack, not argue). */
  readonly topGoals: readonly ElementNode[];
  /** Dialectic `challenges`, resolved, in source order. */
  readonly challenges: readonly ModelChallenge[];
}

/** A rule looks at the context and returns what it found; rules never depend on each other. */
export type Rule = (ctx: SemanticContext) => StageDiagnostic[];

export function createContext(doc: Document, binding: Binding, source: string | undefined): SemanticContext {
  const graph = new Graph(binding.edges);
  const topGoals = binding.elements.filter((e) => e.kind === 'goal' && !hasModifier(e, 'counter') && graph.incoming(e.id, 'supportedBy').length === 0);
  const { nodes, elements, symbols, challenges } = binding;
  return { doc, source, nodes, elements, symbols, graph, topGoals, challenges };
}

/** "goal G1": how messages name an element. */
export function named(node: Pick<ElementNode, 'kind' | 'id'>): string {
  return `${node.kind} ${node.id}`;
}

export function hasModifier(node: ElementNode, name: ModifierName): boolean {
  return (node.modifiers ?? []).some((m) => m.name === name);
}

/** "goals", "strategies". */
export function plural(kind: ElementKind): string {
  return kind === 'strategy' ? 'strategies' : `${kind}s`;
}
