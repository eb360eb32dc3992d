/**
 * Inert SVG through the WHOLE pipeline (issue 7): every payload of the corpus in every field a
 * user controls (element text of every kind, the module description, annotation arguments, @url,
 * @class, markup links, text next to IDs). The SVG stays well-formed (strict xmldom), holds only
 * allow-listed elements and attributes (no on*, script, foreignObject), has no comments and no
 * user text in <style>, and its decoded text is the payload (characters XML forbids and
 * invisible bidi/zero-width ones drawn as U+FFFD, with a GSN306 warning).
 *
 * (tests/render/injection.test.ts checks the renderer alone on a hand-made layout.)
 */
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { compile, type CompileResult } from '../../src/index.js';
import { sanitizeText } from '../../src/text/sanitize.js';
import { invariantProblems } from '../robustness/invariants.js';
import { attributes, elements, parseSvg, textOf, type XNode } from '../render/xml.js';
import { SUSPICIOUS, TEXT_PAYLOADS } from './corpus.js';
import { q, svgProblems } from './svg-checks.js';

const IDS = ['G1', 'S1', 'G2', 'Sn1', 'C1', 'A1', 'J1'];

function documentWith(text: string, description = 'A case'): string {
  const t = q(text);
  return `module M ${q(description)}
goal G1 ${t} @note(${t}) {
  strategy S1 ${t} {
    goal G2 ${t} {
      solution Sn1 ${t}
    }
  }
  context C1 ${t}
  assumption A1 ${t}
  justification J1 ${t}
}
`;
}

const errors = (r: CompileResult) => r.diagnostics.filter((d) => d.severity === 'error');
const byClass = (root: XNode, name: string) => [...elements(root)].filter((el) => (el.getAttribute?.('class') ?? '').split(' ').includes(name));
const childElements = (el: XNode, name: string) => Array.from(el.childNodes).filter((c) => c.nodeType === 1 && c.nodeName === name);
const styleOf = (root: XNode) => [...elements(root)].filter((el) => el.nodeName === 'style').map(textOf).join('\n');

describe('payloads in element text, the module description and annotation arguments', async () => {
  const baseline = await compile(documentWith('plain text'));
  const baselineStyle = styleOf(parseSvg(baseline.svg!));

  for (const payload of TEXT_PAYLOADS) {
    it(JSON.stringify(payload), async () => {
      const source = documentWith(payload, payload);
      const r = await compile(source, { file: 'payload.gsn' });
      expect(invariantProblems(source, r, { file: 'payload.gsn' })).toEqual([]);
      // Never an error: the diagram is still drawn.
      expect(errors(r)).toEqual([]);
      expect(r.svg).not.toBeNull();
      expect(svgProblems(r.svg!)).toEqual([]);

      // A warning exactly when the text holds something that cannot be drawn as written.
      const flagged = r.diagnostics.filter((d) => d.code === 'GSN306');
      if (SUSPICIOUS.test(payload)) {
        // The text of seven elements, the module description and @note's argument.
        expect(flagged.length).toBe(9);
        for (const d of flagged) expect(d.severity).toBe('warning');
      } else {
        expect(flagged).toEqual([]);
      }

      const root = parseSvg(r.svg!);
      // Drawn text collapses tabs to spaces, like any run of white space.
      const shown = sanitizeText(payload).replace(/\t/g, ' ');
      expect(styleOf(root)).toBe(baselineStyle); // no user text in <style>
      const groups = byClass(root, 'gsn-node');
      expect(groups.map((g) => g.getAttribute!('id'))).toEqual(IDS.map((id) => `gsn-node-${id}`));
      for (const [i, g] of groups.entries()) {
        // The <title> holds the text as written (what a screen reader and a tooltip show) ...
        expect(textOf(childElements(g, 'title')[0]!)).toBe(`${IDS[i]}: ${shown}`);
        // ... and the drawn lines hold every character of it (wrapping only moves spaces).
        const drawn = byClass(g, 'gsn-text').map(textOf).join('');
        expect(drawn.replace(/\s/g, '')).toBe(shown.replace(/\s/g, ''));
      }
      // Nothing from the module description or the unknown annotation reaches the drawing raw.
      if (payload.includes('<')) expect(r.svg!.includes(payload)).toBe(false);
    });
  }
});

