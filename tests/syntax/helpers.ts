import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineIndex } from '../../src/diagnostics/locate.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/limits.js';
import type { ChildItem, Document, ElementNode } from '../../src/syntax/ast.js';
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
      lines.push(`${pad}-> ${item.id}`);
      return;
    }
    const mods = item.modifiers.map((m) => `${m.name} `).join('');
    lines.push(`${pad}${mods}${item.kind} ${item.id}`);
    for (const child of item.children) visit(child, depth + 1);
  };
  for (const item of doc.items) {
    if (item.type === 'link') lines.push(`link ${item.from.id} -> ${item.to.map((r) => r.id).join(', ')}`);
    else visit(item, 0);
  }
  return lines;
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
