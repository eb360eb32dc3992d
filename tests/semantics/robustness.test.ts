import { describe, expect, it } from 'vitest';
import type { ElementNode, TopItem } from '../../src/syntax/ast.js';
import { goal, link, ref, solution, strategy } from './ast-builder.js';
import { run } from './helpers.js';

const elapsed = (f: () => void) => {
  const start = performance.now();
  f();
  return performance.now() - start;
};

/** G0 { G1 { ... G(n-1) { Sn } } } built bottom-up, without recursion. */
function nested(n: number): ElementNode {
  let node = goal(`G${n - 1}`, 'leaf', { children: [solution('Sn')] });
  for (let i = n - 2; i >= 0; i--) node = goal(`G${i}`, 'g', { children: [node] });
  return node;
}

describe('IDs that are Object.prototype names', () => {
  it('__proto__, constructor, toString, hasOwnProperty are ordinary IDs', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const r = run([
      goal('__proto__', 'top', { children: [strategy('constructor', 's', { children: [goal('toString', 'g', { children: [solution('hasOwnProperty')] })] }), ref('valueOf')] }),
      goal('constructor', 'dup'),
    ]);
    expect(r.model.elements.map((e) => e.id)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(r.model.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['__proto__->constructor', 'constructor->toString', 'toString->hasOwnProperty']);
    expect(r.model.topGoals).toEqual(['__proto__']);
    expect(r.codes()).toEqual(['GSN201', 'GSN202']);
    expect(r.of('GSN202')[0]!.message).toMatch(/^no element valueOf is defined/);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).G1).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('size and depth', () => {
  it('a 10,000-element SupportedBy chain written as nesting checks without stack overflow', () => {
    const root = nested(10_000);
    let r!: ReturnType<typeof run>;
    const ms = elapsed(() => (r = run([root])));
    expect(r.diagnostics).toEqual([]);
    expect(r.model.elements).toHaveLength(10_001);
    expect(r.model.topGoals).toEqual(['G0']);
    expect(ms).toBeLessThan(15_000);
  });

  it('a 10,000-element chain written as link statements in reverse order', () => {
    const n = 10_000;
    const items: TopItem[] = [];
    for (let i = 0; i < n; i++) items.push(goal(`G${i}`, 'g', i === n - 1 ? { children: [solution('Sn')] } : {}));
    for (let i = n - 2; i >= 0; i--) items.push(link(`G${i}`, [`G${i + 1}`]));
    const r = run(items);
    expect(r.diagnostics).toEqual([]);
    expect(r.model.topGoals).toEqual(['G0']);
  });

  it('a 10,000-long cycle is reported once, naming it', () => {
    const n = 10_000;
    const items: TopItem[] = [goal('Top', 't', { children: [ref('G0')] })];
    for (let i = 0; i < n; i++) items.push(goal(`G${i}`, 'g'));
    for (let i = 0; i < n; i++) items.push(link(`G${i}`, [`G${(i + 1) % n}`]));
    const r = run(items);
    expect(r.codes()).toEqual(['GSN203']);
    const message = r.of('GSN203')[0]!.message;
    expect(message.startsWith('this link closes a SupportedBy cycle: G0 -> G1 -> G2')).toBe(true);
    expect(message).toContain('G9999 -> G0;');
  });

  it('1,000-deep nesting checks, and points diagnostics deep inside', () => {
    const root = nested(1_000);
    const deepest = root.children.length > 0 ? findDeepest(root) : root;
    deepest.children.push(ref('G0'));
    const r = run([goal('Top', 't', { children: [ref('G0')] }), root]);
    expect(r.codes()).toEqual(['GSN203']);
    expect(r.of('GSN203')[0]!.span.start).toBe(r.source.lastIndexOf('G0'));
  });

  it('10,000 duplicate IDs finish fast, each reported at itself', () => {
    const items: TopItem[] = [];
    for (let i = 0; i < 10_000; i++) items.push(goal('G1', 'same', { modifiers: ['undeveloped'] }));
    let r!: ReturnType<typeof run>;
    const ms = elapsed(() => (r = run(items)));
    expect(r.of('GSN201')).toHaveLength(9_999);
    expect(r.model.elements).toHaveLength(1);
    expect(ms).toBeLessThan(10_000);
  });

  it('10,000 misspelt references among 10,000 IDs stay bounded', () => {
    const n = 10_000;
    const items: TopItem[] = [goal('Top', 't', { children: Array.from({ length: n }, (_, i) => solution(`Sn${i}`)) })];
    items.push(goal('Typos', 't', { children: Array.from({ length: n }, (_, i) => ref(`Sx${i}`)) }));
    let r!: ReturnType<typeof run>;
    const ms = elapsed(() => (r = run(items)));
    expect(r.of('GSN202')).toHaveLength(n);
    expect(r.of('GSN202')[0]!.message).toBe('no element Sx0 is defined; did you mean Sn0?');
    expect(ms).toBeLessThan(15_000);
  });

  it('50,000 stray solutions: one GSN303 each, in linear time', () => {
    const items: TopItem[] = [goal('G1', 't', { modifiers: ['undeveloped'] })];
    for (let i = 0; i < 50_000; i++) items.push(solution(`Sn${i}`));
    let r!: ReturnType<typeof run>;
    const ms = elapsed(() => (r = run(items, { limits: { maxElements: 50_001 } })));
    expect(r.of('GSN303')).toHaveLength(50_000);
    expect(ms).toBeLessThan(15_000);
  });
});

function findDeepest(node: ElementNode): ElementNode {
  let at = node;
  for (;;) {
    const next = at.children.find((c): c is ElementNode => c.type === 'element' && c.kind === 'goal');
    if (!next) return at;
    at = next;
  }
}
