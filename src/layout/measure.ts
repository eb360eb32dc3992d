/**
 * Text measurement from the bundled DejaVu fonts' advance widths (src/layout/metrics, generated
 * by scripts/gen-metrics.mjs). No I/O, no canvas: the same numbers in Node and in a browser.
 *
 * Kerning is ignored: DejaVu's kerning pairs only narrow text, so a measured run is never
 * narrower than the font draws it. Characters the font lacks are measured as the fallback font
 * would draw them, generously: East Asian Wide and Fullwidth characters 1 em (every CJK font
 * draws them 1 em wide), emoji 1.25 em, anything else 1 em; zero-width formatting characters 0.
 */
import { mono } from './metrics/mono.js';
import { sans } from './metrics/sans.js';
import { sansBold } from './metrics/sansBold.js';
import { sansBoldOblique } from './metrics/sansBoldOblique.js';
import { sansOblique } from './metrics/sansOblique.js';
import type { FontTable } from './metrics/table.js';

export interface RunStyle {
  bold: boolean;
  italic: boolean;
  /** Code is set in DejaVu Sans Mono (regular, whatever bold/italic say). */
  code: boolean;
}

const MISSING = 0xffff;

/** A face decoded for lookup: a dense table for the BMP, sorted runs for the rest. */
class Face {
  readonly bmp = new Uint16Array(0x10000).fill(MISSING);
  /** Astral runs: start, end (exclusive), advance. */
  readonly astral: number[] = [];
  readonly unitsPerEm: number;

  constructor(table: FontTable) {
    this.unitsPerEm = table.unitsPerEm;
    const runs = table.runs;
    let cp = 0;
    for (let i = 0; i + 2 < runs.length; i += 3) {
      const start = cp + runs[i]!;
      const length = runs[i + 1]!;
      const advance = runs[i + 2]!;
      for (let c = start; c < start + length; c++) {
        if (c < 0x10000) this.bmp[c] = advance;
        else break;
      }
      if (start + length > 0x10000) this.astral.push(Math.max(start, 0x10000), start + length, advance);
      cp = start + length;
    }
  }

  /** Advance in em, or -1 when the face has no glyph. */
  advance(cp: number): number {
    if (cp < 0x10000) {
      const v = this.bmp[cp]!;
      return v === MISSING ? -1 : v / this.unitsPerEm;
    }
    const a = this.astral;
    let lo = 0;
    let hi = a.length / 3 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < a[mid * 3]!) hi = mid - 1;
      else if (cp >= a[mid * 3 + 1]!) lo = mid + 1;
      else return a[mid * 3 + 2]! / this.unitsPerEm;
    }
    return -1;
  }
}

let faces: { regular: Face; bold: Face; italic: Face; boldItalic: Face; mono: Face } | null = null;

function getFaces() {
  faces ??= {
    regular: new Face(sans),
    bold: new Face(sansBold),
    italic: new Face(sansOblique),
    boldItalic: new Face(sansBoldOblique),
    mono: new Face(mono),
  };
  return faces;
}

/** Main blocks of East Asian Width W and F (UAX #11), as [first, last] pairs. */
const WIDE: readonly number[] = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x2e80, 0x303e, 0x3041, 0x33ff,
  0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xa000, 0xa4cf, 0xa960, 0xa97f, 0xac00, 0xd7a3, 0xf900, 0xfaff,
  0xfe10, 0xfe19, 0xfe30, 0xfe6f, 0xff00, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x18aff, 0x1b000, 0x1b2ff,
  0x1f200, 0x1f2ff, 0x20000, 0x2fffd, 0x30000, 0x3fffd,
];

/** True for East Asian Wide / Fullwidth characters (CJK ideographs, kana, hangul, fullwidth forms). */
export function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  for (let i = 0; i < WIDE.length; i += 2) {
    if (cp < WIDE[i]!) return false;
    if (cp <= WIDE[i + 1]!) return true;
  }
  return false;
}

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, joiners, direction marks
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp < 0x20 // controls never reach here (lines are split), but never count them
  );
}

function isEmoji(cp: number): boolean {
  return (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf);
}

/** Width in em of a character no bundled face has. */
function fallbackEm(cp: number): number {
  if (isZeroWidth(cp)) return 0;
  if (isWide(cp)) return 1;
  if (isEmoji(cp)) return 1.25;
  return 1;
}

/** Advance of one code point in em, for a style. */
export function advanceEm(cp: number, style: RunStyle): number {
  const f = getFaces();
  let w: number;
  if (style.code) w = f.mono.advance(cp);
  else if (style.bold) w = style.italic ? f.boldItalic.advance(cp) : f.bold.advance(cp);
  else w = style.italic ? f.italic.advance(cp) : f.regular.advance(cp);
  if (w >= 0) return w;
  // A face without the glyph: a browser synthesises the style from another face of the family,
  // whose advance is the same as that face's (an oblique slants, it does not widen).
  if (style.code || style.bold || style.italic) {
    w = style.bold && !style.code ? f.bold.advance(cp) : f.regular.advance(cp);
    if (w < 0 && style.bold) w = f.regular.advance(cp) * 1.1;
    if (w >= 0) return w;
  }
  return fallbackEm(cp);
}

/** Width in px of `text` set in `style` at `size` px. Linear in the length of the text. */
export function measure(text: string, style: RunStyle, size: number): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    em += advanceEm(cp, style);
  }
  return em * size;
}
