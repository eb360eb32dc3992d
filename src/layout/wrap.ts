/**
 * Greedy line wrapping with real measurements. Breaks at spaces, between CJK characters (and
 * between a CJK character and its neighbours), never before closing punctuation or after
 * opening punctuation, and inside a word only when the word alone is wider than the line.
 * Widths add up (kerning is ignored, see measure.ts), so each character is measured once and
 * wrapping is linear in the length of the text.
 */
import type { Paragraph } from './markup.js';
import { advanceEm, isWide } from './measure.js';
import { BULLET } from './style.js';
import type { TextRun } from './types.js';

/** A piece of one run: `text` set in the style of `runs[run]`. */
interface Piece {
  run: number;
  text: string;
  width: number;
}

/** An unbreakable word, preceded by `glue` (a space, or nothing between CJK characters). */
interface Word {
  glue: Piece | null;
  pieces: Piece[];
  width: number;
}

export interface TokenizedParagraph {
  bullet: boolean;
  runs: TextRun[];
  words: Word[];
  /** Sum of every word's and space's width: the width of the paragraph on one line. */
  natural: number;
}

export interface WrappedLine {
  runs: TextRun[];
  /** Width in px of the runs (including the bullet on a bullet item's first line). */
  width: number;
  /** Left indent in px relative to the paragraph's left edge (continuation lines of bullets). */
  indent: number;
  /** First line of a bullet item: runs start with the bullet. */
  bullet: boolean;
}

const REGULAR = { bold: false, italic: false, code: false };

/** Characters that may not start a line (closing punctuation, small kana, prolonged sound). */
const NO_BREAK_BEFORE = new Set(
  [...'、。，．：；！？）」』】〕〉》〙〗｝］ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・〜～,.;:!?)]}%'].map(
    (c) => c.codePointAt(0)!,
  ),
);
/** Characters that may not end a line (opening punctuation). */
const NO_BREAK_AFTER = new Set([...'（「『【〔〈《〘〖｛［([{'].map((c) => c.codePointAt(0)!));

function isCombining(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0x200d
  );
}

/** Splits paragraphs into words with measured widths, at `size` px. */
export function tokenize(paragraphs: Paragraph[], size: number): TokenizedParagraph[] {
  return paragraphs.map((p) => tokenizeParagraph(p, size));
}

function tokenizeParagraph(p: Paragraph, size: number): TokenizedParagraph {
  const words: Word[] = [];
  let natural = 0;
  let current: Word | null = null;
  let pendingGlue: Piece | null = null;
  /** The last character placed forces a break opportunity after it (a wide character). */
  let breakAfter = false;
  let noBreakNext = false;

  const addChar = (run: number, ch: string, width: number) => {
    const word = current!;
    const last = word.pieces[word.pieces.length - 1];
    if (last && last.run === run) {
      last.text += ch;
      last.width += width;
    } else word.pieces.push({ run, text: ch, width });
    word.width += width;
    natural += width;
  };
  const startWord = (glue: Piece | null) => {
    if (current && current.pieces.length > 0) words.push(current);
    current = { glue, pieces: [], width: 0 };
    if (glue) natural += glue.width;
  };

  p.runs.forEach((run, r) => {
    const text = run.text;
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      i += ch.length;
      const width = advanceEm(cp, run) * size;
      if (cp === 0x20) {
        if (current && current.pieces.length > 0) {
          words.push(current);
          current = null;
        }
        // Spaces are collapsed by the markup parser; keep the last one as the glue.
        pendingGlue = { run: r, text: ' ', width };
        breakAfter = false;
        noBreakNext = false;
        continue;
      }
      const wide = isWide(cp);
      const mayBreakBefore = !NO_BREAK_BEFORE.has(cp) && !isCombining(cp) && !noBreakNext;
      if (current === null || (current as Word).pieces.length === 0) {
        startWord(pendingGlue);
      } else if (mayBreakBefore && (wide || breakAfter)) {
        startWord({ run: r, text: '', width: 0 });
      }
      pendingGlue = null;
      addChar(r, ch, width);
      breakAfter = wide || (breakAfter && isCombining(cp));
      noBreakNext = NO_BREAK_AFTER.has(cp);
    }
  });
  if (current && (current as Word).pieces.length > 0) words.push(current);
  return { bullet: p.bullet, runs: p.runs, words, natural };
}

