import type { ElementKind, ModifierName } from '../syntax/ast.js';

/** Which kinds each modifier may decorate (GSN Community Standard v3). */
export const MODIFIER_KINDS: ReadonlyMap<ModifierName, ReadonlySet<ElementKind>> = new Map<ModifierName, ReadonlySet<ElementKind>>([
  ['undeveloped', new Set<ElementKind>(['goal', 'strategy'])],
  ['uninstantiated', new Set<ElementKind>(['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'])],
]);

export function modifierFits(modifier: ModifierName, kind: ElementKind): boolean {
  return MODIFIER_KINDS.get(modifier)?.has(kind) ?? false;
}
