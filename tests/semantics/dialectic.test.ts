/** Dialectic extension checks (GSN501-504) and model, from source text. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { check } from '../../src/semantics/check.js';
import { parse } from '../../src/syntax/parse.js';

function run(lines: string[]) {
  const source = lines.join('\n');
  const parsed = parse(source, { limits: DEFAULT_LIMITS });
  expect(parsed.diagnostics).toEqual([]);
  const result = check(parsed.value, { limits: DEFAULT_LIMITS, source });
  const at = (code: string) => result.diagnostics.filter((d) => d.code === code).map((d) => source.slice(d.span.start, d.span.end));
  return { model: result.value, diagnostics: result.diagnostics, at, codes: () => result.diagnostics.map((d) => d.code).sort() };
}

const BASE = ['goal G1 "top" {', '  goal G2 "claim" { solution Sn1 "ev" }', '}'];

describe('dialectic checks', () => {
  it('accepts a counter-argument: no diagnostics, counter elements are not top goals and are reachable', () => {
    const r = run([...BASE.slice(0, 1), '  defeated goal G2 "claim" { defeated Sn1 }', '}', 'solution Sn1 "ev"', 'counter goal CG1 "c" {', '  challenges G2, G2 -> Sn1', '  counter solution CSn1 "d"', '}']);
    expect(r.codes()).toEqual([]);
    expect(r.model.topGoals).toEqual(['G1']);
    expect(r.model.elements.find((e) => e.id === 'CG1')).toMatchObject({ counter: true });
    expect(r.model.elements.find((e) => e.id === 'G2')).toMatchObject({ defeated: true });
    expect(r.model.edges.find((e) => e.to === 'Sn1')).toMatchObject({ defeated: true });
    expect(r.model.challenges).toEqual([
      { from: 'CG1', target: { type: 'element', id: 'G2' }, defeated: false, span: expect.anything() },
      { from: 'CG1', target: { type: 'relation', from: 'G2', to: 'Sn1' }, defeated: false, span: expect.anything() },
    ]);
  });

  it('leaves the model of a core case without extension fields', () => {
    const r = run(BASE);
    expect(r.model.challenges).toBeUndefined();
    expect(Object.keys(r.model.elements[0]!)).not.toContain('counter');
  });

  it('GSN501: only counter elements challenge', () => {
    const r = run([...BASE, 'undeveloped goal G9 "x"', 'G9 challenges G2']);
    expect(r.at('GSN501')).toEqual(['G2']);
  });

  it('GSN502: defeated elements, links and challenges need a challenger', () => {
    const r = run([
      'goal G1 "top" {',
      '  defeated goal G2 "claim" { defeated Sn1 }',
      '}',
      'solution Sn1 "ev"',
      'counter solution CSn1 "c"',
      'defeated CSn1 challenges G1',
    ]);
    expect(r.at('GSN502')).toEqual(['defeated', 'Sn1', 'G1']);
  });

  it('GSN503: a challenged link must exist (a link or a challenge)', () => {
    const r = run([...BASE, 'counter solution CSn1 "c"', 'counter solution CSn2 "d"', 'CSn1 challenges G1 -> Sn1, G1 -> G2', 'CSn2 challenges CSn1 -> G1', 'counter solution CSn3 "e"', 'CSn3 challenges G2', 'CSn2 challenges CSn3 -> G2']);
    expect(r.at('GSN503')).toEqual(['G1 -> Sn1', 'CSn1 -> G1']);
  });

  it('GSN504: a counter element does not support the argument', () => {
    const r = run(['goal G1 "top" { counter solution CSn1 "c" }']);
    expect(r.at('GSN504')).toEqual(['CSn1']);
  });

  it('GSN209: counter only on goals and solutions; element modifiers not before a link', () => {
    const r = run(['goal G1 "top" {', '  counter strategy S1 "s" { undeveloped G2 }', '}', 'undeveloped goal G2 "x"']);
    expect(r.at('GSN209')).toEqual(['counter', 'undeveloped']);
  });

  it('GSN202 and GSN307 for challenges', () => {
    const r = run([...BASE, 'counter solution CSn1 "c"', 'CSn1 challenges G3, G2', 'CSn1 challenges G2', 'CX challenges G2']);
    expect(r.at('GSN202')).toEqual(['G3', 'CX']);
    expect(r.at('GSN307')).toEqual(['G2']);
  });
});
