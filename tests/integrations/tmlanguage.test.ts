/**
 * grammar/gsn.tmLanguage.json: valid JSON, regexes that compile in JavaScript and avoid
 * Oniguruma-only syntax, and scopes that agree with the real lexer on every example: each
 * keyword, ID, string, annotation, number, arrow and brace gets its intended scope, and every
 * other non-blank character is inside a comment.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tokenMatcher, type IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { tokenize as lex } from '../../src/syntax/lexer.js';
import { Kind, Modifier } from '../../src/syntax/tokens.js';
import { compileRegex, expand, tokenize, type Grammar, type Rule } from './textmate.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const grammar = JSON.parse(readFileSync(join(ROOT, 'grammar', 'gsn.tmLanguage.json'), 'utf8')) as Grammar;
const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.gsn'))
  .sort();

function allRules(): Rule[] {
  const out: Rule[] = [];
  const walk = (rules: readonly Rule[]) => {
    for (const r of rules) {
      out.push(r);
      walk(r.patterns ?? []);
    }
  };
  walk(grammar.patterns);
  walk(Object.values(grammar.repository));
  return out;
}

function scopeNames(rule: Rule): string[] {
  const names = [rule.name, rule.contentName];
  for (const captures of [rule.captures, rule.beginCaptures, rule.endCaptures]) {
    for (const c of Object.values(captures ?? {})) names.push(c.name);
  }
  return names.filter((n): n is string => n !== undefined);
}

/** The scopes a token of the lexer must carry on every one of its characters. */
function expectedScope(token: IToken, previous: IToken | undefined, inArguments: boolean, text: string): string | null {
  const name = token.tokenType.name;
  if (name === 'StringLiteral') return 'string.quoted.double.gsn';
  if (name === 'AtName') return 'storage.type.annotation.gsn';
  if (inArguments) {
    if (name === 'NumberLiteral') return 'constant.numeric.gsn';
    if (name === 'Comma') return 'punctuation.separator.comma.gsn';
    if (name === 'LParen' || name === 'RParen') return 'meta.annotation.gsn';
    return 'variable.parameter.annotation.gsn'; // IDs, hyphen names and keywords used as names
  }
  if (name === 'Module') return 'keyword.other.module.gsn';
  if (name === 'Challenges') return 'keyword.other.challenges.gsn';
  if (tokenMatcher(token, Kind)) return 'storage.type.element.gsn';
  if (tokenMatcher(token, Modifier)) return 'storage.modifier.gsn';
  if (name === 'Identifier') {
    const gap = previous ? text.slice(previous.startOffset + previous.image.length, token.startOffset) : '';
    const sameLine = !/[\r\n]/.test(gap);
    if (previous && tokenMatcher(previous, Kind)) return sameLine ? 'entity.name.type.element.gsn' : 'variable.other.reference.gsn';
    if (previous?.tokenType.name === 'Module') return 'entity.name.namespace.gsn';
    return 'variable.other.reference.gsn';
  }
  if (name === 'Arrow') return 'keyword.operator.arrow.gsn';
  if (name === 'LCurly') return 'punctuation.section.block.begin.gsn';
  if (name === 'RCurly') return 'punctuation.section.block.end.gsn';
  if (name === 'Comma') return 'punctuation.separator.comma.gsn';
  if (name === 'HyphenName') return 'invalid.illegal.hyphen-name.gsn';
  return null;
}

/** Checks one source: returns a list of mismatches (empty when the grammar agrees with the lexer). */
function mismatches(text: string, label: string): string[] {
  const scopes = tokenize(grammar, text);
  expect(scopes.length).toBe(text.length);
  const { tokens } = lex(text);
  const covered = new Uint8Array(text.length);
  const problems: string[] = [];
  let inArguments = false;
  let previous: IToken | undefined;
  for (const token of tokens) {
    const name = token.tokenType.name;
    if (name === 'LParen' && previous?.tokenType.name === 'AtName' && previous.startOffset + previous.image.length <= token.startOffset) inArguments = true;
    const want = expectedScope(token, previous, inArguments, text);
    let reported = false;
    const end = token.startOffset + token.image.length;
    for (let at = token.startOffset; at < end; at++) {
      covered[at] = 1;
      if (want && !reported && !scopes[at]!.includes(want)) {
        problems.push(`${label}@${at} ${name} '${token.image.slice(0, 30)}': wanted ${want}, got ${scopes[at]!.join(' ')}`);
        reported = true;
      }
    }
    if (name === 'RParen') inArguments = false;
    previous = token;
  }
  // Skipped text: whitespace or comments, and comments must be scoped as comments.
  for (let at = 0; at < text.length; at++) {
    if (covered[at] || /\s/.test(text[at]!)) continue;
    if (!scopes[at]!.some((s) => s.startsWith('comment.'))) {
      problems.push(`${label}@${at} '${text.slice(at, at + 20)}': not a token, not in a comment scope (${scopes[at]!.join(' ')})`);
      break;
    }
  }
  return problems;
}

