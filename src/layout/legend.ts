/**
 * The legend of the AI safety-case framework's marks: the categories used (in the paper's order,
 * each with its colour and a one-line meaning), the trust statuses used, and with the ratings
 * option the key to the three-bar glyph. Placed in a free corner of the diagram (top-left,
 * top-right, bottom-left, bottom-right, clear of every node and edge); when no corner is free
 * the diagram grows below and the legend goes there, at the left.
 */
import { CATEGORIES, type BlockRatings, type Category } from '../framework/blocks.js';
import type { TrustMark } from '../framework/marks.js';
import { GLYPH_HEIGHT, GLYPH_WIDTH, centredBaseline } from './badges.js';
import type { LayoutLegend, LegendRow, LegendText, MarkBox } from './mark-types.js';
import { measure } from './measure.js';
import { LETTER_RESERVE_X, LETTER_RESERVE_Y, MARGIN, decorationHeight } from './style.js';
import type { Layout } from './types.js';

export const LEGEND_FONT_SIZE = 10;
/** Distance between the baselines of consecutive legend lines. */
export const LEGEND_LINE = 16;
export const LEGEND_PAD = 8;
/** Swatch (a pill in the category's colour, or a small component box) and the gap to its label. */
export const LEGEND_SWATCH_WIDTH = 26;
export const LEGEND_SWATCH_HEIGHT = 12;
export const LEGEND_SWATCH_GAP = 6;
/** Clearance kept between the legend and any node or edge. */
export const LEGEND_CLEARANCE = 14;
/** Between the diagram and a legend added below it. */
export const LEGEND_GAP = 16;

/** What each category means (Clymer et al. 2024, section 5), in a few words. */
export const CATEGORY_MEANINGS: Readonly<Record<Category, string>> = {
  inability: 'the AI systems could not cause the outcome',
  control: 'control measures would prevent it',
  trustworthiness: 'the AI systems would not cause it, though able',
  deference: 'credible AI advisors judge that it is safe',
};

export const TRUST_MEANINGS: Readonly<Record<TrustMark, string>> = {
  trusted: 'trusted component: assumed to behave as intended',
  untrusted: 'untrusted component: may act against the safety case',
};

/** The glyph drawn in the key: one bar of each length. */
export const RATINGS_SAMPLE: BlockRatings = { practicality: 'strong', maxStrength: 'moderate', scalability: 'varies' };
export const RATINGS_KEY = [
  'bars, top to bottom: practicality, maximum strength, scalability',
  'length: weak, moderate, strong; dashed: varies (paper\u2019s Figure 3)',
];

const REGULAR = { bold: false, italic: false, code: false } as const;
const BOLD = { bold: true, italic: false, code: false } as const;
const round = (v: number) => Math.round(v * 100) / 100 + 0;

export interface LegendContent {
  categories: ReadonlySet<Category>;
  trust: ReadonlySet<TrustMark>;
  /** Whether any ratings glyph is drawn (then the key explains it). */
  ratings: boolean;
}

/** What the legend lists, from the marks placed on the nodes; null when there is nothing. */
export function legendContent(layout: Layout): LegendContent | null {
  const categories = new Set<Category>();
  const trust = new Set<TrustMark>();
  let ratings = false;
  for (const node of layout.nodes) {
    for (const badge of node.badges ?? []) {
      if (badge.type === 'category') {
        categories.add(badge.category);
        if (badge.glyph) ratings = true;
      } else trust.add(badge.trust);
    }
  }
  if (categories.size === 0 && trust.size === 0) return null;
  return { categories, trust, ratings };
}

