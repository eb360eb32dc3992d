/**
 * The parser's fast path (src/syntax/fast-cst.ts) must be invisible: whenever it gives a CST, the
 * CstParser gives the same one with no errors (and the tree builder the same AST of both), and whenever the CstParser finds no error (and no
 * stray token, which the tree builder reports), the fast path gives its CST (else every valid
 * file would silently take the slow path). Checked on the
 * examples, the test fixtures, grammar-generated programs, the benchmark's cases, mutants of all
 * of them and random token soup.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CstElement, CstNode, IToken } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCase } from '../../bench/generate.mjs';
import { AstBuilder, type ElementParts } from '../../src/syntax/cst-to-ast.js';
import { guardDepth } from '../../src/syntax/depth.js';
import { fastCst } from '../../src/syntax/fast-cst.js';
import { tokenize } from '../../src/syntax/lexer.js';
import { GsnParser } from '../../src/syntax/parser.js';
import { markRelationModifiers } from '../../src/syntax/tokens.js';
import { mutate, prng } from '../robustness/fuzz.js';
import { generateProgram } from '../robustness/generate.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const parser = new GsnParser();

function gsnFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...gsnFiles(path));
    else if (name.endsWith('.gsn')) found.push(path);
  }
  return found;
}

/** A CST as plain data: rule names, keys in order, tokens by type, offset and text. EOF is left out (the fast path never consumes it). */
function plain(element: CstElement): unknown {
  if ('image' in element) return `${element.tokenType.name}@${element.startOffset}:${element.image}`;
  const node = element as CstNode;
  const children: Record<string, unknown[]> = {};
  for (const [key, list] of Object.entries(node.children)) if (key !== 'EOF') children[key] = list.map(plain);
  return { name: node.name, children, ...(node.recoveredNode ? { recovered: true } : {}) };
}

/** An element's parts as plain data. */
function plainParts(parts: ElementParts): unknown {
  const one = (t: IToken | undefined) => (t === undefined ? null : plain(t));
  return { modifiers: parts.modifiers.map(plain), labels: parts.labels.map(plain), kind: one(parts.kind), id: one(parts.id), text: one(parts.text), annotations: parts.annotations.map(plain) };
}

/** The parts the tree builder reads of an element node of the CstParser's CST. */
function elementParts(node: CstNode): ElementParts {
  const real = (key: string) => (node.children[key] as IToken[] | undefined)?.find((t) => !t.isInsertedInRecovery && t.image.length > 0);
  return {
    modifiers: (node.children['Modifier'] as IToken[] | undefined) ?? [],
    labels: (node.children['modifierLabel'] as CstNode[] | undefined) ?? [],
    kind: real('Kind'),
    id: real('Identifier'),
    text: real('StringLiteral'),
    annotations: (node.children['annotation'] as CstNode[] | undefined) ?? [],
  };
}

/** Both paths on the tokens of `text`: how they compare. */
function compare(text: string): 'fast' | 'slow' {
  const tokens: IToken[] = guardDepth(markedTokens(text), 1000).tokens;
  const fast = fastCst(tokens);
  parser.input = tokens;
  const slow = parser.document();
  const errors = parser.errors.length;
  if (fast) {
    expect(errors, `the fast path accepted what the CstParser rejects:\n${text}`).toBe(0);
    // Grouped by name, the parts are the CstParser's document node.
    const grouped: Record<string, unknown[]> = {};
    for (const { key, part } of fast) (grouped[key] ??= []).push(key === 'element' ? plainParts(part as ElementParts) : plain(part as CstElement));
    const expected = plain(slow) as { children: Record<string, unknown[]> };
    if (slow.children['element']) expected.children['element'] = slow.children['element'].map((n) => plainParts(elementParts(n as CstNode)));
    expect({ name: 'document', children: grouped }).toEqual(expected);
    // And the tree builder makes the same AST and diagnostics of both.
    const fromFast = new AstBuilder(text);
    const fromSlow = new AstBuilder(text);
    expect(fromFast.documentFromParts(fast)).toEqual(fromSlow.document(slow));
    expect(fromFast.diagnostics).toEqual(fromSlow.diagnostics);
    return 'fast';
  }
  // Stray tokens are a statement for the CstParser (the tree builder reports them): not an error there.
  const strays = slow.children['Stray']?.length ?? 0;
  expect(errors + strays, `the fast path gave up on input without syntax errors:\n${text}`).toBeGreaterThan(0);
  return 'slow';
}

function markedTokens(text: string): IToken[] {
  const { tokens } = tokenize(text);
  markRelationModifiers(tokens);
  return tokens;
}

const FILES = [...gsnFiles(join(ROOT, 'examples')), ...gsnFiles(join(ROOT, 'tests', 'syntax', 'fixtures'))];

describe('the fast CST path', () => {
  it('builds the CstParser\'s CST for every example and fixture, and gives up exactly where it reports errors', () => {
    const outcomes = FILES.map((file) => compare(readFileSync(file, 'utf8')));
    expect(FILES.length).toBeGreaterThan(10);
    // Every valid example takes the fast path; the *.expect-error ones may not.
    FILES.forEach((file, i) => {
      if (!file.includes('expect-error')) expect(outcomes[i], file).toBe('fast');
    });
  });

  it('agrees on grammar-generated programs and the benchmark cases', () => {
    for (let seed = 1; seed <= 150; seed++) expect(compare(generateProgram(seed).text)).toBe('fast');
    for (const n of [1, 10, 200, 1000]) expect(compare(generateCase(n))).toBe('fast');
  });

  it('agrees on mutants of every example (both paths taken)', () => {
    const taken = { fast: 0, slow: 0 };
    const random = prng(0x5eed);
    for (const file of FILES) {
      const source = readFileSync(file, 'utf8');
      for (let n = 0; n < 60; n++) taken[compare(mutate(source, random).text)]++;
    }
    expect(taken.fast).toBeGreaterThan(50);
    expect(taken.slow).toBeGreaterThan(50);
  });

  it('agrees on random token soup', () => {
    const piece = fc.constantFrom(
      'goal', 'strategy', 'solution', 'context', 'undeveloped', 'counter', 'defeated', 'many', 'many(n)', 'choice("1 of 2")',
      'optional', 'public', 'module', 'import', 'contract', 'challenges', 'G1', 'Sn1', '"t"', '{', '}', '(', ')', ',', '->',
      '@u', '@url("x")', '@risk(0.1, x)', '@a()', '0.5', 'a-b', '\n',
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => void compare(parts.join(' '))), { numRuns: 3000 });
  });
});