describe('payloads next to IDs, where the lexer allows no such characters', () => {
  for (const payload of TEXT_PAYLOADS) {
    it(JSON.stringify(payload), async () => {
      const sources = [
        `goal G1${payload} "t" { solution Sn1 "e" }`,
        `goal G1 "t" { solution ${payload}Sn1 "e" }`,
        `goal G1 "t" { solution Sn1 "e" }\nG1 -> Sn1${payload}`,
        `module M${payload}\ngoal G1 "t" { solution Sn1 "e" }`,
      ];
      for (const source of sources) {
        const r = await compile(source, { file: 'id.gsn' });
        expect(invariantProblems(source, r, { file: 'id.gsn' })).toEqual([]);
        if (r.svg !== null) expect(svgProblems(r.svg)).toEqual([]);
        // Bidi and zero-width characters beside an ID never pass silently.
        if (SUSPICIOUS.test(payload)) expect(r.diagnostics.length, source).toBeGreaterThan(0);
      }
    });
  }
});

describe('@class', () => {
  it('a payload is never a class: GSN211, and no diagram', async () => {
    for (const payload of TEXT_PAYLOADS) {
      const r = await compile(`undeveloped goal G1 "t" @class(${q(payload)})`);
      expect(r.diagnostics.map((d) => d.code)).toContain('GSN211');
      expect(r.svg).toBeNull();
    }
  });

  it('valid class names are added to the element, and only to its class attribute', async () => {
    const r = await compile('undeveloped goal G1 "t" @class(highlight, "needs-review", _x, "-y")');
    expect(errors(r)).toEqual([]);
    const g = byClass(parseSvg(r.svg!), 'gsn-node')[0]!;
    expect(g.getAttribute!('class')!.split(' ')).toEqual(expect.arrayContaining(['highlight', 'needs-review', '_x', '-y']));
    expect(svgProblems(r.svg!)).toEqual([]);
  });
});

describe('bidi and zero-width characters give a warning', () => {
  for (const char of ['\u202e', '\u202a', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
    const name = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    it(`${name} in text: GSN306 at the character, drawn as U+FFFD`, async () => {
      const r = await compile(`undeveloped goal G1 "ab${char}cd"`);
      const d = r.diagnostics.find((x) => x.code === 'GSN306');
      expect(d, name).toBeDefined();
      expect(d!.severity).toBe('warning');
      expect([d!.line, d!.column]).toEqual([1, 24]); // the character itself
      expect(d!.message).toContain(name);
      expect(textOf(childElements(byClass(parseSvg(r.svg!), 'gsn-node')[0]!, 'title')[0]!)).toBe('G1: ab\ufffdcd');
    });

    it(`${name} in an ID position: an error that names it`, async () => {
      const r = await compile(`undeveloped goal G${char}1 "t"`);
      expect(errors(r).length).toBeGreaterThan(0);
      expect(r.diagnostics.some((d) => d.message.includes(name))).toBe(true);
    });
  }
});

describe('the same after parsing the SVG as an HTML fragment (inline SVG in a page)', () => {
  // Inline SVG in an HTML page is read by the HTML parser, which differs from XML (foreign
  // content, `]]>` and `-->` outside CDATA or comments, entity handling). The elements, their
  // attributes and the decoded text must be the same as the XML reading, and still inert.
  for (const payload of TEXT_PAYLOADS) {
    it(JSON.stringify(payload), async () => {
      const r = await compile(documentWith(payload, payload));
      const xml = [...elements(parseSvg(r.svg!))].map((el) => ({
        name: el.nodeName.toLowerCase(),
        attributes: attributes(el).map((a) => `${a.name.toLowerCase()}=${a.value}`).sort(),
        text: directText(el),
      }));
      const html = htmlElements(parseFragment(r.svg!));
      expect(html).toEqual(xml);
      for (const el of html) {
        expect(el.name).not.toMatch(/^(script|foreignobject|iframe|object|embed)$/);
        for (const a of el.attributes) expect(a).not.toMatch(/^on/);
      }
    });
  }
});

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string; prefix?: string }[];
  childNodes?: HtmlNode[];
}

/** Text directly inside an element, as the XML reading decodes it. */
function directText(el: XNode): string {
  return Array.from(el.childNodes)
    .filter((c) => c.nodeType === 3)
    .map((c) => c.nodeValue ?? '')
    .join('');
}

/** Elements of a parse5 tree in document order, shaped like the XML reading above. */
function htmlElements(root: HtmlNode): { name: string; attributes: string[]; text: string }[] {
  const out: { name: string; attributes: string[]; text: string }[] = [];
  const stack: HtmlNode[] = [...(root.childNodes ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node.tagName) continue;
    out.push({
      name: node.tagName.toLowerCase(),
      attributes: (node.attrs ?? []).map((a) => `${a.prefix ? `${a.prefix}:` : ''}${a.name.toLowerCase()}=${a.value}`).sort(),
      text: (node.childNodes ?? []).filter((c) => c.nodeName === '#text').map((c) => c.value ?? '').join(''),
    });
    stack.push(...[...(node.childNodes ?? [])].reverse());
  }
  return out;
}
