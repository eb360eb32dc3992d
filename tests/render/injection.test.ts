/**
 * Inert SVG: payloads in every field the renderer writes from the document (IDs, text, titles,
 * classes, URLs, edge ends) keep the SVG well-formed and inert, and decode to the payload itself
 * (characters XML forbids, and invisible bidi/zero-width ones, become U+FFFD).
 */
import { describe, expect, it } from 'vitest';
import type { Layout } from '../../src/layout/types.js';
import { render } from '../../src/render/render.js';
import { sanitizeText } from '../../src/text/sanitize.js';
import { FONT, edge, node, run } from './fixtures.js';
import { attributes, elements, inertnessProblems, parseSvg, textOf, type XNode } from './xml.js';

const PAYLOADS = [
  '</text><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'><img src=x onerror=alert(1)>",
  '-->',
  '<!-- x -->',
  ']]>',
  '<![CDATA[x]]>',
  '&amp;lt;',
  '&#x3c;script&#x3e;',
  '&lt;b&gt;',
  'NUL\u0000BEL\u0007ESC\u001bVT\u000bFF\u000c',
  'tab\tnewline\ncarriage\rreturn\r\nend',
  'RLO\u202egnp.exe',
  'zero\u200bwidth\ufeffBOM',
  'lone high \ud800 x',
  'lone low \udc00 x',
  'pair \ud83d\ude00 ok',
  'nonchar \ufffe\uffff',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  'url(#x) javascript:alert(1)',
  '<foreignObject><body onload=alert(1)></body></foreignObject>',
  '{}();:\\ @import "x";</style><script>',
];

const BAD_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  ' \u0000javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
];

/**
 * Entity-encoded schemes are not decoded by anyone: `&` is written as `&amp;`, so the href
 * decodes to the literal text, a harmless relative reference (`&#106;...` is a fragment).
 */
const ENTITY_URLS = ['&#106;avascript:alert(1)', 'javascript&colon;alert(1)', 'jav&#x09;ascript:alert(1)'];

const GOOD_URLS = ['https://example.org/a?b=1&c="2"', 'http://x/<y>', 'mailto:a@example.org', 'docs/page.html#frag', '/abs?q=]]>'];

function payloadLayout(): Layout {
  const nodes = PAYLOADS.map((payload, i) =>
    node({
      kind: (['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'] as const)[i % 6]!,
      id: payload,
      x: 20,
      y: 20 + i * 100,
      width: 200,
      height: 80,
      undeveloped: i % 2 === 0,
      uninstantiated: i % 3 === 0,
      classes: [payload, 'ok-class', 'gsn-node'],
      title: payload,
      url: i % 2 === 0 ? BAD_URLS[i % BAD_URLS.length]! : null,
      lines: [
        [run(payload), run(payload, { bold: true }), run(payload, { href: BAD_URLS[i % BAD_URLS.length]! })],
        [run(payload, { italic: true, code: true })],
      ],
    }),
  );
  const edges = PAYLOADS.map((payload, i) =>
    edge(payload, PAYLOADS[(i + 1) % PAYLOADS.length]!, i % 2 ? 'supportedBy' : 'inContextOf', [{ x: 0, y: i }, { x: 10, y: i }]),
  );
  return { width: 400, height: 100 * PAYLOADS.length + 40, font: { ...FONT, family: '"><script>alert(1)</script>' }, nodes, edges };
}

const nodeGroups = (root: XNode) => [...elements(root)].filter((el) => (el.getAttribute?.('class') ?? '').startsWith('gsn-node '));
const children = (el: XNode, name: string) => Array.from(el.childNodes).filter((c) => c.nodeType === 1 && c.nodeName === name);

