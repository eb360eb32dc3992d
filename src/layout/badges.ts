/**
 * The AI safety-case framework's marks on nodes: a row of pills reserved at the top of the node,
 * inside its shape, so the marks can never overlap anything the layout places.
 *
 * - A goal or strategy argued by a category gets one pill per category annotation, reading
 *   "category · block" (or just the category); with the ratings option, a pill whose block the
 *   paper rates gets the three-bar glyph right of it (practicality, maximum strength,
 *   scalability; bar length 1-3 units for weak-strong; a "varies" bar is drawn full length,
 *   dashed, unfilled).
 * - A `@trusted` / `@untrusted` context gets a "trusted" / "untrusted" pill (the renderer also
 *   draws a ring inside its outline).
 *
 * `reserveMarks` grows the shapes before ELK places them (the text moves down by the row's
 * height and stays centred); `placeMarks` copies the pills into the laid-out nodes in absolute
 * coordinates. Pure and deterministic, like the rest of the layout.
 */
import type { BlockRatings, Rating } from '../framework/blocks.js';
import type { ArgumentMark, DiagramMarks, TrustMark } from '../framework/marks.js';
import type { Model } from '../semantics/model.js';
import type { CategoryBadge, LayoutBadge, MarkBox } from './mark-types.js';
import { measure } from './measure.js';
import type { ShapeGeometry } from './shapes.js';
import { PAD_X, STRATEGY_SKEW } from './style.js';
import type { Layout } from './types.js';

/** Font size of the text in a pill (regular DejaVu Sans). */
export const BADGE_FONT_SIZE = 9;
/** Height of a pill; its corners are fully rounded (radius BADGE_HEIGHT / 2). */
export const BADGE_HEIGHT = 13;
/** Padding between a pill's text and its ends. */
export const BADGE_PAD_X = 6;
/** From the node's top to the first pill's top, and between stacked pills. */
export const BADGE_TOP = 5;
/** The same for a trusted / untrusted component, whose pill sits inside the ring the renderer draws. */
export const BADGE_TOP_IN_RING = 7;
export const BADGE_ROW_GAP = 3;
/** Extra room below the last pill before the ID label's line (may be negative: the label's slot has leading). */
export const BADGE_BELOW = -1;
/** Between a pill and its ratings glyph. */
export const GLYPH_GAP = 4;
/** Ratings glyph: three bars, each up to three units long (weak 1, moderate 2, strong 3). */
export const GLYPH_UNIT = 6;
export const GLYPH_BAR = 3.4;
export const GLYPH_BAR_GAP = 1.4;
export const GLYPH_WIDTH = 3 * GLYPH_UNIT;
export const GLYPH_HEIGHT = 3 * GLYPH_BAR + 2 * GLYPH_BAR_GAP;

/** DejaVu Sans ascent and descent, in em. */
const ASCENT = 1901 / 2048;
const DESCENT = 483 / 2048;
const REGULAR = { bold: false, italic: false, code: false } as const;

export const RATING_NAMES = ['practicality', 'maxStrength', 'scalability'] as const;
export const RATING_LABELS: Readonly<Record<(typeof RATING_NAMES)[number], string>> = {
  practicality: 'practicality',
  maxStrength: 'maximum strength',
  scalability: 'scalability',
};

export interface RatingBar {
  name: (typeof RATING_NAMES)[number];
  rating: Rating;
  /** The full-length track (three units). */
  track: MarkBox;
  /** The bar: 1-3 units from the left for weak-strong; the full track for "varies". */
  bar: MarkBox;
  varies: boolean;
}

/** The three bars of a ratings glyph in `box`, top to bottom: practicality, maximum strength, scalability. */
export function ratingBars(box: MarkBox, ratings: BlockRatings): RatingBar[] {
  const unit = box.width / 3;
  const bar = (box.height - 2 * GLYPH_BAR_GAP) / 3;
  return RATING_NAMES.map((name, i) => {
    const rating = ratings[name];
    const y = box.y + i * (bar + GLYPH_BAR_GAP);
    const units = rating === 'weak' ? 1 : rating === 'moderate' ? 2 : 3;
    const track = { x: box.x, y, width: box.width, height: bar };
    return { name, rating, track, bar: { x: box.x, y, width: units * unit, height: bar }, varies: rating === 'varies' };
  });
}

/** "control · monitoring", or "control" when no block is written. */
export function categoryText(mark: Pick<ArgumentMark, 'category' | 'block'>): string {
  return mark.block ? `${mark.category} \u00b7 ${mark.block}` : mark.category;
}

/** Baseline of BADGE_FONT_SIZE text vertically centred in a box of `height` whose top is `top`. */
export function centredBaseline(top: number, height: number, size: number): number {
  return top + (height - size * (ASCENT + DESCENT)) / 2 + size * ASCENT;
}

/** A pill's content before placement: relative to the row's left end. */
interface Pill {
  badge: LayoutBadge;
  /** Width of the pill plus its glyph. */
  rowWidth: number;
}

/** Marks reserved per element index, relative to the shape's top-left corner. */
export interface MarksPlan {
  badges: Map<number, LayoutBadge[]>;
  trust: Map<number, TrustMark>;
  ratings: boolean;
}

