/**
 * The URL allow-list (src/text/url.ts: http, https, mailto or relative), decided as a browser
 * reads the URL: against `javascript:`, mixed case, embedded tab/newline/CR, leading control
 * characters and spaces, `data:`, `file:`, `vbscript:`, and entity-encoded forms. Checked on the
 * function and through the whole pipeline, as `@url` and as a markup link `[label](url)`.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { isAllowedUrl } from '../../src/text/url.js';
import { elements, parseSvg, textOf, type XNode } from '../render/xml.js';
import { BAD_URLS, ENTITY_URLS, GOOD_URLS } from './corpus.js';
import { q, svgProblems } from './svg-checks.js';

const links = (root: XNode) => [...elements(root)].filter((el) => el.nodeName === 'a');

describe('isAllowedUrl', () => {
  it.each(BAD_URLS)('rejects %j', (url) => {
    expect(isAllowedUrl(url)).toBe(false);
  });

  it.each(GOOD_URLS)('accepts %j', (url) => {
    expect(isAllowedUrl(url)).toBe(true);
  });

  it.each(ENTITY_URLS)('reads %j literally (nothing decodes entities): a relative reference or rejected, never a scheme', (url) => {
    // Whatever the answer, it must be the answer for the literal text, which has no scheme a
    // browser would run: the check below is that no entity-decoded form sneaks past as allowed.
    const decoded = url
      .replace(/&#x0*([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#0*([0-9]+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&colon;/g, ':')
      .replace(/&Tab;/g, '\t');
    expect(isAllowedUrl(decoded)).toBe(false);
  });

  it('ignores case, and tab/newline/CR anywhere, as browsers do', () => {
    for (const scheme of ['javascript', 'vbscript', 'data', 'file']) {
      for (let i = 0; i <= scheme.length; i++) {
        for (const ws of ['\t', '\n', '\r', '\r\n']) {
          const url = `${scheme.slice(0, i)}${ws}${scheme.slice(i)}:x`;
          expect(isAllowedUrl(url), JSON.stringify(url)).toBe(false);
          expect(isAllowedUrl(url.toUpperCase()), JSON.stringify(url.toUpperCase())).toBe(false);
        }
      }
    }
  });

  it('rejects every leading C0 control or space before a bad scheme', () => {
    for (let c = 0; c <= 0x20; c++) {
      const url = `${String.fromCharCode(c)}javascript:alert(1)`;
      expect(isAllowedUrl(url), `U+${c.toString(16)}`).toBe(false);
    }
  });
});

describe('@url through the pipeline', () => {
  it.each(BAD_URLS)('%j is GSN208 at the argument, and no diagram', async (url) => {
    const source = `goal G1 "t" {\n  solution Sn1 "e" @url(${q(url)})\n}\n`;
    const r = await compile(source);
    const d = r.diagnostics.find((x) => x.code === 'GSN208');
    expect(d).toBeDefined();
    expect([d!.line, d!.column]).toEqual([2, 25]); // the argument's opening quote
    expect(r.svg).toBeNull();
  });

  it.each([...GOOD_URLS, ...ENTITY_URLS.filter(isAllowedUrl)])('%j is written as the link, and decodes to itself', async (url) => {
    const r = await compile(`goal G1 "t" {\n  solution Sn1 "e" @url(${q(url)})\n}\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(svgProblems(r.svg!)).toEqual([]);
    const a = links(parseSvg(r.svg!));
    expect(a).toHaveLength(1);
    expect(a[0]!.getAttribute!('href')).toBe(url);
    expect(a[0]!.getAttribute!('xlink:href')).toBe(url);
  });

  it('an entity-encoded scheme is escaped in the file, never written as a reference', async () => {
    const r = await compile(`undeveloped goal G1 "t" @url("&#106;avascript:alert(1)")`);
    expect(r.svg).toContain('href="&amp;#106;avascript:alert(1)"');
    expect(r.svg).not.toMatch(/href="(?:&#|javascript)/i);
  });
});

describe('markup links [label](url) through the pipeline', () => {
  it.each(BAD_URLS.filter((url) => !/[\s()]/.test(url)))('%j: the label is drawn without a link', async (url) => {
    const r = await compile(`undeveloped goal G1 "see [the report](${url.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}) now"`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(svgProblems(r.svg!)).toEqual([]);
    const root = parseSvg(r.svg!);
    expect(links(root)).toEqual([]);
    expect(r.svg!).not.toMatch(/href=/);
  });

  it.each(BAD_URLS.filter((url) => /[\s()]/.test(url)))('%j (not a markup link: space or parenthesis) is drawn as text, no link', async (url) => {
    const r = await compile(`undeveloped goal G1 "see [the report](${url.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}) now"`);
    if (r.svg === null) return; // control characters in the text: still no link to check
    expect(svgProblems(r.svg)).toEqual([]);
    expect(links(parseSvg(r.svg))).toEqual([]);
  });

  it.each(GOOD_URLS.filter((url) => !/[\s()]/.test(url)))('%j becomes a link on the label', async (url) => {
    const r = await compile(`undeveloped goal G1 "see [the report](${url.replace(/"/g, '\\"')}) now"`);
    expect(svgProblems(r.svg!)).toEqual([]);
    const a = links(parseSvg(r.svg!));
    expect(a).toHaveLength(1);
    expect(a[0]!.getAttribute!('href')).toBe(url);
    expect(textOf(a[0]!)).toBe('the report');
  });
});
