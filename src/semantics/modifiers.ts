import type { ElementKind, ModifierName } from '../syntax/ast.js';

/** Which kinds each modifier may decorate (GSN Community Standard v3). */
export const MODIFIER_KINDS: ReadonlyMap<ModifierName, ReadonlySet<ElementKind>> = new Map<ModifierName, ReadonlySet<ElementKind>>([
  ['undeveloped', new Set<ElementKind>(['goal', 'strategy'])],
  ['uninstantiated', new Set<ElementKind>(['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'])],
  // Dialectic extension: counter goals and counter solutions; any element can be defeated.
  ['counter', new Set<ElementKind>(['goal', 'solution'])],
  ['defeated', new Set<ElementKind>(['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'])],
]);

/** Modifiers that may be written before a relation (a bare ID, a link or a challenge). */
export const RELATION_MODIFIERS: ReadonlySet<ModifierName> = new Set<ModifierName>(['defeated']);

export function modifierFits(modifier: ModifierName, kind: ElementKind): boolean {
  return MODIFIER_KINDS.get(modifier)?.has(kind) ?? false;
}