/** Wraps tokenized paragraphs to lines no wider than `maxWidth` px (a lone character may be). */
export function wrapTokens(paragraphs: TokenizedParagraph[], maxWidth: number, size: number): WrappedLine[] {
  const lines: WrappedLine[] = [];
  const bulletWidth = advanceEm(0x2022, REGULAR) * size + advanceEm(0x20, REGULAR) * size;
  for (const p of paragraphs) {
    const indent = p.bullet ? bulletWidth : 0;
    const avail = Math.max(maxWidth - indent, size);
    let pieces: Piece[] = [];
    let width = 0;
    let first = true;
    const emit = () => {
      const runs = toRuns(p.runs, pieces);
      if (p.bullet && first) runs.unshift({ text: BULLET, ...REGULAR, href: null });
      lines.push({ runs, width: p.bullet && first ? width + indent : width, indent: p.bullet && !first ? indent : 0, bullet: p.bullet && first });
      pieces = [];
      width = 0;
      first = false;
    };
    for (const word of p.words) {
      const glue = pieces.length > 0 && word.glue ? word.glue : null;
      const glueWidth = glue ? glue.width : 0;
      if (pieces.length > 0 && width + glueWidth + word.width <= maxFit(avail)) {
        if (glue && glue.text !== '') pieces.push(glue);
        width += glueWidth;
        pieces.push(...word.pieces);
        width += word.width;
        continue;
      }
      if (pieces.length > 0) emit();
      if (word.width <= maxFit(avail)) {
        pieces.push(...word.pieces);
        width = word.width;
        continue;
      }
      // A word wider than the line: break it between characters (never before a combining mark).
      for (const piece of word.pieces) {
        let start = 0;
        let acc = 0;
        const text = piece.text;
        for (let i = 0; i < text.length; ) {
          const cp = text.codePointAt(i)!;
          const len = cp > 0xffff ? 2 : 1;
          let j = i + len;
          while (j < text.length && isCombining(text.codePointAt(j)!)) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
          const cw = measureSlice(text, i, j, p.runs[piece.run]!, size);
          if (width + acc + cw > maxFit(avail) && width + acc > 0) {
            if (i > start) pieces.push({ run: piece.run, text: text.slice(start, i), width: acc });
            width += acc;
            emit();
            start = i;
            acc = 0;
          }
          acc += cw;
          i = j;
        }
        if (text.length > start) pieces.push({ run: piece.run, text: text.slice(start), width: acc });
        width += acc;
      }
    }
    if (pieces.length > 0 || first) emit();
  }
  return lines;
}

/** Tolerance for floating-point sums: a line exactly as wide as the limit fits. */
function maxFit(avail: number): number {
  return avail + 1e-6;
}

function measureSlice(text: string, from: number, to: number, style: TextRun, size: number): number {
  let w = 0;
  for (let i = from; i < to; ) {
    const cp = text.codePointAt(i)!;
    w += advanceEm(cp, style) * size;
    i += cp > 0xffff ? 2 : 1;
  }
  return w;
}

function toRuns(runs: TextRun[], pieces: Piece[]): TextRun[] {
  const out: TextRun[] = [];
  let lastRun = -1;
  for (const piece of pieces) {
    if (piece.text === '') continue;
    const style = runs[piece.run]!;
    const prev = out[out.length - 1];
    if (prev && (lastRun === piece.run || sameStyle(prev, style))) prev.text += piece.text;
    else out.push({ text: piece.text, bold: style.bold, italic: style.italic, code: style.code, href: style.href });
    lastRun = piece.run;
  }
  return out;
}

function sameStyle(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.href === b.href;
}
