import type { Span } from '../diagnostics/types.js';

/**
 * The abstract syntax tree: plain, JSON-serialisable data with a span on every node.
 * Spans are UTF-16 offsets into the source (see diagnostics/types.ts).
 */

export const ELEMENT_KINDS = ['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** Kinds that support a claim (the target of SupportedBy). */
export const SUPPORT_KINDS: ReadonlySet<ElementKind> = new Set(['goal', 'strategy', 'solution']);
/** Kinds that are contextual (the target of InContextOf). */
export const CONTEXT_KINDS: ReadonlySet<ElementKind> = new Set(['context', 'assumption', 'justification']);

export const MODIFIERS = ['undeveloped', 'uninstantiated', 'counter', 'defeated', 'many', 'optional', 'choice', 'public'] as const;
export type ModifierName = (typeof MODIFIERS)[number];

export interface Document {
  type: 'document';
  module: ModuleHeader | null;
  /** Modular extension: `import Name` and `import "path"` statements, in source order (absent when there are none). */
  imports?: ImportStatement[];
  /** Top-level elements and link statements, in source order. */
  items: TopItem[];
  span: Span;
}

export type TopItem = ElementNode | LinkStatement | ChallengeStatement;

export interface ModuleHeader {
  type: 'module';
  name: string;
  nameSpan: Span;
  description: TextString | null;
  span: Span;
  /** Modular extension: `contract module Name`, the file is a contract module; the keyword (absent otherwise). */
  contractSpan?: Span;
}

/** Modular extension: `import Name` or `import "path/to/file.gsn"`, after the module header. */
export interface ImportStatement {
  type: 'import';
  /** `import Name`: the module's name; null for an import by path. */
  name: string | null;
  /** `import "path"`: the path as written (escapes decoded), relative to the importing file; absent for `import Name`. */
  path?: string;
  /** The name, or the path's string literal. */
  nameSpan: Span;
  span: Span;
}

export interface ElementNode {
  type: 'element';
  kind: ElementKind;
  kindSpan: Span;
  modifiers: Modifier[];
  id: string;
  idSpan: Span;
  /** The decoded text (escapes resolved, markup kept as written). */
  text: TextString | null;
  annotations: Annotation[];
  /** Children in source order: nested elements and bare-ID references. */
  children: ChildItem[];
  /**
   * Pattern extension: the `choice("1 of 2") { ... }` groups written in the block, in source
   * order (absent when none). Their members stay in `children`, each marked with `choiceGroup`,
   * so that every walk over children sees them as the ordinary children they also are.
   */
  choices?: ChoiceGroup[];
  /** Pattern extension: as a child, the index in its parent's `choices` of the group it is written in (absent when none). */
  choiceGroup?: number;
  span: Span;
}

/** Pattern extension: `choice("1 of 2") { ... }` in a block: a choice among some of the owner's links. */
export interface ChoiceGroup {
  type: 'choiceGroup';
  /** The `choice` modifier, with its label. */
  modifier: Modifier;
  /** From `choice` to the group's `}`. */
  span: Span;
}

export interface Modifier {
  name: ModifierName;
  span: Span;
  /** Pattern extension: the label in `many(n)`, `choice("1 of 3")`; absent when none is written. */
  label?: AnnotationArg;
}

export interface TextString {
  value: string;
  span: Span;
}

export type ChildItem = ElementNode | Reference | ChallengeStatement;

/** A bare identifier: a link to an element defined elsewhere. */
export interface Reference {
  type: 'reference';
  id: string;
  span: Span;
  /** Modifiers of the relation this reference states (`defeated Sn1`); absent when none. */
  modifiers?: Modifier[];
  /** Modular extension: `contract Name`, a reference to a contract module; the keyword (absent for a bare ID). */
  contractSpan?: Span;
  /** Pattern extension: the index in the owner's `choices` of the group it is written in (absent when none). */
  choiceGroup?: number;
}

/** `A -> B, C` at the top level. */
export interface LinkStatement {
  type: 'link';
  from: Reference;
  to: Reference[];
  span: Span;
  /** Modifiers of every link the statement states (`defeated G1 -> Sn1`); absent when none. */
  modifiers?: Modifier[];
}

/**
 * Dialectic extension: `CG1 challenges G2, G1 -> Sn1` at the top level, or `challenges G2`
 * inside the challenger's block (`from` is then null: the block's owner challenges).
 */
export interface ChallengeStatement {
  type: 'challenge';
  from: Reference | null;
  targets: ChallengeTarget[];
  /** `defeated challenges G2`: every challenge stated here is defeated. */
  modifiers: Modifier[];
  span: Span;
  /** Pattern extension: written in a choice group of the owner's block (an error, GSN541; absent when not). */
  choiceGroup?: number;
}

/** What is challenged: an element, or the relation `from -> to` (SupportedBy, InContextOf or a challenge). */
export type ChallengeTarget =
  | { type: 'element'; element: Reference; span: Span }
  | { type: 'relation'; from: Reference; to: Reference; span: Span };

export interface Annotation {
  type: 'annotation';
  /** Without the `@`. */
  name: string;
  nameSpan: Span;
  args: AnnotationArg[];
  span: Span;
}

export type AnnotationArg =
  | { type: 'identifier'; value: string; span: Span }
  | { type: 'number'; value: number; raw: string; span: Span }
  | { type: 'string'; value: string; span: Span };