describe('render: injection', () => {
  const svg = render(payloadLayout(), { idPrefix: 'inj-' });

  it('stays well-formed XML', () => {
    expect(() => parseSvg(svg)).not.toThrow();
  });

  it('contains only allow-listed elements and attributes: no script, foreignObject or on*', () => {
    const root = parseSvg(svg);
    expect(inertnessProblems(root)).toEqual([]);
    const names = new Set([...elements(root)].map((el) => el.nodeName));
    expect(names.has('script')).toBe(false);
    expect(names.has('foreignObject')).toBe(false);
    for (const el of elements(root)) for (const a of attributes(el)) expect(a.name).not.toMatch(/^on/i);
  });

  it('decodes every ID, title, text run and edge end to the payload (illegal characters as U+FFFD)', () => {
    const root = parseSvg(svg);
    const groups = nodeGroups(root);
    expect(groups).toHaveLength(PAYLOADS.length);
    PAYLOADS.forEach((payload, i) => {
      const shown = sanitizeText(payload);
      const g = groups[i]!;
      expect(g.getAttribute?.('id')).toBe(`inj-gsn-node-${shown}`);
      expect(textOf(children(g, 'title')[0]!)).toBe(`${shown}: ${shown}`);
      const texts = children(g, 'text').filter((t) => t.getAttribute?.('class') !== 'gsn-letter');
      expect(textOf(texts[0]!)).toBe(shown); // the ID label
      expect(textOf(texts[1]!)).toBe(shown.repeat(3));
      expect(textOf(texts[2]!)).toBe(shown);
    });
    const paths = [...elements(root)].filter((el) => el.nodeName === 'path' && (el.getAttribute?.('class') ?? '').startsWith('gsn-edge'));
    PAYLOADS.forEach((payload, i) => {
      expect(paths[i]!.getAttribute?.('data-from')).toBe(sanitizeText(payload));
      expect(paths[i]!.getAttribute?.('data-to')).toBe(sanitizeText(PAYLOADS[(i + 1) % PAYLOADS.length]!));
    });
  });

  it('keeps only valid CSS identifiers as classes', () => {
    const root = parseSvg(svg);
    for (const g of nodeGroups(root)) {
      const classes = g.getAttribute!('class')!.split(' ');
      expect(classes.slice(-1)).toEqual(['ok-class']);
      for (const c of classes) expect(c).toMatch(/^-?[A-Za-z_][\w-]*$/);
    }
  });

  it('never writes a disallowed URL as a link', () => {
    const root = parseSvg(svg);
    const links = [...elements(root)].filter((el) => el.nodeName === 'a');
    expect(links).toEqual([]);
    expect(svg).not.toMatch(/href="\s*(java|vbscript|data|file)/i);
  });

  it('keeps entity-encoded schemes literal: escaped, never decoded into a scheme', () => {
    const layout: Layout = {
      width: 100,
      height: 100,
      font: FONT,
      nodes: ENTITY_URLS.map((url, i) => node({ kind: 'goal', id: `G${i}`, x: 0, y: 0, width: 10, height: 10, url })),
      edges: [],
    };
    const out = render(layout, { idPrefix: '' });
    const links = [...elements(parseSvg(out))].filter((el) => el.nodeName === 'a');
    expect(links.map((a) => a.getAttribute?.('href'))).toEqual(ENTITY_URLS);
    expect(out).toContain('href="&amp;#106;avascript:alert(1)"');
    expect(out).not.toMatch(/href="[^"]*(?<!&amp;)#106|href="javascript:/);
  });

  it('writes allowed URLs exactly, escaped', () => {
    const layout: Layout = {
      width: 100,
      height: 100,
      font: FONT,
      nodes: GOOD_URLS.map((url, i) =>
        node({ kind: 'goal', id: `G${i}`, x: 0, y: 0, width: 10, height: 10, url: i % 2 ? url : null, lines: [[run('x', { href: url })]] }),
      ),
      edges: [],
    };
    const root = parseSvg(render(layout, { idPrefix: '' }));
    const links = [...elements(root)].filter((el) => el.nodeName === 'a');
    expect(links.map((a) => a.getAttribute?.('href'))).toEqual(GOOD_URLS);
    expect(links.map((a) => a.getAttribute?.('xlink:href'))).toEqual(GOOD_URLS);
  });

  it('puts no document text in the stylesheet', () => {
    const root = parseSvg(svg);
    const style = [...elements(root)].find((el) => el.nodeName === 'style')!;
    expect(textOf(style)).not.toMatch(/script|alert|payload|<|>/);
  });
});
