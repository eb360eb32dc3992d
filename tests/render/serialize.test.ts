/** The writer and the escaping it uses: the last line of defence for well-formed, inert output. */
import { describe, expect, it } from 'vitest';
import { withSvgDocument } from '../../src/render/dom.js';
import { serialize } from '../../src/render/serialize.js';
import { escapeAttribute, escapeText } from '../../src/render/user-text.js';
import { parseSvg } from './xml.js';

describe('escaping', () => {
  it('escapes markup and keeps whitespace a parser would normalise', () => {
    expect(escapeText('a&b<c>d]]>e-->f\rg\th\ni"j\'')).toBe('a&amp;b&lt;c&gt;d]]&gt;e--&gt;f&#13;g\th\ni"j\'');
    expect(escapeAttribute('a&b<c>"d\te\nf\rg')).toBe('a&amp;b&lt;c&gt;&quot;d&#9;e&#10;f&#13;g');
  });

  it('replaces XML-illegal characters even if a string bypassed sanitising', () => {
    const bad = 'a\u0000b\u001fc\ud800d\udc00e\ufffef\uffff';
    expect(escapeText(bad)).toBe('a&#xFFFD;b&#xFFFD;c&#xFFFD;d&#xFFFD;e&#xFFFD;f&#xFFFD;');
    expect(escapeAttribute(bad)).toBe(escapeText(bad));
    expect(escapeText('pair \ud83d\ude00')).toBe('pair \ud83d\ude00');
  });
});

describe('serialize', () => {
  it('writes attributes in the order set, self-closes empty elements, and round-trips', () => {
    const out = withSvgDocument((doc) => {
      const g = doc.element('g');
      g.setAttribute('class', 'b');
      g.setAttribute('id', 'a\n"x"');
      g.appendChild(doc.element('rect'));
      const t = doc.element('text');
      t.appendChild(doc.text('1 < 2\r\n'));
      g.appendChild(t);
      doc.root.appendChild(g);
      return serialize(doc.root);
    });
    expect(out).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" xmlns:xlink="http://www.w3.org/1999/xlink">' +
        '<g class="b" id="a&#10;&quot;x&quot;"><rect/><text>1 &lt; 2&#13;\n</text></g></svg>',
    );
    const root = parseSvg(out);
    const g = root.childNodes[0]!;
    expect(g.getAttribute?.('id')).toBe('a\n"x"');
  });

  it('refuses elements and attributes outside the allow-list', () => {
    withSvgDocument((doc) => {
      const script = doc.element('script' as never);
      expect(() => serialize(script)).toThrow(/not allowed/);
      const g = doc.element('g');
      g.setAttribute('onload', 'alert(1)');
      expect(() => serialize(g)).toThrow(/not allowed/);
      const f = doc.element('foreignObject' as never);
      expect(() => serialize(f)).toThrow(/not allowed/);
    });
  });
});
