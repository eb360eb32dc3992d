import type { ElementKind, ModifierName } from '../syntax/ast.js';

/** Which kinds each modifier may decorate (GSN Community Standard v3). */
export const MODIFIER_KINDS: ReadonlyMap<ModifierName, ReadonlySet<ElementKind>> = new Map<ModifierName, ReadonlySet<ElementKind>>([
  ['undeveloped', new Set<ElementKind>(['goal', 'strategy'])],
  ['uninstantiated', new Set<ElementKind>(['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'])],
  // Dialectic extension: counter goals and counter solutions; any element can be defeated.
  ['counter', new Set<ElementKind>(['goal', 'solution'])],
  ['defeated', new Set<ElementKind>(['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'])],
  // Pattern extension: `many` and `optional` decorate the link to a nested child of any kind
  // (LINK_MODIFIERS); `choice` makes a goal's or strategy's SupportedBy links alternatives.
  ['many', new Set<ElementKind>(['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'])],
  ['optional', new Set<ElementKind>(['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'])],
  ['choice', new Set<ElementKind>(['goal', 'strategy'])],
  // Modular extension: any element may be public (referenced from other modules).
  ['public', new Set<ElementKind>(['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'])],
]);

/** Pattern extension: modifiers that decorate only relations, even when written before a nested child. */
export const LINK_MODIFIERS: ReadonlySet<ModifierName> = new Set<ModifierName>(['many', 'optional']);

/** Pattern extension: modifiers that take a label, `many(n)`, `choice("1 of 3")`. */
export const LABELLED_MODIFIERS: ReadonlySet<ModifierName> = new Set<ModifierName>(['many', 'choice']);

/** Modifiers that may be written before a relation (a bare ID, a link or a challenge). */
export const RELATION_MODIFIERS: ReadonlySet<ModifierName> = new Set<ModifierName>(['defeated', 'many', 'optional']);

export function modifierFits(modifier: ModifierName, kind: ElementKind): boolean {
  return MODIFIER_KINDS.get(modifier)?.has(kind) ?? false;
}
