import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineIndex } from '../../src/diagnostics/locate.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/limits.js';
import type { ChallengeStatement, ChildItem, Document, ElementNode } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/parse.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function parseText(text: string, limits: Partial<Limits> = {}) {
  return parse(text, { limits: { ...DEFAULT_LIMITS, ...limits } });
}

/** Diagnostics as `code line:col` strings, for compact assertions. */
export function where(text: string, diagnostics: { code: string; span: { start: number } }[]): string[] {
  const index = new LineIndex(text);
  return diagnostics.map((d) => {
    const { line, column } = index.position(d.span.start);
    return `${d.code} ${line}:${column}`;
  });
}

/** The element tree as an indented outline: `goal G1`, `  -> Sn1` for references. */
export function outline(doc: Document): string[] {
  const lines: string[] = [];
  const visit = (item: ChildItem, depth: number) => {
    const pad = '  '.repeat(depth);
    if (item.type === 'reference') {
      const relationMods = (item.modifiers ?? []).map((m) => `${m.name} `).join('');
      lines.push(`${pad}-> ${relationMods}${item.id}`);
      return;
    }
    if (item.type === 'challenge') {
      lines.push(`${pad}${challengeLine(item)}`);
      return;
    }
    const mods = item.modifiers.map((m) => `${m.name} `).join('');
    lines.push(`${pad}${mods}${item.kind} ${item.id}`);
    for (const child of item.children) visit(child, depth + 1);
  };
  for (const item of doc.items) {
    if (item.type === 'link') {
      const mods = (item.modifiers ?? []).map((m) => `${m.name} `).join('');
      lines.push(`link ${mods}${item.from.id} -> ${item.to.map((r) => r.id).join(', ')}`);
    } else visit(item, 0);
  }
  return lines;
}

function challengeLine(c: ChallengeStatement): string {
  const mods = c.modifiers.map((m) => `${m.name} `).join('');
  const targets = c.targets.map((t) => (t.type === 'element' ? t.element.id : `${t.from.id} -> ${t.to.id}`));
  return `${mods}${c.from ? `${c.from.id} ` : ''}challenges ${targets.join(', ')}`;
}

export function findElement(doc: Document, id: string): ElementNode | undefined {
  const stack: ChildItem[] = doc.items.filter((i): i is ElementNode => i.type === 'element');
  while (stack.length > 0) {
    const item = stack.pop();
    if (item?.type !== 'element') continue;
    if (item.id === id) return item;
    stack.push(...item.children);
  }
  return undefined;
}

/** Calls `visit` with every span in a value (any object with numeric start and end). */
export function eachSpan(value: unknown, visit: (span: { start: number; end: number }) => void): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    if (typeof o['start'] === 'number' && typeof o['end'] === 'number') visit(o as { start: number; end: number });
    for (const child of Object.values(o)) stack.push(child);
  }
}
