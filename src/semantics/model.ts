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
  /** Confidence extension: assurance claim points, in source order (absent when there are none). */
  acps?: ModelAcp[];
  /**
   * Pattern extension: choices among some of an element's SupportedBy links, written
   * `choice("1 of 2") { ... }` in its block, in source order (absent when there are none). A
   * `choice` element (ModelElement.choice) makes all its SupportedBy links alternatives instead.
   */
  choices?: ModelChoice[];
}

/** Pattern extension: a choice group: the links from `from` to each of `to` are its alternatives. */
export interface ModelChoice {
  from: string;
  /** `choice("1 of 2")`: "1 of 2"; null when no label is written. */
  label: string | null;
  /** The alternatives: targets of SupportedBy links from `from`, in source order. */
  to: string[];
  /** The `choice` modifier (with its label) that opens the group. */
  span: Span;
}

/** Confidence extension: an assurance claim point on an element or on the relation from -> to. */
export interface ModelAcp {
  name: string;
  on: { type: 'element'; id: string } | { type: 'relation'; from: string; to: string };
  /** Where the name (on an element) or the target (on a relation) is written. */
  span: Span;
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
  /** Pattern extension: the SupportedBy links are alternatives, `choice("1 of 2")` (absent = not a choice). */
  choice?: { label: string | null };
  /** Modular extension: `public`, may be referenced from other modules (absent = false). */
  public?: boolean;
  /** Modular extension: an element of another module, drawn as an away element (absent = local). */
  away?: { module: string };
  /**
   * Modular extension: a module reference (drawn with the module shape; `id` is the module's
   * name); `contract`: a contract module reference (the module shape with a second tab).
   */
  moduleRef?: { name: string; description: string | null; contract?: boolean };
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
  /** Pattern extension: `many` (solid ball) or `optional` (hollow ball), with `many`'s label (absent = neither). */
  multiplicity?: Multiplicity;
}

export interface Multiplicity {
  kind: 'many' | 'optional';
  /** `many(n)`: "n"; null when no label is written. */
  label: string | null;
}
