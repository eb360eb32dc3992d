/**
 * Node geometry per GSN kind: from an element's wrapped text block (bold ID label on top, then
 * the text lines) to a shape box that contains every line, with the text positioned inside.
 */
import type { ElementKind } from '../syntax/ast.js';
import { parseMarkup, plainText } from './markup.js';
import { measure } from './measure.js';
import {
  BASELINE_OFFSET,
  FONT_SIZE,
  LETTER_RESERVE_X,
  LETTER_RESERVE_Y,
  LINE_HEIGHT,
  MIN_WIDTH,
  PAD_X,
  PAD_Y,
  LONGEST_UNBROKEN_WORD,
  SOLUTION_WRAP_WIDTHS,
  STRATEGY_SKEW,
  WRAP_WIDTH,
  decorationHeight,
} from './style.js';
import type { TextLine } from './types.js';
import { tokenize, wrapTokens, type TokenizedParagraph, type WrappedLine } from './wrap.js';

/** Padding between the text block and a circle or ellipse (beyond the fitted curve). */
const CURVE_PAD = 4;
/** Long text widens the wrap width (keeping boxes from growing into towers) up to this factor. */
const MAX_WIDEN = 2.5;

export interface ShapeGeometry {
  kind: ElementKind;
  /** Size of the GSN shape. */
  width: number;
  height: number;
  /** Space reserved right of and below the shape (the A/J letter, decorations). */
  reserveRight: number;
  reserveBottom: number;
  title: string;
  /** Label and lines relative to the shape's top-left corner. */
  label: { x: number; y: number };
  lines: TextLine[];
}

interface Block {
  width: number;
  height: number;
  labelWidth: number;
  lines: WrappedLine[];
  /** Left edge of each line relative to the block's left edge. */
  lefts: number[];
}

/** Computes the shape and text placement of one element. */
export function shapeFor(
  id: string,
  kind: ElementKind,
  text: string,
  undeveloped: boolean,
  uninstantiated: boolean,
): ShapeGeometry {
  const paragraphs = parseMarkup(text);
  const tokens = tokenize(paragraphs, FONT_SIZE);
  const labelWidth = measure(id, { bold: true, italic: false, code: false }, FONT_SIZE);
  // No wrap width narrower than the longest word (up to a cap): breaking "qualification" into
  // "qualificatio / n" to save a few pixels of circle reads as a typo.
  const wordFloor = Math.min(longestWord(tokens), LONGEST_UNBROKEN_WORD);

  let block: Block;
  let width: number;
  let height: number;
  let blockX: number;
  let blockY: number;
  if (kind === 'solution') {
    // The wrap width that gives the smallest circle.
    let best: { block: Block; d: number } | null = null;
    const total = tokens.reduce((s, p) => s + p.natural, 0);
    const widths: number[] = [...SOLUTION_WRAP_WIDTHS].filter((w, i) => i === 0 || w <= Math.max(total, 70) * 1.2);
    const square = Math.sqrt(total * LINE_HEIGHT);
    if (square > widths[widths.length - 1]!) widths.push(Math.ceil(square * 1.3));
    for (const w of widths) {
      const b = makeBlock(tokens, Math.max(w, labelWidth, wordFloor), labelWidth);
      const d = 2 * curveScale(b, 'circle') + 2 * CURVE_PAD;
      if (!best || d < best.d - 0.01) best = { block: b, d };
    }
    block = best!.block;
    width = height = Math.max(best!.d, MIN_WIDTH.solution);
    blockX = (width - block.width) / 2;
    blockY = (height - block.height) / 2;
  } else {
    const base = WRAP_WIDTH[kind];
    const total = tokens.reduce((s, p) => s + p.natural, 0);
    // Keep long text from becoming a tower: widen until the block is roughly 4:3 at most.
    // Ovals look best wide (about 2.5:1), boxes at most about 4:3.
    const aspect = kind === 'assumption' || kind === 'justification' ? 2.5 : 1.33;
    const wrap = Math.max(labelWidth, wordFloor, Math.min(Math.max(base, Math.sqrt(total * LINE_HEIGHT * aspect)), base * MAX_WIDEN));
    block = makeBlock(tokens, wrap, labelWidth);
    if (kind === 'assumption' || kind === 'justification') {
      const k = curveScale(block, 'ellipse');
      const a = (k * block.width) / 2 + CURVE_PAD + 2;
      const b = (k * block.height) / 2 + CURVE_PAD;
      width = Math.max(2 * a, MIN_WIDTH[kind]);
      height = 2 * b;
    } else if (kind === 'strategy') {
      height = block.height + 2 * PAD_Y;
      width = Math.max(block.width + 2 * PAD_X + 2 * STRATEGY_SKEW * (1 - PAD_Y / height), MIN_WIDTH.strategy);
    } else {
      width = Math.max(block.width + 2 * PAD_X, MIN_WIDTH[kind]);
      height = block.height + 2 * PAD_Y;
    }
    blockX = (width - block.width) / 2;
    blockY = (height - block.height) / 2;
  }

  const lines: TextLine[] = block.lines.map((line, i) => ({
    x: blockX + block.lefts[i]! + line.width / 2,
    y: blockY + (i + 1) * LINE_HEIGHT + BASELINE_OFFSET,
    width: line.width,
    bullet: line.bullet,
    runs: line.runs,
  }));
  const letter = kind === 'assumption' || kind === 'justification';
  return {
    kind,
    width,
    height,
    reserveRight: letter ? LETTER_RESERVE_X : 0,
    reserveBottom: Math.max(decorationHeight(undeveloped, uninstantiated), letter ? LETTER_RESERVE_Y : 0),
    title: plainText(paragraphs),
    label: { x: width / 2, y: blockY + BASELINE_OFFSET },
    lines,
  };
}

