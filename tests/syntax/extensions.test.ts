/** Parsing the GSN extension syntax (grammar/extensions.md): modifiers, challenges, relation modifiers. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
import type { ElementNode } from '../../src/syntax/ast.js';
import { outline, parseText, where } from './helpers.js';

describe('dialectic syntax', () => {
  it('reads counter elements, challenges in a block and at the top level, and defeated relations', () => {
    const text = [
      'goal G1 "a" {',
      '  defeated goal G2 "b" { defeated Sn1 }',
      '}',
      'solution Sn1 "e"',
      'counter goal CG1 "c" {',
      '  challenges G2, G1 -> G2',
      '  defeated challenges G1',
      '  counter solution CSn1 "d"',
      '}',
      'CG1 challenges G2 -> Sn1',
      'defeated CG1 challenges Sn1',
      'defeated G1 -> Sn1, G2',
    ].join('\n');
    const { value, diagnostics } = parseText(text);
    expect(diagnostics).toEqual([]);
    expect(outline(value)).toEqual([
      'goal G1',
      '  defeated goal G2',
      '    -> defeated Sn1',
      'solution Sn1',
      'counter goal CG1',
      '  challenges G2, G1 -> G2',
      '  defeated challenges G1',
      '  counter solution CSn1',
      'CG1 challenges G2 -> Sn1',
      'defeated CG1 challenges Sn1',
      'link defeated G1 -> Sn1, G2',
    ]);
  });

  it('gives every target its span', () => {
    const text = 'CG1 challenges G1 -> Sn1, G2';
    const { value } = parseText(text);
    const c = value.items[0];
    expect(c?.type).toBe('challenge');
    if (c?.type !== 'challenge') return;
    expect(c.targets.map((t) => text.slice(t.span.start, t.span.end))).toEqual(['G1 -> Sn1', 'G2']);
    expect(text.slice(c.span.start, c.span.end)).toBe(text);
  });

  it('reports a challenge without challenger at the top level and a named one in a block', () => {
    const text = 'challenges G2\ncounter goal CG1 "c" {\n  CG1 challenges G2\n}';
    const { diagnostics } = parseText(text);
    expect(where(text, diagnostics)).toEqual(['GSN110 1:1', 'GSN110 3:3']);
    expect(diagnostics[0]?.message).toContain('name the challenger');
  });

  it('reports a repeated relation modifier and a modifier with nothing after it', () => {
    const text = 'goal G1 "a" {\n  defeated defeated Sn1\n}\ndefeated';
    const { diagnostics } = parseText(text);
    expect(where(text, diagnostics)).toEqual(['GSN212 2:12', 'GSN110 4:8']);
  });

  it('still reads `undeveloped 42` as a broken element', () => {
    const { diagnostics } = parseText('undeveloped 42');
    const { diagnostics: inBlock } = parseText(`goal G1 "x" { undeveloped 42 }`);
    expect(diagnostics.map((d) => d.message)[0]).toContain("expected an element kind");
    expect(inBlock.map((d) => d.code)).toEqual(["GSN110"]);
  });

  it('parses the dialectic example to a stable AST', () => {
    const text = readFileSync(new URL('../../examples/ext-dialectic.gsn', import.meta.url), 'utf8');
    const result = parseText(text);
    expect(result.diagnostics).toEqual([]);
    expectGolden('syntax/ext-dialectic.gsn.ast.json', toGoldenJson(result));
  });
});

describe('choice groups (pattern extension)', () => {
  const text = [
    'goal G1 "a" {',
    '  strategy S1 "always" { undeveloped goal G2 "b" }',
    '  choice("1 of 2") {',
    '    strategy S2 "one" { undeveloped goal G3 "c" }',
    '    S3',
    '  }',
    '  choice { Sn1 Sn2 }',
    '}',
  ].join('\n');

  it('keeps the members among the children, marked with their group, and the groups on the owner', () => {
    const { value, diagnostics } = parseText(text);
    expect(diagnostics).toEqual([]);
    const g1 = value.items[0] as ElementNode;
    expect(g1.children.map((c) => [c.type === 'challenge' ? 'challenge' : c.id, c.choiceGroup])).toEqual([
      ['S1', undefined],
      ['S2', 0],
      ['S3', 0],
      ['Sn1', 1],
      ['Sn2', 1],
    ]);
    // A member's own block is its own: G3 is S2's child, not an alternative.
    const s2 = g1.children[1] as ElementNode;
    expect(s2.children[0]).not.toHaveProperty('choiceGroup');
    expect(g1.choices?.map((g) => [g.type, g.modifier.name, g.modifier.label?.value ?? null, text.slice(g.span.start, g.span.end).split('\n')[0]])).toEqual([
      ['choiceGroup', 'choice', '1 of 2', 'choice("1 of 2") {'],
      ['choiceGroup', 'choice', null, 'choice { Sn1 Sn2 }'],
    ]);
    expect(text.slice(g1.choices![0]!.span.end - 1, g1.choices![0]!.span.end)).toBe('}');
    expect(text.slice(g1.span.start, g1.span.end)).toBe(text);
  });

  it('leaves the AST of a case without groups as it was', () => {
    const { value } = parseText('goal G1 "a" { choice goal G2 "b" { Sn1 } }\nsolution Sn1 "c"');
    expect(JSON.stringify(value)).not.toMatch(/choiceGroup|"choices"/);
  });

  it('reports a group at the top level, a group in a group, other modifiers before a brace, and an unclosed group', () => {
    const cases: [string, string[], string][] = [
      ['choice { goal G1 "a" }', ['GSN110 1:1'], 'inside the block of a goal or strategy'],
      ['goal G1 "a" {\n  choice { choice { Sn1 } }\n}', ['GSN110 2:12'], 'cannot be nested in another choice group'],
      ['goal G1 "a" {\n  optional choice { Sn1 }\n}', ['GSN110 2:3'], "'optional' cannot be written before '{'"],
      ['goal G1 "a" {\n  many { Sn1 }\n}', ['GSN110 2:3'], "only 'choice' opens a group"],
      ['goal G1 "a" {\n  choice { Sn1', ['GSN110 2:14'], 'the choice group in the block of G1 is not closed'],
      ['goal G1 "a" {\n  choice choice { Sn1 }\n}', ['GSN212 2:10'], "'choice' is written twice"],
    ];
    for (const [source, expected, message] of cases) {
      const { diagnostics } = parseText(source);
      expect(where(source, diagnostics), source).toEqual(expected);
      expect(diagnostics[0]?.message, source).toContain(message);
    }
  });

  it('keeps the members of a misplaced group where the group is', () => {
    const { value } = parseText('goal G1 "a" {\n  choice { choice { Sn1 } Sn2 }\n  many { Sn3 }\n}');
    const g1 = value.items[0] as ElementNode;
    expect(g1.children.map((c) => [(c as ElementNode).id, c.choiceGroup])).toEqual([
      ['Sn1', 0],
      ['Sn2', 0],
      ['Sn3', undefined],
    ]);
  });
});
