/**
 * The building blocks of the AI safety-case framework and their ratings, from Figure 3 of
 * Clymer, Gabrieli, Krueger and Larsen, "Safety Cases: How to Justify the Safety of Advanced AI
 * Systems" (2024, arXiv 2403.10462). This table is the one place the ratings live.
 *
 * The same technique can sit under two categories with different ratings (externalized
 * reasoning and interpretability are both control and trustworthiness blocks), so a block is
 * always keyed by (category, block).
 */

export const CATEGORIES = ['inability', 'control', 'trustworthiness', 'deference'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Rating = 'weak' | 'moderate' | 'strong' | 'varies';

export interface BlockRatings {
  practicality: Rating;
  maxStrength: Rating;
  scalability: Rating;
}

export interface BuildingBlock extends BlockRatings {
  category: Category;
  block: string;
  /** Its name in the paper, for reports. */
  title: string;
  /** The trustworthiness blocks the paper marks as serving a sub-argument (NAF, ELK). */
  serves: string[];
}

function row(
  category: Category,
  block: string,
  title: string,
  practicality: Rating,
  maxStrength: Rating,
  scalability: Rating,
  serves: string[] = [],
): BuildingBlock {
  return { category, block, title, practicality, maxStrength, scalability, serves };
}

/** In the paper's order: by category, then as Figure 3 lists them. */
export const BUILDING_BLOCKS: readonly BuildingBlock[] = [
  row('inability', 'dangerous-capability-evals', 'Dangerous capability evaluations', 'strong', 'strong', 'weak'),
  row('control', 'isolation', 'Isolation', 'strong', 'strong', 'weak'),
  row('control', 'monitoring', 'Monitoring', 'strong', 'strong', 'moderate'),
  row('control', 'externalized-reasoning', 'Externalized reasoning', 'strong', 'strong', 'moderate'),
  row('control', 'interpretability', 'Interpretability', 'weak', 'strong', 'strong'),
  row('control', 'unlearning', 'Unlearning', 'moderate', 'moderate', 'strong'),
  row('trustworthiness', 'not-alignment-faking', 'Not alignment-faking', 'varies', 'moderate', 'moderate'),
  row('trustworthiness', 'absence-of-precursor-capabilities', 'Absence of precursor capabilities', 'strong', 'strong', 'weak', ['NAF']),
  row('trustworthiness', 'externalized-reasoning', 'Externalized reasoning', 'strong', 'strong', 'weak', ['NAF']),
  row('trustworthiness', 'interpretability', 'Interpretability', 'moderate', 'moderate', 'moderate', ['NAF']),
  row('trustworthiness', 'eliciting-latent-knowledge', 'Eliciting latent knowledge', 'moderate', 'varies', 'strong'),
  row('trustworthiness', 'modeling-generalization', 'Modeling generalization', 'strong', 'moderate', 'moderate', ['NAF', 'ELK']),
  row('trustworthiness', 'amplification', 'Amplification', 'moderate', 'moderate', 'strong'),
  row('trustworthiness', 'formal-certifications', 'Formal certifications', 'weak', 'strong', 'strong'),
  row('trustworthiness', 'testbeds', 'Testbeds', 'strong', 'moderate', 'strong'),
  row('deference', 'deferring-to-truthful-ai', 'Deferring to truthful AI advisors', 'moderate', 'varies', 'strong'),
];

const BY_KEY = new Map<string, BuildingBlock>(BUILDING_BLOCKS.map((b) => [`${b.category}/${b.block}`, b]));

export function isCategory(name: string): name is Category {
  return (CATEGORIES as readonly string[]).includes(name);
}

/** The block written as `@category(block)`, if the paper lists it under that category. */
export function findBlock(category: Category, block: string): BuildingBlock | undefined {
  return BY_KEY.get(`${category}/${block}`);
}

/** The blocks of one category, in the paper's order. */
export function blocksOf(category: Category): BuildingBlock[] {
  return BUILDING_BLOCKS.filter((b) => b.category === category);
}

/** The categories that list a block of this id, in the paper's order. */
export function categoriesOfBlock(block: string): Category[] {
  return BUILDING_BLOCKS.filter((b) => b.block === block).map((b) => b.category);
}

export function ratingsOf(block: BuildingBlock): BlockRatings {
  return { practicality: block.practicality, maxStrength: block.maxStrength, scalability: block.scalability };
}
