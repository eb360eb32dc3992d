import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { measure } from '../../src/layout/measure.js';

const FONTS = join(import.meta.dirname, '..', '..', 'fonts');
const SIZE = 12;
const SAMPLES = [
  'The AI macrosystem will not cause a catastrophe',
  'AVAWAY To Wo Ty, LT "quoted" (paren) 0123456789 %&@#',
  'Déjà vu: naïve façade, Ångström, Œuvre, Łódź, São Tomé, ÿ',
  'Ελληνικά: αβγδεζηθ ΑΒΓΔ, Кириллица: безопасность системы',
  'mixed: safety-case_v2.1 + [x] = {y}; ~!?',
];
const FACES = [
  { file: 'DejaVuSans.ttf', style: { bold: false, italic: false, code: false } },
  { file: 'DejaVuSans-Bold.ttf', style: { bold: true, italic: false, code: false } },
  { file: 'DejaVuSans-Oblique.ttf', style: { bold: false, italic: true, code: false } },
  { file: 'DejaVuSans-BoldOblique.ttf', style: { bold: true, italic: true, code: false } },
  { file: 'DejaVuSansMono.ttf', style: { bold: false, italic: false, code: true } },
];

describe('measure', () => {
  for (const face of FACES) {
    const font = fontkit.openSync(join(FONTS, face.file)) as fontkit.Font;
    it(`matches fontkit on ${face.file} within 0.5 px at 12 px`, () => {
      for (const text of SAMPLES) {
        const ours = measure(text, face.style, SIZE);
        // Sum of advances, no shaping: what the tables encode.
        const plain = [...text].reduce((s, c) => s + font.glyphForCodePoint(c.codePointAt(0)!).advanceWidth, 0);
        expect(Math.abs(ours - (plain / font.unitsPerEm) * SIZE), text).toBeLessThan(0.5);
        // With shaping and kerning, as a browser draws it: never under-measured by 0.5 px or more.
        const shaped = (font.layout(text).advanceWidth / font.unitsPerEm) * SIZE;
        expect(ours, text).toBeGreaterThan(shaped - 0.5);
      }
    });
  }

  it('counts characters the fonts lack: wide 1 em, others generously', () => {
    const regular = { bold: false, italic: false, code: false };
    expect(measure('安全性', regular, SIZE)).toBe(36);
    expect(measure('한국어', regular, SIZE)).toBe(36);
    expect(measure('ｶﾀｶﾅＡＢ', regular, SIZE)).toBeGreaterThan(0);
    expect(measure('ＡＢ', regular, SIZE)).toBe(24);
    expect(measure('𠀀', regular, SIZE)).toBe(12);
    expect(measure('\u200b', regular, SIZE)).toBe(0);
    expect(measure('😀', regular, SIZE)).toBeGreaterThanOrEqual(12);
  });

  it('is linear on long text', () => {
    const text = 'lorem ipsum dolor sit amet '.repeat(40_000);
    const t = performance.now();
    measure(text, { bold: false, italic: false, code: false }, SIZE);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
