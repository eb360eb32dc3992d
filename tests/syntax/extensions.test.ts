/** Parsing the GSN extension syntax (grammar/extensions.md): modifiers, challenges, relation modifiers. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
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