/**
 * Grows the shapes of marked elements (replacing them in `shapes`) and returns where their pills
 * go, relative to the shape; null when no element gets a mark.
 */
export function reserveMarks(model: Model, shapes: ShapeGeometry[], marks: DiagramMarks, ratings: boolean): MarksPlan | null {
  const plan: MarksPlan = { badges: new Map(), trust: new Map(), ratings };
  model.elements.forEach((element, i) => {
    const shape = shapes[i];
    if (!shape) return;
    const pills: Pill[] = [];
    if (element.kind === 'goal' || element.kind === 'strategy') {
      for (const mark of marks.arguments.get(element.id) ?? []) pills.push(categoryPill(mark, ratings));
    } else if (element.kind === 'context') {
      const trust = marks.trust.get(element.id);
      if (trust) {
        pills.push(trustPill(trust));
        plan.trust.set(i, trust);
      }
    }
    if (pills.length === 0) return;
    const grown = grow(shape, pills, element.kind === 'context' ? BADGE_TOP_IN_RING : BADGE_TOP);
    shapes[i] = grown;
    plan.badges.set(i, pills.map((p) => p.badge));
  });
  return plan.badges.size > 0 ? plan : null;
}

function categoryPill(mark: ArgumentMark, ratings: boolean): Pill {
  const text = categoryText(mark);
  const width = measure(text, REGULAR, BADGE_FONT_SIZE) + 2 * BADGE_PAD_X;
  const withGlyph = ratings && mark.ratings !== null;
  const badge: CategoryBadge = {
    type: 'category',
    category: mark.category,
    block: mark.block,
    ratings: mark.ratings ? { ...mark.ratings } : null,
    glyph: withGlyph ? { x: 0, y: 0, width: GLYPH_WIDTH, height: GLYPH_HEIGHT } : null,
    text,
    ...pillBox(width),
  };
  return { badge, rowWidth: width + (withGlyph ? GLYPH_GAP + GLYPH_WIDTH : 0) };
}

function trustPill(trust: TrustMark): Pill {
  const width = measure(trust, REGULAR, BADGE_FONT_SIZE) + 2 * BADGE_PAD_X;
  return { badge: { type: 'trust', trust, text: trust, ...pillBox(width) }, rowWidth: width };
}

function pillBox(width: number): MarkBox & { textX: number; textY: number } {
  return { x: 0, y: 0, width, height: BADGE_HEIGHT, textX: width / 2, textY: centredBaseline(0, BADGE_HEIGHT, BADGE_FONT_SIZE) };
}

/** The shape with the pill rows added at its top (and widened to fit them), pills placed in it. */
function grow(shape: ShapeGeometry, pills: Pill[], first: number): ShapeGeometry {
  const rows = pills.length * BADGE_HEIGHT + (pills.length - 1) * BADGE_ROW_GAP;
  const reserved = first + rows + BADGE_BELOW;
  const widest = Math.max(...pills.map((p) => p.rowWidth));
  const slant = shape.kind === 'strategy' ? 2 * STRATEGY_SKEW : 0;
  const width = Math.max(shape.width, widest + 2 * PAD_X + slant);
  const dx = (width - shape.width) / 2;
  pills.forEach((pill, k) => {
    const top = first + k * (BADGE_HEIGHT + BADGE_ROW_GAP);
    const left = (width - pill.rowWidth) / 2;
    move(pill.badge, left, top);
  });
  return {
    ...shape,
    width,
    height: shape.height + reserved,
    label: { x: shape.label.x + dx, y: shape.label.y + reserved },
    lines: shape.lines.map((l) => ({ ...l, x: l.x + dx, y: l.y + reserved })),
  };
}

/** Moves a badge (pill, text and glyph) by (dx, dy); the glyph goes right of the pill. */
function move(badge: LayoutBadge, dx: number, dy: number): void {
  badge.x += dx;
  badge.y += dy;
  badge.textX += dx;
  badge.textY += dy;
  if (badge.type === 'category' && badge.glyph) {
    badge.glyph = {
      x: badge.x + badge.width + GLYPH_GAP,
      y: badge.y + (BADGE_HEIGHT - GLYPH_HEIGHT) / 2,
      width: GLYPH_WIDTH,
      height: GLYPH_HEIGHT,
    };
  }
}

const round = (v: number) => Math.round(v * 100) / 100 + 0;

/** Copies the planned pills into the laid-out nodes, in absolute coordinates. */
export function placeMarks(layout: Layout, plan: MarksPlan): void {
  for (const [i, badges] of plan.badges) {
    const node = layout.nodes[i];
    if (!node) continue;
    node.badges = badges.map((b) => absolute(b, node.x, node.y));
    const trust = plan.trust.get(i);
    if (trust) node.trust = trust;
  }
}

function absolute(badge: LayoutBadge, x: number, y: number): LayoutBadge {
  const shifted = {
    ...badge,
    x: round(badge.x + x),
    y: round(badge.y + y),
    width: round(badge.width),
    height: round(badge.height),
    textX: round(badge.textX + x),
    textY: round(badge.textY + y),
  };
  if (shifted.type === 'category' && shifted.glyph) {
    const g = shifted.glyph;
    shifted.glyph = { x: round(g.x + x), y: round(g.y + y), width: g.width, height: g.height };
  }
  return shifted;
}
