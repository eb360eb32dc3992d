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
}
