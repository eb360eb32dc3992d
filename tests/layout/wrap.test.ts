import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../../src/layout/markup.js';
import { measure } from '../../src/layout/measure.js';
import { tokenize, wrapTokens } from '../../src/layout/wrap.js';

const wrap = (text: string, width: number) => wrapTokens(tokenize(parseMarkup(text), 12), width, 12);
const texts = (text: string, width: number) => wrap(text, width).map((l) => l.runs.map((r) => r.text).join(''));
const REGULAR = { bold: false, italic: false, code: false };

describe('wrap', () => {
  it('breaks greedily at spaces, within the width, with exact widths', () => {
    const lines = wrap('The AI macrosystem will not cause a catastrophe during the deployment window', 150);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      expect(l.width).toBeLessThanOrEqual(150);
      expect(l.width).toBeCloseTo(measure(l.runs.map((r) => r.text).join(''), REGULAR, 12), 6);
    }
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join(' ')).toBe(
      'The AI macrosystem will not cause a catastrophe during the deployment window',
    );
  });

  it('keeps styled runs and spaces across a break', () => {
    expect(texts('aaa **bbb** ccc', 40)).toEqual(['aaa', 'bbb', 'ccc']);
    const [l] = wrap('x **bold**text', 500);
    expect(l!.runs.map((r) => [r.text, r.bold])).toEqual([['x ', false], ['bold', true], ['text', false]]);
  });

  it('breaks CJK between any two ideographs but not before closing punctuation', () => {
    const text = '安全性は十分に論証されている。これは日本語の長い文章で、折り返しが必要です。';
    const lines = texts(text, 100);
    expect(lines.join('')).toBe(text);
    for (const l of lines) {
      expect(measure(l, REGULAR, 12)).toBeLessThanOrEqual(100);
      expect('。、'.includes(l[0]!)).toBe(false);
    }
    expect(lines.length).toBeGreaterThanOrEqual(Math.ceil(measure(text, REGULAR, 12) / 100));
  });

  it('breaks a word longer than the line by character', () => {
    const word = 'x'.repeat(5000);
    const lines = wrap(`start ${word} end`, 200);
    const joined = lines.map((l) => l.runs.map((r) => r.text).join('')).join('').replace(/ /g, '');
    expect(joined === `start${word}end`).toBe(true);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(200);
    expect(lines.length).toBeGreaterThan(5000 / 30);
  });

  it('keeps combining marks with their base', () => {
    const word = 'e\u0301'.repeat(200);
    for (const l of texts(word, 60)) expect(l.startsWith('\u0301')).toBe(false);
  });

  it('indents bullet continuation lines', () => {
    const lines = wrap('- one two three four five six seven eight', 80);
    expect(lines[0]!.bullet).toBe(true);
    expect(lines[0]!.runs[0]!.text).toBe('\u2022 ');
    expect(lines[1]!.bullet).toBe(false);
    expect(lines[1]!.indent).toBeGreaterThan(0);
  });

  it('is linear-ish on huge text', () => {
    const huge = 'word '.repeat(100_000) + 'y'.repeat(100_000) + '漢'.repeat(50_000);
    const t = performance.now();
    const lines = wrap(huge, 220);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(lines.length).toBeGreaterThan(1000);
  });
});
