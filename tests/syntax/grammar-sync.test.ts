import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexer } from 'chevrotain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GsnParser } from '../../src/syntax/parser.js';
import { allTokens } from '../../src/syntax/tokens.js';

const GRAMMAR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'grammar');
const ebnf = readFileSync(join(GRAMMAR, 'grammar.ebnf'), 'utf8');
const tokensMd = readFileSync(join(GRAMMAR, 'tokens.md'), 'utf8');

/** Rule names defined in the EBNF (`name ::= ...` at the start of a line, comments removed). */
function ebnfRules(text: string): string[] {
  const code = text.replace(/\(\*[\s\S]*?\*\)/g, '');
  return [...code.matchAll(/^([A-Za-z][A-Za-z0-9_-]*)\s*::=/gm)].map((m) => m[1] ?? '');
}

describe('grammar/ stays in sync with the parser', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has one EBNF rule per parser rule, and no other', () => {
    const parserRules = Object.keys(new GsnParser().getGAstProductions()).sort();
    expect(ebnfRules(ebnf).sort()).toEqual(parserRules);
  });

  it('lists every token with its pattern in tokens.md', () => {
    for (const token of allTokens) {
      const row = tokensMd.split('\n').find((line) => line.startsWith(`| \`${token.name}\` |`));
      expect(row, `tokens.md has no row for ${token.name}`).toBeDefined();
      const pattern = token.PATTERN;
      if (pattern instanceof RegExp && pattern !== Lexer.NA) expect(row).toContain(`\`${pattern.source}\``);
    }
  });

  it('builds the parser without warnings or grammar errors', () => {
    const spies = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'), vi.spyOn(console, 'log')];
    const parser = new GsnParser();
    expect((parser as unknown as { definitionErrors: unknown[] }).definitionErrors).toEqual([]);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
