/**
 * Themes: each one's SVG is well-formed and inert, carries the designed colours, and is built
 * only from the constant palettes (no option or document text in the CSS).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEMES, compile } from '../../src/index.js';
import { PALETTES, resolveTheme, themeStylesheet } from '../../src/render/themes.js';
import { STYLESHEET } from '../../src/render/stylesheet.js';
import { elements, inertnessProblems, parseSvg, textOf, type XNode } from '../render/xml.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MINIMAL = readFileSync(join(ROOT, 'examples', 'minimal.gsn'), 'utf8');
const LINKED = `goal G1 "See [the report](https://example.com/r) for **details**" {
  solution Sn1 "Report" @url("https://example.com/r")
}
`;

async function svgFor(text: string, theme?: (typeof THEMES)[number]): Promise<string> {
  const result = await compile(text, theme === undefined ? {} : { theme });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.svg!;
}

function styleOf(root: XNode): string {
  const style = [...elements(root)].find((n) => n.nodeName === 'style');
  return style ? textOf(style) : '';
}

function backgroundFill(root: XNode): string | null | undefined {
  const rect = [...elements(root)].find((n) => n.nodeName === 'rect' && n.getAttribute?.('class') === 'gsn-background');
  return rect?.getAttribute?.('fill');
}

describe('themes', () => {
  it('lists default, dark, print and auto', () => {
    expect([...THEMES]).toEqual(['default', 'dark', 'print', 'auto']);
  });

  for (const theme of THEMES) {
    it(`${theme}: the SVG is well-formed and inert`, async () => {
      for (const text of [MINIMAL, LINKED]) {
        const root = parseSvg(await svgFor(text, theme));
        expect(inertnessProblems(root)).toEqual([]);
        expect(styleOf(root).startsWith(STYLESHEET)).toBe(true);
      }
    });
  }

  it('default is the unthemed output, byte for byte', async () => {
    expect(await svgFor(MINIMAL, 'default')).toBe(await svgFor(MINIMAL));
    expect(themeStylesheet('default')).toBe(STYLESHEET);
  });

  it('dark: dark background and fills, light strokes, text and links', async () => {
    const root = parseSvg(await svgFor(MINIMAL, 'dark'));
    const css = styleOf(root);
    const dark = PALETTES.dark;
    expect(backgroundFill(root)).toBe(dark.background);
    expect(css).toContain(`.gsn-diagram .gsn-background{fill:${dark.background}}`);
    expect(css).toContain(`.gsn-diagram .gsn-shape,.gsn-diagram .gsn-decoration{fill:${dark.fill};stroke:${dark.stroke}}`);
    expect(css).toContain(`.gsn-diagram .gsn-edge{stroke:${dark.stroke}}`);
    expect(css).toContain(`.gsn-diagram .gsn-arrowhead-filled{fill:${dark.stroke}}`);
    expect(css).toContain(`.gsn-diagram .gsn-arrowhead-hollow{fill:${dark.background}}`);
    expect(css).toContain(`.gsn-diagram text{fill:${dark.text}}`);
    expect(css).toContain(`.gsn-diagram .gsn-link{fill:${dark.link}}`);
    expect(css).not.toContain('@media');
    // Counter elements (GSN extensions) get a dark fill that outranks the extension sheet's grey.
    expect(css).toContain(`.gsn-diagram .gsn-node.gsn-counter .gsn-shape{fill:${dark.counterFill}}`);
    // Dark means dark: background and fills darker than strokes and text (relative luminance).
    for (const light of [dark.stroke, dark.text, dark.link]) {
      expect(luminance(light)).toBeGreaterThan(luminance(dark.background) + 0.3);
      expect(luminance(light)).toBeGreaterThan(luminance(dark.fill) + 0.3);
    }
  });

  it('print: black on white only, links underlined rather than coloured', async () => {
    const root = parseSvg(await svgFor(LINKED, 'print'));
    const css = styleOf(root);
    expect(backgroundFill(root)).toBe('#fff');
    const added = css.slice(STYLESHEET.length);
    const colours = new Set(added.match(/#[0-9a-f]{3,6}\b/g));
    expect([...colours].sort()).toEqual(['#000', '#fff']);
    expect(css).toContain('.gsn-diagram .gsn-link{fill:#000}');
    expect(css).toContain('.gsn-diagram .gsn-link{text-decoration:underline}');
  });

  it('auto: the default look, and the dark one inside a prefers-color-scheme media query', async () => {
    const root = parseSvg(await svgFor(MINIMAL, 'auto'));
    const css = styleOf(root);
    expect(backgroundFill(root)).toBe('#fff');
    const media = /@media \(prefers-color-scheme:dark\)\{(.*)\}$/s.exec(css);
    expect(media).not.toBeNull();
    expect(media![1]).toContain(`.gsn-diagram .gsn-background{fill:${PALETTES.dark.background}}`);
    expect(media![1]).toContain(`.gsn-diagram text{fill:${PALETTES.dark.text}}`);
    // Outside the query, only the default rules.
    expect(css.slice(0, media!.index).trimEnd()).toBe(STYLESHEET);
  });

  it('palettes hold only validated colours; the CSS holds no document text', async () => {
    for (const palette of Object.values(PALETTES)) {
      for (const key of ['background', 'fill', 'stroke', 'text', 'link'] as const) {
        expect(palette[key]).toMatch(/^#[0-9a-f]{3}$|^#[0-9a-f]{6}$/);
      }
      if (palette.counterFill !== null) expect(palette.counterFill).toMatch(/^#[0-9a-f]{6}$/);
    }
    const hostile = `goal G1 "}</style><script>x</script>{" @class("evil") {
  solution Sn1 "a{fill:red}"
}
`;
    for (const theme of THEMES) {
      const css = styleOf(parseSvg(await svgFor(hostile, theme)));
      expect(css).toBe(themeStylesheet(theme));
      expect(css).not.toMatch(/evil|red|script/);
      // Only the characters of selectors, declarations, colours and the media query.
      expect(css).toMatch(/^[a-z0-9 .,:;{}#()@\n_-]+$/);
    }
  });

  it('an unknown theme is refused', async () => {
    expect(() => resolveTheme('neon')).toThrow(TypeError);
    await expect(compile(MINIMAL, { theme: 'x{}' as never })).rejects.toThrow(/unknown theme/);
  });
});

function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
  const channel = (i: number) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
