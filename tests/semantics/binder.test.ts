import { describe, expect, it } from 'vitest';
import { assumption, at, context, goal, justification, link, ref, solution, strategy } from './ast-builder.js';
import { run } from './helpers.js';

describe('binder: symbols', () => {
  it('reports a duplicate ID at the second definition, naming the first and pointing at it', () => {
    const r = run([goal('G1', 'top', { children: [solution('Sn1')] }), solution('G1')]);
    const [d] = r.of('GSN201');
    expect(r.of('GSN201')).toHaveLength(1);
    expect(d!.message).toBe('duplicate ID G1: goal G1 is already defined; IDs must be unique across the whole case');
    expect(d!.span.start).toBeGreaterThan(r.source.indexOf('solution G1'));
    expect(at(r.source, d!.span)).toBe('G1');
    expect(d!.related).toHaveLength(1);
    expect(d!.related![0]!.message).toBe('goal G1 is first defined here');
    expect(d!.related![0]!.span.start).toBe(r.source.indexOf('G1'));
    expect(r.model.elements.map((e) => e.id)).toEqual(['G1', 'Sn1']);
    expect(r.model.elements[0]!.kind).toBe('goal');
  });

  it('resolves a duplicate definition\'s children by ID, to the first definition', () => {
    const r = run([goal('G1', 'a', { children: [solution('Sn1')] }), goal('G1', 'b', { children: [solution('Sn2')] })]);
    expect(r.model.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['G1->Sn1', 'G1->Sn2']);
    expect(r.codes()).toEqual(['GSN201']);
  });

  it('reports too many elements once, at the first element past the limit, and checks nothing else', () => {
    const r = run([goal('G1', 'x', { children: [goal('G2'), goal('G3')] }), goal('G4'), goal('G5')], { limits: { maxElements: 3 } });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.code).toBe('GSN903');
    expect(r.diagnostics[0]!.message).toContain('more than 3 elements');
    expect(r.pointsAt('GSN903')).toEqual(['G4']);
    expect(r.model.elements).toEqual([]);
  });

  it('accepts exactly the limit', () => {
    const r = run([goal('G1', 'x', { children: [solution('Sn1')] })], { limits: { maxElements: 2 } });
    expect(r.of('GSN903')).toEqual([]);
  });
});

describe('binder: edges', () => {
  it('turns nesting, bare references and link statements into edges, in source order', () => {
    const r = run([
      goal('G1', 'top', { children: [context('C1'), strategy('S1', 'over', { children: [goal('G2', 'g', { children: [ref('Sn1')] })] }), assumption('A1')] }),
      solution('Sn1'),
      justification('J1'),
      link('S1', ['J1', 'G3']),
      goal('G3', 'g3', { modifiers: ['undeveloped'] }),
    ]);
    expect(r.model.edges.map((e) => `${e.from} ${e.relation} ${e.to} @${at(r.source, e.span)}`)).toEqual([
      'G1 inContextOf C1 @C1',
      'G1 supportedBy S1 @S1',
      'S1 supportedBy G2 @G2',
      'G2 supportedBy Sn1 @Sn1',
      'G1 inContextOf A1 @A1',
      'S1 inContextOf J1 @J1',
      'S1 supportedBy G3 @G3',
    ]);
    // The reference's span, not the definition's.
    const sn1 = r.model.edges.find((e) => e.to === 'Sn1')!;
    expect(sn1.span.start).toBeLessThan(r.source.indexOf('solution Sn1'));
    const g3 = r.model.edges.find((e) => e.to === 'G3')!;
    expect(g3.span.start).toBe(r.source.indexOf('S1 -> J1, G3') + 'S1 -> J1, '.length);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports an unresolved reference at the reference, suggesting the nearest ID', () => {
    const r = run([goal('G1', 'top', { children: [solution('Sn1'), ref('G7')] })]);
    const [d] = r.of('GSN202');
    expect(d!.message).toBe('no element G7 is defined; did you mean G1?');
    expect(r.pointsAt('GSN202')).toEqual(['G7']);
    expect(d!.related![0]).toMatchObject({ message: 'goal G1 is defined here', span: { start: r.source.indexOf('G1') } });
    expect(r.model.edges).toHaveLength(1);
  });

  it('suggests across case (g1 -> G1) and says nothing when no ID is close', () => {
    const r = run([goal('G1', 'top', { children: [ref('g1'), ref('Completely_Else')] })]);
    expect(r.of('GSN202').map((d) => d.message)).toEqual(['no element g1 is defined; did you mean G1?', 'no element Completely_Else is defined']);
    expect(r.of('GSN202')[1]!.related).toBeUndefined();
  });

  it('reports an unresolved link source once, and each unresolved target at itself', () => {
    const r = run([goal('G1', 'top', { children: [solution('Sn1')] }), link('G9', ['Sn1', 'Sn8']), link('G1', ['Sn7'])]);
    expect(r.pointsAt('GSN202')).toEqual(['G9', 'Sn8', 'Sn7']);
    const spans = r.of('GSN202').map((d) => d.span.start);
    expect(spans[0]).toBe(r.source.indexOf('G9 ->'));
  });

  it('warns about a link stated twice, at the second statement, keeping one edge', () => {
    const r = run([goal('G1', 'top', { children: [solution('Sn1'), ref('Sn1'), context('C1')] }), link('G1', ['C1'])]);
    const d = r.of('GSN307');
    expect(d.map((x) => x.message)).toEqual([
      'G1 is already supported by Sn1; this states the same link again',
      'G1 is already in the context of C1; this states the same link again',
    ]);
    expect(d[0]!.span.start).toBeGreaterThan(r.source.indexOf('solution Sn1'));
    expect(d[1]!.span.start).toBe(r.source.indexOf('G1 -> C1') + 'G1 -> '.length);
    expect(d[0]!.related![0]!.span.start).toBe(r.source.indexOf('Sn1'));
    expect(r.model.edges.map((e) => e.to)).toEqual(['Sn1', 'C1']);
  });
});
