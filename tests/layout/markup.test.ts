import { describe, expect, it } from 'vitest';
import { parseMarkup, plainText } from '../../src/layout/markup.js';

const run = (text: string, style: Partial<{ bold: boolean; italic: boolean; code: boolean; href: string | null }> = {}) => ({
  text,
  bold: false,
  italic: false,
  code: false,
  href: null,
  ...style,
});

describe('parseMarkup', () => {
  it('parses bold, italic, code and links', () => {
    const [p] = parseMarkup('a **b** *c* `d *e*` [f](https://x.org/) g');
    expect(p!.runs).toEqual([
      run('a '),
      run('b', { bold: true }),
      run(' '),
      run('c', { italic: true }),
      run(' '),
      run('d *e*', { code: true }),
      run(' '),
      run('f', { href: 'https://x.org/' }),
      run(' g'),
    ]);
  });

  it('keeps disallowed links as plain text', () => {
    const [p] = parseMarkup('[click](javascript:alert(1)) [x](JaVaScRiPt:y) [ok](docs/a.pdf)');
    expect(p!.runs.filter((r) => r.href !== null).map((r) => r.href)).toEqual(['docs/a.pdf']);
    expect(plainText(parseMarkup('[click](javascript:x)'))).toBe('click');
  });

  it('leaves unmatched delimiters literal', () => {
    expect(plainText(parseMarkup('2 * 3 = 6 and a ** b'))).toBe('2 * 3 = 6 and a ** b');
    expect(plainText(parseMarkup('**open only'))).toBe('**open only');
    expect(plainText(parseMarkup('`tick'))).toBe('`tick');
    expect(plainText(parseMarkup('[no link] (x)'))).toBe('[no link] (x)');
  });

  it('keeps hard line breaks, bullets, collapses spaces and ignores indentation', () => {
    const ps = parseMarkup('\n    First   line\n    - item one\n    -  item   two\n\n    last  ');
    expect(ps.map((p) => p.bullet)).toEqual([false, true, true, false, false]);
    expect(plainText(ps)).toBe('First line\n\u2022 item one\n\u2022 item two\n\nlast');
  });

  it('lets bold span a line break', () => {
    const ps = parseMarkup('**one\ntwo**');
    expect(ps.map((p) => p.runs)).toEqual([[run('one', { bold: true })], [run('two', { bold: true })]]);
  });

  it('is linear on pathological input', () => {
    const t = performance.now();
    parseMarkup('**a *b `c [d '.repeat(50_000));
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
