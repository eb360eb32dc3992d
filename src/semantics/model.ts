import type { Span } from '../diagnostics/types.js';
import type { Annotation, ElementKind } from '../syntax/ast.js';

/**
 * The checked model: elements and relations as GSN defines them, independent of how the text
 * was written (nesting, bare references and link statements all become edges).
 */
export interface Model {
  module: { name: string; description: string | null } | null;
  /** In source order of definition. */
  elements: ModelElement[];
  /** In source order; the order of SupportedBy edges from one element is the drawing order. */
  edges: ModelEdge[];
  /** Goals that nothing supports, in source order: the tops of the argument. */
  topGoals: string[];
  /** Dialectic extension: `challenges` relations, in source order (absent when there are none). */
  challenges?: ModelChallenge[];
}

/** What a challenge points at: an element, or a relation (an edge or another challenge). */
export type ChallengeTargetRef = { type: 'element'; id: string } | { type: 'relation'; from: string; to: string };

export interface ModelChallenge {
  /** The challenger: a counter goal or counter solution. */
  from: string;
  target: ChallengeTargetRef;
  /** `defeated challenges ...`: the challenge itself is defeated (crossed out). */
  defeated: boolean;
  /** The target as written. */
  span: Span;
}

export type Relation = 'supportedBy' | 'inContextOf';

export interface ModelElement {
  id: string;
  kind: ElementKind;
  /** Decoded text, markup as written; XML-illegal characters already replaced by U+FFFD. */
  text: string;
  undeveloped: boolean;
  uninstantiated: boolean;
  /** From `@url`, only when it passed the allow-list. */
  url: string | null;
  /** From `@class`, validated CSS identifiers, in order, without duplicates. */
  classes: string[];
  /** Dialectic extension: a counter goal or counter solution (absent = false). */
  counter?: boolean;
  /** Dialectic extension: defeated by a challenge, drawn crossed out (absent = false). */
  defeated?: boolean;
  /** Every annotation as written, for later stages (the framework mapping reads these). */
  annotations: Annotation[];
  span: Span;
  idSpan: Span;
}

export interface ModelEdge {
  from: string;
  to: string;
  relation: Relation;
  /** The child element, reference or link target that stated this edge. */
  span: Span;
  /** Dialectic extension: the relation is defeated, drawn crossed out (absent = false). */
  defeated?: boolean;
}
