/**
 * What the diagram shows of the AI safety-case framework, per element: the argument categories
 * (with building block and that block's ratings) of goals and strategies, and the trust status of
 * components. Derived from the Framework only, so layout and render need not know the analysis.
 * Plain data; element IDs are keys, lists keep the Framework's (source) order.
 */
import type { BlockRatings, Category } from './blocks.js';
import type { Framework } from './types.js';

export interface ArgumentMark {
  category: Category;
  /** The building block as written, or null when only the category is given. */
  block: string | null;
  /** The paper's ratings of (category, block), or null without a known block. */
  ratings: BlockRatings | null;
}

export type TrustMark = 'trusted' | 'untrusted';

export interface DiagramMarks {
  /** Element ID -> its category annotations, in source order (usually one). */
  arguments: ReadonlyMap<string, readonly ArgumentMark[]>;
  /** Element ID -> trust status of a `@trusted` / `@untrusted` component. */
  trust: ReadonlyMap<string, TrustMark>;
}

/** The marks of a framework; null when there is nothing to draw (the diagram stays as it was). */
export function diagramMarks(framework: Framework | null | undefined): DiagramMarks | null {
  if (!framework) return null;
  const args = new Map<string, ArgumentMark[]>();
  for (const a of framework.arguments) {
    const list = args.get(a.element) ?? [];
    if (list.some((m) => m.category === a.category && m.block === a.block)) continue;
    list.push({ category: a.category, block: a.block, ratings: a.ratings ? { ...a.ratings } : null });
    args.set(a.element, list);
  }
  const trust = new Map<string, TrustMark>();
  for (const c of framework.components) if (!trust.has(c.element)) trust.set(c.element, c.trust);
  if (args.size === 0 && trust.size === 0) return null;
  return { arguments: args, trust };
}
