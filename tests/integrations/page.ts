/** Shared checks for the HTML pages the Markdown integrations produce. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { expect } from 'vitest';
import { parseSvg } from '../render/xml.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const PAGE = readFileSync(join(FIXTURES, 'page.md'), 'utf8');

/** Every inline SVG of a page. */
export function svgsOf(html: string): string[] {
  return html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}

/**
 * The page with each SVG replaced by a one-line summary (its id prefix and how many ids it
 * has), so the goldens pin what the integrations do and not the layout stage's geometry.
 */
export function summarised(html: string): string {
  return html.replace(/<svg[\s\S]*?<\/svg>/g, (svg) => {
    const ids = [...svg.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    const prefix = /^(gsnc-[0-9a-f]{8}-\d+-)/.exec(ids[0] ?? '')?.[1] ?? '?';
    return `<svg><!-- ${ids.length} ids, all prefixed ${ids.every((id) => id.startsWith(prefix)) ? prefix : 'INCONSISTENTLY'} --></svg>`;
  });
}

/**
 * The page is well-formed (parsed strictly as XML inside one root element), every SVG on it is
 * well-formed, no id appears twice, and every internal reference resolves inside its own SVG.
 */
export function expectSoundPage(html: string): void {
  const problems: string[] = [];
  new DOMParser({ onError: (level: string, message: string) => void problems.push(`${level}: ${message}`) }).parseFromString(
    `<div xmlns="http://www.w3.org/1999/xhtml">${html}</div>`,
    'application/xhtml+xml',
  );
  expect(problems, 'the page is well-formed').toEqual([]);
  const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'duplicate ids on the page').toEqual([]);
  for (const svg of svgsOf(html)) {
    parseSvg(svg);
    const own = new Set([...svg.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
    for (const ref of svg.matchAll(/url\(#([^)]*)\)|href="#([^"]*)"/g)) expect(own.has((ref[1] ?? ref[2])!), `reference ${ref[0]}`).toBe(true);
  }
}