/** Adds the legend to `layout` (growing it when no corner is free). */
export function placeLegend(layout: Layout, content: LegendContent): void {
  // Rows relative to the legend's top-left corner.
  const rows: LegendRow[] = [];
  let line = 0;
  let width = 0;
  const baseline = () => LEGEND_PAD + line * LEGEND_LINE + centredBaseline(0, LEGEND_LINE, LEGEND_FONT_SIZE) - 2;
  const text = (value: string, x: number, bold = false): LegendText => {
    width = Math.max(width, x + measure(value, bold ? BOLD : REGULAR, LEGEND_FONT_SIZE));
    return { text: value, x, y: baseline(), bold };
  };
  const swatch = (): MarkBox => ({
    x: LEGEND_PAD,
    y: LEGEND_PAD + line * LEGEND_LINE + (LEGEND_LINE - LEGEND_SWATCH_HEIGHT) / 2 - 2,
    width: LEGEND_SWATCH_WIDTH,
    height: LEGEND_SWATCH_HEIGHT,
  });
  const labelX = LEGEND_PAD + LEGEND_SWATCH_WIDTH + LEGEND_SWATCH_GAP;
  const heading = (value: string) => {
    rows.push({ type: 'heading', label: text(value, LEGEND_PAD, true) });
    line++;
  };

  const categories = CATEGORIES.filter((c) => content.categories.has(c));
  if (categories.length > 0) {
    heading('Argument category');
    for (const category of categories) {
      rows.push({ type: 'category', category, swatch: swatch(), label: text(`${category}: ${CATEGORY_MEANINGS[category]}`, labelX) });
      line++;
    }
  }
  const trust = (['trusted', 'untrusted'] as const).filter((t) => content.trust.has(t));
  if (trust.length > 0) {
    heading('Component');
    for (const t of trust) {
      rows.push({ type: 'trust', trust: t, swatch: swatch(), label: text(TRUST_MEANINGS[t], labelX) });
      line++;
    }
  }
  if (content.ratings) {
    heading('Building-block ratings');
    const top = LEGEND_PAD + line * LEGEND_LINE;
    const glyph: MarkBox = {
      x: LEGEND_PAD + (LEGEND_SWATCH_WIDTH - GLYPH_WIDTH) / 2,
      y: top + (RATINGS_KEY.length * LEGEND_LINE - GLYPH_HEIGHT) / 2 - 2,
      width: GLYPH_WIDTH,
      height: GLYPH_HEIGHT,
    };
    const labels: LegendText[] = [];
    for (const value of RATINGS_KEY) {
      labels.push(text(value, labelX));
      line++;
    }
    rows.push({ type: 'ratings', glyph, sample: { ...RATINGS_SAMPLE }, labels });
  }
  const size = { width: Math.ceil(width + LEGEND_PAD), height: LEGEND_PAD + line * LEGEND_LINE + LEGEND_PAD - 4 };

  const at = freeCorner(layout, size) ?? below(layout, size);
  layout.legend = {
    x: round(at.x),
    y: round(at.y),
    width: size.width,
    height: size.height,
    rows: rows.map((row) => shiftRow(row, at.x, at.y)),
  };
}

function shiftRow(row: LegendRow, dx: number, dy: number): LegendRow {
  const t = (l: LegendText): LegendText => ({ ...l, x: round(l.x + dx), y: round(l.y + dy) });
  const b = (m: MarkBox): MarkBox => ({ x: round(m.x + dx), y: round(m.y + dy), width: round(m.width), height: round(m.height) });
  switch (row.type) {
    case 'heading':
      return { type: 'heading', label: t(row.label) };
    case 'category':
      return { type: 'category', category: row.category, swatch: b(row.swatch), label: t(row.label) };
    case 'trust':
      return { type: 'trust', trust: row.trust, swatch: b(row.swatch), label: t(row.label) };
    case 'ratings':
      return { type: 'ratings', glyph: b(row.glyph), sample: row.sample, labels: row.labels.map(t) };
  }
}

/** Everything drawn: node shapes with their decorations and letters, and edge segments. */
function obstacles(layout: Layout): MarkBox[] {
  const boxes: MarkBox[] = [];
  for (const n of layout.nodes) {
    const letter = n.kind === 'assumption' || n.kind === 'justification';
    boxes.push({
      x: n.x,
      y: n.y,
      width: n.width + (letter ? LETTER_RESERVE_X : 0),
      height: n.height + Math.max(decorationHeight(n.undeveloped, n.uninstantiated), letter ? LETTER_RESERVE_Y : 0),
    });
  }
  for (const e of layout.edges) {
    for (let i = 0; i + 1 < e.points.length; i++) {
      const p = e.points[i]!;
      const q = e.points[i + 1]!;
      boxes.push({ x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(p.x - q.x), height: Math.abs(p.y - q.y) });
    }
  }
  return boxes;
}

function freeCorner(layout: Layout, size: { width: number; height: number }): { x: number; y: number } | null {
  const right = layout.width - MARGIN - size.width;
  const bottom = layout.height - MARGIN - size.height;
  if (right < MARGIN || bottom < MARGIN) return null;
  const blocked = obstacles(layout);
  const corners = [
    { x: MARGIN, y: MARGIN },
    { x: right, y: MARGIN },
    { x: MARGIN, y: bottom },
    { x: right, y: bottom },
  ];
  const c = LEGEND_CLEARANCE;
  return (
    corners.find((at) =>
      blocked.every(
        (o) => o.x > at.x + size.width + c || o.x + o.width < at.x - c || o.y > at.y + size.height + c || o.y + o.height < at.y - c,
      ),
    ) ?? null
  );
}

/** Grows the diagram below its content and returns the legend's place there. */
function below(layout: Layout, size: { width: number; height: number }): { x: number; y: number } {
  const empty = layout.nodes.length === 0;
  const at = { x: MARGIN, y: empty ? MARGIN : layout.height - MARGIN + LEGEND_GAP };
  layout.height = round(at.y + size.height + MARGIN);
  layout.width = round(Math.max(layout.width, MARGIN + size.width + MARGIN));
  return at;
}