/** The scopes at the first occurrence of `needle` (at `offset` into it). */
function scopesAt(text: string, needle: string, offset = 0): string[] {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in text`);
  return tokenize(grammar, text)[at + offset]!;
}

describe('grammar/gsn.tmLanguage.json', () => {
  it('is a TextMate grammar for source.gsn with resolvable includes', () => {
    expect(grammar.scopeName).toBe('source.gsn');
    expect((grammar as unknown as { fileTypes: string[] }).fileTypes).toEqual(['gsn']);
    expect(() => expand(grammar, grammar.patterns)).not.toThrow();
    for (const rule of allRules()) {
      if (rule.include !== undefined) expect(rule.include === '$self' || rule.include.slice(1) in grammar.repository, rule.include).toBe(true);
      if (rule.begin !== undefined) expect(rule.end, `begin ${rule.begin} needs an end`).toBeTypeOf('string');
      for (const name of scopeNames(rule)) expect(name, 'scope names end in .gsn').toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.gsn$/);
    }
  });

  it('uses regexes that compile in JavaScript and avoid Oniguruma-only syntax', () => {
    const sources = allRules().flatMap((r) => [r.match, r.begin, r.end].filter((s): s is string => s !== undefined));
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) {
      expect(() => compileRegex(source), source).not.toThrow();
      expect(() => new RegExp(source, 'u'), `${source} (unicode mode)`).not.toThrow();
      // \G \A \z \Z \h \H, possessive quantifiers, atomic groups, inline flags, \p{..} classes.
      expect(source, source).not.toMatch(/\\[GAzZhH]|[*+?}]\+|\(\?>|\(\?[imx]+[):-]|\\[pP]\{/);
    }
  });

  it.each(EXAMPLES)('scopes every token of examples/%s as intended', (name) => {
    const text = readFileSync(join(ROOT, 'examples', name), 'utf8');
    expect(mismatches(text, name)).toEqual([]);
  });

  it('scopes extensions, links, numbers and comments in every position', () => {
    const text = [
      'module Demo "A demo" /* block',
      '   comment */ // line comment',
      'goal G1 "Top" @class(important, goal) @risk(-1.5e-3) @trustworthiness(not-alignment-faking) {',
      '  uninstantiated undeveloped goal G1.2 "Later"',
      '  counter solution Sn9 "Counter-evidence"',
      '  goal',
      '    G3 "ID on its own line" @url ("https://example.org/(x)")',
      '}',
      'G1->G3, Sn9',
      'Sn9 challenges G1 -> G3',
      'defeated G3 -> Sn9',
      'goals goal.x G_1 _x',
      '',
    ].join('\n');
    expect(mismatches(text, 'synthetic')).toEqual([]);
  });

  it('scopes escapes and the markup subset inside strings', () => {
    const text = 'goal G1 "**Bold** and *it* and `code` and [label](https://x.org/a) \\"q\\" \\\\ \\n \\t\n- bullet\nmore" {\n}\n';
    expect(scopesAt(text, '**Bold**', 2)).toContain('markup.bold.gsn');
    expect(scopesAt(text, '*it*', 1)).toContain('markup.italic.gsn');
    expect(scopesAt(text, '`code`', 1)).toContain('markup.inline.raw.gsn');
    expect(scopesAt(text, 'label')).toContain('string.other.link.title.gsn');
    expect(scopesAt(text, 'https://x.org')).toContain('markup.underline.link.gsn');
    expect(scopesAt(text, '\\"q')).toContain('constant.character.escape.gsn');
    expect(scopesAt(text, '\\\\')).toContain('constant.character.escape.gsn');
    expect(scopesAt(text, '\\n')).toContain('constant.character.escape.gsn');
    expect(scopesAt(text, '\\t')).toContain('invalid.illegal.unknown-escape.gsn');
    expect(scopesAt(text, '- bullet')).toContain('punctuation.definition.list.begin.gsn');
    expect(scopesAt(text, 'more')).toContain('string.quoted.double.gsn');
    expect(scopesAt(text, '{')).toEqual(['source.gsn', 'punctuation.section.block.begin.gsn']);
    // The escaped quote did not end the string: everything up to `more"` is string.
    expect(scopesAt(text, 'and [')).toContain('string.quoted.double.gsn');
  });
});
