import { describe, expect, it } from 'vitest';
import { ann, assumption, at, context, goal, ident, justification, link, ref, solution, strategy } from './ast-builder.js';
import { run } from './helpers.js';

describe('GSN203 SupportedBy cycles', () => {
  it('reports the link that closes the cycle (the last written) and names the cycle', () => {
    const r = run([goal('G1', 'top', { children: [strategy('S1', 's', { children: [goal('G2', 'g', { children: [ref('G1')] })] })] })]);
    const d = r.of('GSN203');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toBe('this link closes a SupportedBy cycle: G1 -> S1 -> G2 -> G1; a claim cannot be supported by itself');
    expect(d[0]!.span.start).toBe(r.source.lastIndexOf('G1'));
  });

  it('uses source order, not nesting, to decide which link closes a cycle', () => {
    const r = run([goal('G1', 'a', { children: [solution('Sn1')] }), goal('G2', 'b', { children: [solution('Sn2')] }), link('G2', ['G1']), link('G1', ['G2'])]);
    const d = r.of('GSN203');
    expect(d.map((x) => x.message)).toEqual(['this link closes a SupportedBy cycle: G2 -> G1 -> G2; a claim cannot be supported by itself']);
    expect(d[0]!.span.start).toBe(r.source.indexOf('G1 -> G2') + 'G1 -> '.length);
  });

  it('reports a self-loop and each of two cycles sharing an element once', () => {
    const r = run([
      goal('G1', 'top', { children: [ref('G1'), goal('G2', 'x', { children: [ref('G1')] }), goal('G3', 'y', { children: [ref('G1')] })] }),
    ]);
    expect(r.of('GSN203').map((d) => d.message.split(': ')[1]!.split(';')[0])).toEqual(['G1 -> G1', 'G1 -> G2 -> G1', 'G1 -> G3 -> G1']);
  });

  it('ignores InContextOf edges and acyclic DAGs (shared evidence)', () => {
    const r = run([
      goal('G1', 'top', { children: [context('C1'), goal('G2', 'a', { children: [solution('Sn1'), ref('C1')] }), goal('G3', 'b', { children: [ref('Sn1')] })] }),
    ]);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('GSN204/GSN205 leaves', () => {
  it('a solution with a child or a link: one error per child/link, at it', () => {
    const r = run([goal('G1', 'top', { children: [solution('Sn1', 'e', { children: [goal('G5', 'g', { modifiers: ['undeveloped'] })] }), ref('C1')] }), context('C1'), link('Sn1', ['C1'])]);
    const d = r.of('GSN204');
    expect(d.map((x) => x.message)).toEqual([
      'solution Sn1 is evidence and cannot be supported or have context, so it cannot link to goal G5',
      'solution Sn1 is evidence and cannot be supported or have context, so it cannot link to context C1',
    ]);
    expect(d[0]!.span.start).toBe(r.source.indexOf('G5'));
    expect(d[1]!.span.start).toBe(r.source.indexOf('Sn1 -> C1') + 'Sn1 -> '.length);
  });

  it('a context, assumption or justification with a child or a link', () => {
    const r = run([
      goal('G1', 'top', { children: [context('C1', 'c', { children: [solution('Sn1')] }), assumption('A1', 'a', { children: [ref('J1')] }), justification('J1'), solution('Sn2')] }),
      link('J1', ['Sn2']),
    ]);
    const d = r.of('GSN205');
    expect(d.map((x) => x.message)).toEqual([
      'context C1 is a contextual element and cannot be supported or have its own context, so it cannot link to solution Sn1',
      'assumption A1 is a contextual element and cannot be supported or have its own context, so it cannot link to justification J1',
      'justification J1 is a contextual element and cannot be supported or have its own context, so it cannot link to solution Sn2',
    ]);
    expect(d.map((x) => at(r.source, x.span))).toEqual(['Sn1', 'J1', 'Sn2']);
    expect(d[1]!.span.start).toBeLessThan(r.source.indexOf('justification J1'));
  });
});

describe('GSN207 undeveloped but supported', () => {
  it('points at the first supporting child, relates the modifier, and ignores context', () => {
    const r = run([
      goal('G1', 'top', { children: [goal('G5', 'g', { modifiers: ['undeveloped'], children: [context('C5'), solution('Sn1'), solution('Sn2')] })] }),
    ]);
    const d = r.of('GSN207');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toBe('goal G5 is marked undeveloped but is supported by solution Sn1; remove "undeveloped" or the support');
    expect(at(r.source, d[0]!.span)).toBe('Sn1');
    expect(at(r.source, d[0]!.related![0]!.span)).toBe('undeveloped');
    expect(r.of('GSN301')).toEqual([]);
  });

  it('an undeveloped strategy supported through a link statement', () => {
    const r = run([goal('G1', 'top', { children: [strategy('S1', 's', { modifiers: ['undeveloped'] })] }), goal('G2'), link('S1', ['G2'])]);
    expect(r.pointsAt('GSN207')).toEqual(['G2']);
  });
});

describe('GSN208 @url allow-list', () => {
  it('rejects javascript: and data: at the argument, keeps http, https, mailto and relative URLs', () => {
    const urls = ['https://example.org/a.pdf', 'http://x', 'mailto:a@b.c', 'reports/a.pdf', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'java\tscript:x'];
    const r = run([goal('G1', 'top', { children: urls.map((u, i) => solution(`Sn${i}`, 'e', { annotations: [ann('url', u)] })) })]);
    expect(r.of('GSN208')).toHaveLength(3);
    expect(r.pointsAt('GSN208')).toEqual(['"JaVaScRiPt:alert(1)"', '"data:text/html,x"', '"java\tscript:x"']);
    expect(r.of('GSN208')[0]!.message).toBe('the @url of solution Sn4 is not allowed: only http, https, mailto or relative URLs can be links');
    expect(r.model.elements.map((e) => e.url)).toEqual([null, ...urls.slice(0, 4), null, null, null]);
  });
});

describe('GSN209 modifiers', () => {
  it('undeveloped only on goals and strategies; uninstantiated on anything', () => {
    const r = run([
      goal('G1', 'top', { modifiers: ['uninstantiated'], children: [solution('Sn1', 'e', { modifiers: ['undeveloped', 'uninstantiated'] }), context('C1', 'c', { modifiers: ['undeveloped'] })] }),
    ]);
    expect(r.of('GSN209').map((d) => d.message)).toEqual([
      'solution Sn1 cannot be undeveloped: only goals and strategies can be marked undeveloped',
      'context C1 cannot be undeveloped: only goals and strategies can be marked undeveloped',
    ]);
    expect(r.pointsAt('GSN209')).toEqual(['undeveloped', 'undeveloped']);
    expect(r.model.elements.map((e) => [e.id, e.undeveloped, e.uninstantiated])).toEqual([
      ['G1', false, true],
      ['Sn1', false, true],
      ['C1', false, false],
    ]);
  });
});

describe('GSN210 annotation arguments', () => {
  const cases: [string, ReturnType<typeof ann>, string, string][] = [
    ['@url with none', ann('url'), '@url', '@url is missing its argument: @url takes exactly one string, the link target, as in @url("https://example.org/report.pdf")'],
    ['@url with an identifier', ann('url', ident('x')), 'x', 'an identifier is not accepted here: @url takes exactly one string, the link target, as in @url("https://example.org/report.pdf")'],
    ['@url with two', ann('url', 'a', 'b', 'c'), '"b", "c"', 'too many arguments: @url takes exactly one string, the link target, as in @url("https://example.org/report.pdf")'],
    ['@class with none', ann('class'), '@class', '@class is missing its argument: @class takes one or more CSS class names (identifiers or strings), as in @class(highlight, "needs-review")'],
    ['@class with a number', ann('class', ident('a'), 3), '3', 'a number is not accepted here: @class takes one or more CSS class names (identifiers or strings), as in @class(highlight, "needs-review")'],
    ['@outcome with one', ann('outcome', ident('x')), 'x', 'no arguments: @outcome takes no arguments, as in @outcome'],
    ['@threshold with a string', ann('threshold', '0.1'), '"0.1"', 'a string is not accepted here: @threshold takes one number, a probability, as in @threshold(0.001)'],
    ['@risk with none', ann('risk'), '@risk', '@risk is missing its argument: @risk takes one number, a probability, as in @risk(0.0001)'],
    ['@subsystem-risk with a number', ann('subsystem-risk', 1), '1', 'a number is not accepted here: @subsystem-risk takes one identifier, the subsystem, as in @subsystem-risk(SS1)'],
    ['@control with two', ann('control', ident('monitoring'), ident('isolation')), 'isolation', 'too many arguments: @control takes at most one identifier, the building block, as in @control(monitoring)'],
    ['@inability with a string', ann('inability', 'evals'), '"evals"', 'a string is not accepted here: @inability takes at most one identifier, the building block, as in @inability(dangerous-capability-evals)'],
  ];
  for (const [name, annotation, pointsAt, message] of cases) {
    it(name, () => {
      const r = run([goal('G1', 'top', { modifiers: ['undeveloped'], annotations: [annotation] })]);
      expect(r.of('GSN210').map((d) => d.message)).toEqual([message]);
      expect(r.pointsAt('GSN210')).toEqual([pointsAt]);
      expect(r.of('GSN208')).toEqual([]);
    });
  }

  it('accepts every well-formed use', () => {
    const r = run([
      goal('G1', 'top', {
        modifiers: ['undeveloped'],
        annotations: [
          ann('url', 'https://x'),
          ann('class', ident('a'), 'b-c'),
          ann('macrosystem'),
          ann('threshold', 0.001),
          ann('subsystem-risk', ident('SS1')),
          ann('control'),
          ann('trustworthiness', ident('testbeds')),
          ann('deference', ident('deferring-to-truthful-ai')),
          ann('risk', 0.5),
          ann('trusted'),
        ],
      }),
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('does not judge the arguments of unknown annotations', () => {
    const r = run([goal('G1', 'top', { modifiers: ['undeveloped'], annotations: [ann('mine', 1, 'x', ident('y'))] })]);
    expect(r.codes()).toEqual(['GSN305']);
  });
});

describe('GSN211 @class names', () => {
  it('points at each invalid name; the model keeps the valid ones once each, in order', () => {
    const r = run([
      goal('G1', 'top', {
        modifiers: ['undeveloped'],
        annotations: [ann('class', ident('b'), '9lives', 'a b', ident('a'), '-x', '--y', '"><script>'), ann('class', ident('b'), ident('_c'))],
      }),
    ]);
    expect(r.pointsAt('GSN211')).toEqual(['"9lives"', '"a b"', '"--y"', '"\\"><script>"']);
    expect(r.of('GSN211')[0]!.message).toBe('"9lives" is not a valid CSS class name: use letters, digits, "_" and "-", not starting with a digit or "--"');
    expect(r.model.elements[0]!.classes).toEqual(['b', 'a', '-x', '_c']);
  });
});