/** Width of the widest unbreakable word (a bullet item's first word includes its bullet). */
function longestWord(tokens: TokenizedParagraph[]): number {
  let widest = 0;
  for (const p of tokens) for (const w of p.words) widest = Math.max(widest, w.width);
  return widest;
}

function makeBlock(tokens: TokenizedParagraph[], wrapWidth: number, labelWidth: number): Block {
  const lines = wrapTokens(tokens, wrapWidth, FONT_SIZE);
  let width = labelWidth;
  for (const l of lines) width = Math.max(width, l.indent + l.width);
  // Plain lines are centred; the lines of a run of bullet items share one left edge, the
  // group centred, continuation lines indented past the bullet.
  const lefts: number[] = new Array<number>(lines.length);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.bullet && line.indent === 0) {
      lefts[i] = (width - line.width) / 2;
      i++;
      continue;
    }
    let j = i;
    let groupWidth = 0;
    while (j < lines.length && (lines[j]!.bullet || lines[j]!.indent > 0)) {
      groupWidth = Math.max(groupWidth, lines[j]!.indent + lines[j]!.width);
      j++;
    }
    const left = (width - groupWidth) / 2;
    for (let k = i; k < j; k++) lefts[k] = left + lines[k]!.indent;
    i = j;
  }
  // An empty text still has its label line; lines of zero width are allowed (blank lines).
  return { width, height: (lines.length + 1) * LINE_HEIGHT, labelWidth, lines: lines.filter(Boolean), lefts };
}

/**
 * The factor k such that a circle of radius k (for 'circle') or an ellipse of radii k*w/2,
 * k*h/2 (for 'ellipse'), centred on the block, contains every line's slot (label included).
 */
function curveScale(block: Block, curve: 'circle' | 'ellipse'): number {
  const cx = block.width / 2;
  const cy = block.height / 2;
  const bw = Math.max(block.width, 1);
  let k = 0;
  const consider = (left: number, right: number, top: number, bottom: number) => {
    const dx = Math.max(Math.abs(left - cx), Math.abs(right - cx));
    const dy = Math.max(Math.abs(top - cy), Math.abs(bottom - cy));
    if (curve === 'circle') k = Math.max(k, Math.hypot(dx, dy));
    else k = Math.max(k, Math.hypot((2 * dx) / bw, (2 * dy) / block.height));
  };
  consider(cx - block.labelWidth / 2, cx + block.labelWidth / 2, 0, LINE_HEIGHT);
  block.lines.forEach((line, i) => {
    if (line.width === 0) return;
    const left = block.lefts[i]!;
    consider(left, left + line.width, (i + 1) * LINE_HEIGHT, (i + 2) * LINE_HEIGHT);
  });
  return k;
}
