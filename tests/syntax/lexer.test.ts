import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/syntax/lexer.js';

/** `Name:image@offset` for each token. */
function lex(text: string): string[] {
  return tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}@${t.startOffset}`);
}

function codes(text: string): string[] {
  return tokenize(text).diagnostics.map((d) => `${d.code}@${d.span.start}-${d.span.end}`);
}

describe('lexer', () => {
  it('gives token kinds and offsets', () => {
    expect(lex('goal G1 "x" {\n  Sn1\n}')).toEqual([
      'Goal:goal@0',
      'Identifier:G1@5',
      'StringLiteral:"x"@8',
      'LCurly:{@12',
      'Identifier:Sn1@16',
      'RCurly:}@20',
    ]);
  });

  it('reads a keyword prefix as an ID (longer_alt) and dotted IDs', () => {
    expect(lex('goals goal.x G2.1 Sn_12 undevelopedX')).toEqual([
      'Identifier:goals@0',
      'Identifier:goal.x@6',
      'Identifier:G2.1@13',
      'Identifier:Sn_12@18',
      'Identifier:undevelopedX@24',
    ]);
  });

  it('does not end an ID with a dot', () => {
    expect(lex('G1.')).toEqual(['Identifier:G1@0']);
    expect(codes('G1.')).toEqual(['GSN101@2-3']);
  });

  it('reads arrows, numbers and hyphenated names apart', () => {
    expect(lex('G1->G2, -2 1e-3 0.001 not-alignment-faking')).toEqual([
      'Identifier:G1@0',
      'Arrow:->@2',
      'Identifier:G2@4',
      'Comma:,@6',
      'NumberLiteral:-2@8',
      'NumberLiteral:1e-3@11',
      'NumberLiteral:0.001@16',
      'HyphenName:not-alignment-faking@22',
    ]);
  });

  it('reads annotation names with hyphens, and allows space before (', () => {
    expect(lex('@subsystem-risk (SS1)')).toEqual([
      'AtName:@subsystem-risk@0',
      'LParen:(@16',
      'Identifier:SS1@17',
      'RParen:)@20',
    ]);
  });

  it('skips comments, CRLF and a BOM', () => {
    expect(lex('\uFEFF// c\r\ngoal /* b\r\n */ G1')).toEqual(['Goal:goal@7', 'Identifier:G1@22']);
  });

  it('decodes strings: escapes, multi-line, CRLF', () => {
    const [s] = tokenize('"a\\"b\\\\c\\nd\r\ne"').tokens;
    expect(s?.payload).toBe('a"b\\c\nd\ne');
  });

  it('reports an unknown escape at the escape and keeps the character', () => {
    const result = tokenize('"a\\tb"');
    expect(result.tokens[0]?.payload).toBe('atb');
    expect(codes('"a\\tb"')).toEqual(['GSN104@2-4']);
  });

  it('reports an unterminated string once, at its quote, and reads on from the next line', () => {
    expect(codes('goal G1 "never closed {\n}')).toEqual(['GSN102@8-9']);
    expect(lex('goal G1 "never closed {\n}').slice(-1)).toEqual(['RCurly:}@24']);
  });

  it('reports an unterminated block comment at its start', () => {
    expect(codes('goal /* open')).toEqual(['GSN103@5-7']);
    expect(lex('goal /* open')).toEqual(['Goal:goal@0']);
  });

  it('groups a run of bad characters into one GSN101 and names invisible ones by code point', () => {
    const result = tokenize('goal $$$ \u0000\u200b G1');
    expect(result.diagnostics.map((d) => d.span)).toEqual([
      { start: 5, end: 8 },
      { start: 9, end: 11 },
    ]);
    expect(result.diagnostics[0]?.message).toContain("'$$$'");
    expect(result.diagnostics[1]?.message).toContain('U+0000 U+200B');
    expect(result.diagnostics[1]?.message).not.toMatch(/[\u0000\u200b]/);
  });

  it('stays linear on many unclosed escaped quotes', () => {
    const text = '\\"\n'.repeat(50_000);
    const started = performance.now();
    tokenize(text);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
