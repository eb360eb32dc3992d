/**
 * Colour themes for the embedded stylesheet: `default` (black on white, the look of
 * stylesheet.ts), `dark`, `print` (pure black and white, links underlined instead of blue) and
 * `auto` (default, switching to dark inside the SVG with `@media (prefers-color-scheme: dark)`).
 *
 * A theme is only a name chosen from THEMES; its CSS is built from the constant palettes below,
 * each value checked against a strict pattern when this module loads. No option or document
 * text ever reaches the CSS. The default theme's stylesheet is STYLESHEET unchanged (so default
 * output stays byte-identical); the others append override rules with the same selectors, so
 * they win by order.
 */
import { STYLESHEET } from './stylesheet.js';
import { FILL_COLOUR, LINK_COLOUR, STROKE_COLOUR, TEXT_COLOUR } from './style.js';

export const THEMES = ['default', 'dark', 'print', 'auto'] as const;
export type ThemeName = (typeof THEMES)[number];

interface Palette {
  /** The background rectangle. */
  background: string;
  /** Inside shapes and decorations. */
  fill: string;
  /** Outlines, edges, arrowheads. */
  stroke: string;
  text: string;
  link: string;
  /** Links underlined (print, where colour is lost). */
  underlineLinks: boolean;
  /**
   * Fill of counter elements (GSN extensions), or null to keep the extension stylesheet's own
   * light grey (which suits black text on white, not light text on dark).
   */
  counterFill: string | null;
}

const COLOUR = /^#[0-9a-f]{6}$|^#[0-9a-f]{3}$/;

function validated(name: string, palette: Palette): Readonly<Palette> {
  for (const key of ['background', 'fill', 'stroke', 'text', 'link', 'counterFill'] as const) {
    const value = palette[key];
    if (value === null && key === 'counterFill') continue;
    if (value === null || !COLOUR.test(value)) throw new Error(`theme ${name}: ${key} '${palette[key]}' is not a #rgb or #rrggbb colour`);
  }
  return Object.freeze({ ...palette });
}

export const PALETTES: Readonly<Record<'default' | 'dark' | 'print', Readonly<Palette>>> = Object.freeze({
  default: validated('default', {
    background: FILL_COLOUR,
    fill: FILL_COLOUR,
    stroke: STROKE_COLOUR,
    text: TEXT_COLOUR,
    link: LINK_COLOUR,
    underlineLinks: false,
    counterFill: null,
  }),
  dark: validated('dark', {
    background: '#0d1117',
    fill: '#161b22',
    stroke: '#c9d1d9',
    text: '#e6edf3',
    link: '#58a6ff',
    underlineLinks: false,
    counterFill: '#30363d',
  }),
  print: validated('print', {
    background: '#fff',
    fill: '#fff',
    stroke: '#000',
    text: '#000',
    link: '#000',
    underlineLinks: true,
    counterFill: null,
  }),
});

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** The theme for an option value: undefined means default; anything else unknown is a TypeError. */
export function resolveTheme(value: unknown): ThemeName {
  if (value === undefined || value === null) return 'default';
  if (!isThemeName(value)) throw new TypeError(`unknown theme '${String(value)}'; the themes are ${THEMES.join(', ')}`);
  return value;
}

/** Rules that recolour the default stylesheet's selectors (same selectors, so later wins). */
function overrides(p: Readonly<Palette>): string[] {
  const rules = [
    `.gsn-diagram .gsn-background{fill:${p.background}}`,
    `.gsn-diagram .gsn-shape,.gsn-diagram .gsn-decoration{fill:${p.fill};stroke:${p.stroke}}`,
    `.gsn-diagram .gsn-edge{stroke:${p.stroke}}`,
    `.gsn-diagram .gsn-arrowhead{stroke:${p.stroke}}`,
    `.gsn-diagram .gsn-arrowhead-filled{fill:${p.stroke}}`,
    `.gsn-diagram .gsn-solid-mark{fill:${p.stroke}}`, // GSN extensions: ACP squares, multiplicity balls, choice diamonds
    // Hollow arrowheads sit on the background, so they take its colour to look hollow.
    `.gsn-diagram .gsn-arrowhead-hollow{fill:${p.background}}`,
    `.gsn-diagram text{fill:${p.text}}`,
    `.gsn-diagram .gsn-link{fill:${p.link}}`,
  ];
  // The extension sheet comes after this one (render.ts), so this rule outranks its
  // `.gsn-diagram .gsn-counter .gsn-shape` by specificity (the group is also a .gsn-node).
  if (p.counterFill !== null) rules.push(`.gsn-diagram .gsn-node.gsn-counter .gsn-shape{fill:${p.counterFill}}`);
  if (p.underlineLinks) rules.push('.gsn-diagram .gsn-link{text-decoration:underline}');
  return rules;
}

const STYLESHEETS: Readonly<Record<ThemeName, string>> = Object.freeze({
  default: STYLESHEET,
  dark: [STYLESHEET, ...overrides(PALETTES.dark)].join('\n'),
  print: [STYLESHEET, ...overrides(PALETTES.print)].join('\n'),
  auto: [STYLESHEET, `@media (prefers-color-scheme:dark){${overrides(PALETTES.dark).join('')}}`].join('\n'),
});

/** The embedded stylesheet for a theme. */
export function themeStylesheet(theme: ThemeName = 'default'): string {
  return STYLESHEETS[resolveTheme(theme)];
}

/**
 * The background rectangle's fill attribute (for renderers that ignore CSS). `auto` keeps the
 * light one: only its stylesheet knows the reader's colour scheme.
 */
export function themeBackground(theme: ThemeName = 'default'): string {
  const name = resolveTheme(theme);
  return PALETTES[name === 'auto' ? 'default' : name].background;
}
