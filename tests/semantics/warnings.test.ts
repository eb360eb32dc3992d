import { describe, expect, it } from 'vitest';
import { ann, at, context, goal, ident, link, ref, solution, strategy } from './ast-builder.js';
import { run } from './helpers.js';

describe('GSN301 neither supported nor undeveloped', () => {
  it('flags goals and strategies at their ID; context alone does not count as support', () => {
    const r = run([
      goal('G0', 'top', { children: [goal('G1', 'g', { children: [context('C1')] }), strategy('S1'), goal('G2', 'x', { modifiers: ['undeveloped'] }), strategy('S2', 'y', { modifiers: ['undeveloped'] })] }),
    ]);
    expect(r.of('GSN301').map((d) => d.message)).toEqual([
      'goal G1 is neither supported nor marked undeveloped; support it with a strategy, goal or solution, or write "undeveloped goal G1"',
      'strategy S1 is neither supported nor marked undeveloped; support it with a goal, or write "undeveloped strategy S1"',
    ]);
    expect(r.of('GSN301').map((d) => d.span.start)).toEqual([r.source.indexOf('G1'), r.source.indexOf('S1')]);
  });
});

describe('GSN302 links the standard does not list', () => {
  it('strategy -> solution and strategy -> strategy, at the child or link', () => {
    const r = run([
      goal('G1', 'top', { children: [strategy('S1', 's', { children: [solution('Sn1'), strategy('S2', 't', { children: [goal('G2', 'g', { children: [ref('Sn1')] })] })] }), ref('Sn1')] }),
      strategy('S3', 'u', { children: [goal('G3', 'h', { children: [ref('Sn1')] })] }),
      link('S3', ['Sn1']),
      link('G1', ['S3']),
    ]);
    expect(r.of('GSN302').map((d) => d.message)).toEqual([
      'strategy S1 is supported by solution Sn1: the GSN Community Standard supports a strategy with goals only; put a goal between them',
      'strategy S1 is supported by strategy S2: the GSN Community Standard supports a strategy with goals only; put a goal between them',
      'strategy S3 is supported by solution Sn1: the GSN Community Standard supports a strategy with goals only; put a goal between them',
    ]);
    expect(r.of('GSN302').map((d) => d.span.start)).toEqual([r.source.indexOf('Sn1'), r.source.indexOf('S2'), r.source.indexOf('S3 -> Sn1') + 6]);
    expect(r.codes()).toEqual(['GSN302']);
  });
});

describe('GSN303 unreachable from a top goal', () => {
  it('one warning per detached part, at its root, naming what is under it', () => {
    const r = run([
      goal('G1', 'top', { children: [solution('Sn1')] }),
      solution('Sn9'),
      context('C9'),
      strategy('S9', 'stray', { children: [context('C8'), goal('G8', 'g', { children: [solution('Sn8'), ref('Sn9')] }), goal('G7', 'h', { children: [ref('Sn1')] })] }),
    ]);
    expect(r.of('GSN303').map((d) => d.message)).toEqual([
      'context C9 is not reachable from the top goal G1: it is not the context of any element',
      'strategy S9 is not reachable from the top goal G1: nothing links to it; neither are the 5 elements under it (Sn9, C8, G8, ...)',
    ]);
    expect(r.pointsAt('GSN303')).toEqual(['C9', 'S9']);
    expect(r.of('GSN303')[1]!.span.start).toBe(r.source.indexOf('S9'));
  });

  it('a stray solution alone', () => {
    const r = run([goal('G1', 'top', { children: [solution('Sn1')] }), solution('Sn2')]);
    expect(r.of('GSN303').map((d) => d.message)).toEqual(['solution Sn2 is not reachable from the top goal G1: nothing links to it']);
  });

  it('a part that is only a cycle is reported at its first element, once', () => {
    const r = run([goal('G1', 'top', { children: [solution('Sn1')] }), strategy('S1', 's', { children: [goal('G2', 'g', { children: [ref('S1'), context('C2')] })] })]);
    expect(r.of('GSN303').map((d) => d.message)).toEqual(['strategy S1 is not reachable from the top goal G1: it is only linked to from within a cycle; neither are the 2 elements under it (G2, C2)']);
    expect(r.of('GSN203')).toHaveLength(1);
  });

  it('a case with no top goal at all', () => {
    const r = run([solution('Sn1')]);
    expect(r.of('GSN303').map((d) => d.message)).toEqual(['solution Sn1 is not reachable from a top goal (the case has none: a top goal is a goal nothing supports): nothing links to it']);
  });

  it('elements under a second top goal are reachable (that is GSN304)', () => {
    const r = run([goal('G1', 'a', { children: [solution('Sn1')] }), goal('G2', 'b', { children: [solution('Sn2'), context('C2')] })]);
    expect(r.of('GSN303')).toEqual([]);
    expect(r.of('GSN304')).toHaveLength(1);
  });
});

describe('GSN304 more than one top goal', () => {
  it('at the second and later top goals, related to the first; topGoals in source order', () => {
    const r = run([
      goal('G1', 'a', { children: [solution('Sn1')] }),
      goal('G2', 'b', { children: [solution('Sn2')] }),
      goal('G3', 'c', { children: [goal('G4', 'd', { children: [ref('Sn1')] })] }),
    ]);
    expect(r.model.topGoals).toEqual(['G1', 'G2', 'G3']);
    const d = r.of('GSN304');
    expect(d.map((x) => x.message)).toEqual([
      'goal G2 is a second top goal (nothing supports it); the first is G1, and a safety case has one top goal',
      'goal G3 is a second top goal (nothing supports it); the first is G1, and a safety case has one top goal',
    ]);
    expect(r.pointsAt('GSN304')).toEqual(['G2', 'G3']);
    expect(d[0]!.related![0]).toEqual({ message: 'the first top goal G1 is defined here', span: { start: r.source.indexOf('G1'), end: r.source.indexOf('G1') + 2 } });
  });

  it('a goal supported only by a link statement is not a top goal', () => {
    const r = run([goal('G1', 'a', { children: [solution('Sn1')] }), goal('G2', 'b', { children: [solution('Sn2')] }), link('G1', ['G2'])]);
    expect(r.model.topGoals).toEqual(['G1']);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('GSN305 unknown annotations', () => {
  it('at the name, suggesting the nearest known one', () => {
    const r = run([goal('G1', 'top', { modifiers: ['undeveloped'], annotations: [ann('urll', 'x'), ann('deployment_assumption'), ann('Outcome'), ann('frobnicate')] })]);
    expect(r.of('GSN305').map((d) => d.message)).toEqual([
      'unknown annotation @urll; did you mean @url? (it is kept but has no effect)',
      'unknown annotation @deployment_assumption; did you mean @deployment-assumption? (it is kept but has no effect)',
      'unknown annotation @Outcome; did you mean @outcome? (it is kept but has no effect)',
      'unknown annotation @frobnicate (it is kept but has no effect)',
    ]);
    expect(r.pointsAt('GSN305')).toEqual(['urll', 'deployment_assumption', 'Outcome', 'frobnicate']);
    expect(r.model.elements[0]!.annotations.map((a) => a.name)).toEqual(['urll', 'deployment_assumption', 'Outcome', 'frobnicate']);
  });

  it('__proto__ and toString are unknown annotations, not inherited properties', () => {
    const r = run([goal('G1', 'top', { modifiers: ['undeveloped'], annotations: [ann('__proto__'), ann('toString'), ann('constructor')] })]);
    expect(r.of('GSN305')).toHaveLength(3);
    expect(r.of('GSN210')).toEqual([]);
  });
});

describe('GSN306 suspicious characters', () => {
  it('points at the character, even after escapes, names it, and sanitises the model', () => {
    const text = 'He said "safe"\\ok\nthen \u202Eevil\u200B';
    const r = run([goal('G1', text, { modifiers: ['undeveloped'] })]);
    const [d] = r.of('GSN306');
    expect(r.of('GSN306')).toHaveLength(1);
    expect(d!.message).toBe('the text of goal G1 contains U+202E, an invisible bidi-control or zero-width character (and 1 more in this text); it is drawn as U+FFFD');
    expect(at(r.source, d!.span)).toBe('\u202E');
    expect(r.model.elements[0]!.text).toBe('He said "safe"\\ok\nthen \uFFFDevil\uFFFD');
  });

  it('without the source text, estimates from the opening quote', () => {
    const r = run([goal('G1', 'ab\u0007c', { modifiers: ['undeveloped'] })], { withSource: false });
    const [d] = r.of('GSN306');
    expect(d!.message).toBe('the text of goal G1 contains U+0007, a character XML does not allow; it is drawn as U+FFFD');
    expect(at(r.source, d!.span)).toBe('\u0007');
  });

  it('checks the module description and string arguments; the model carries them sanitised', () => {
    const r = run([goal('G1', 'ok', { modifiers: ['undeveloped'], annotations: [ann('url', 'https://x/\u2066y'), ann('class', 'a\u0000')] })], {
      module: { name: 'M', description: 'desc \uD800 lone' },
    });
    expect(r.of('GSN306').map((d) => d.message)).toEqual([
      'the description of module M contains U+D800, a character XML does not allow; it is drawn as U+FFFD',
      '@url of goal G1 contains U+2066, an invisible bidi-control or zero-width character; it is drawn as U+FFFD',
      '@class of goal G1 contains U+0000, a character XML does not allow; it is drawn as U+FFFD',
    ]);
    expect(r.pointsAt('GSN306')).toEqual(['\uD800', '\u2066', '\u0000']);
    expect(r.model.module).toEqual({ name: 'M', description: 'desc \uFFFD lone' });
    expect(r.model.elements[0]!.url).toBe('https://x/\uFFFDy');
    expect(r.model.elements[0]!.classes).toEqual([]);
  });
});

describe('GSN308 repeated annotations', () => {
  it('at the repeat, related to the first; first @url wins, @class names merge', () => {
    const r = run([
      goal('G1', 'top', {
        modifiers: ['undeveloped'],
        annotations: [ann('url', 'https://a'), ann('class', ident('x')), ann('outcome'), ann('url', 'https://b'), ann('class', ident('y')), ann('outcome')],
      }),
    ]);
    const d = r.of('GSN308');
    expect(d.map((x) => x.message)).toEqual([
      '@url is written more than once on goal G1; the first one is used',
      '@class is written more than once on goal G1; their classes are combined',
      '@outcome is written more than once on goal G1',
    ]);
    expect(r.pointsAt('GSN308')).toEqual(['@url("https://b")', '@class(y)', '@outcome']);
    expect(at(r.source, d[0]!.related![0]!.span)).toBe('@url("https://a")');
    expect(r.model.elements[0]!.url).toBe('https://a');
    expect(r.model.elements[0]!.classes).toEqual(['x', 'y']);
  });
});
