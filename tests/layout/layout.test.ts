import { describe, expect, it } from 'vitest';
import { layout } from '../../src/layout/layout.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import type { Model } from '../../src/semantics/model.js';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
import { el, model, randomTree, type Spec } from './model-helper.js';
import { byId, expectGsnRules } from './rules.js';

const run = async (m: Model) => (await layout(m, { limits: DEFAULT_LIMITS })).value;

/** The notation brief's example, plus markup, CJK, decorations and a shared context. */
export function exampleModel(): Model {
  return model(
    [
      el('goal', 'G1', 'The AI macrosystem will not cause a catastrophe during the deployment window', {
        children: [
          el('context', 'C1', 'Macrosystem: Model X, its agent scaffold, the watchdog and staff reviewers'),
          el('context', 'C2', 'Deployment decision: internal assistant for 1,000 staff, 6 months'),
          el('context', 'C3', 'Acceptable risk: below 0.1% over the window'),
          el('strategy', 'S1', 'Argue over each unacceptable outcome, given justified deployment assumptions', {
            children: [
              el('goal', 'G2', 'Deployment assumptions hold', { children: [el('solution', 'Sn1', 'Penetration test report, 2026-Q3')] }),
              el('goal', 'G3', "The macrosystem does not exfiltrate Model X's weights", {
                children: [
                  el('context', 'SS1', 'Subsystem: agent + watchdog'),
                  el('assumption', 'A1', 'Staff follow the **review** protocol'),
                  el('strategy', 'S2', 'Argue over each subsystem and their interactions', {
                    children: [
                      el('goal', 'G4', 'SS1 cannot exfiltrate weights on its own', {
                        children: [el('solution', 'Sn2', 'Control evaluation: red team catch rate 99.2%'), el('justification', 'J1', 'Red team is *independent*')],
                      }),
                      el('goal', 'G5', 'Interactions between subsystems do not lead to exfiltration', { undeveloped: true }),
                      el('goal', 'G6', '安全性は十分に論証されている。これは日本語の長い文章で、折り返しが必要です。', { undeveloped: true, uninstantiated: true }),
                      el('goal', 'G7', 'Checklist:\n- first item is quite long and should wrap onto a second line\n- `code` item\n- [link](https://x.org) and [bad](javascript:alert(1))'),
                    ],
                  }),
                ],
              }),
            ],
          }),
        ],
      }),
      el('context', 'CS', 'Shared context used twice'),
      el('goal', 'Lone', 'An element with no edges'),
    ],
    [['G4', 'Sn1'], ['G2', 'CS'], ['G4', 'CS']],
  );
}

describe('layout', () => {
  it('follows the GSN rules on the example', async () => {
    const m = exampleModel();
    const l = await run(m);
    expectGsnRules(m, l);
    const n = byId(l);
    // G1's first two contexts sit right and left, centred on it.
    expect(n.get('C1')!.x).toBeGreaterThan(n.get('G1')!.x + n.get('G1')!.width);
    expect(n.get('C2')!.x + n.get('C2')!.width).toBeLessThan(n.get('G1')!.x);
    // The shared context has its own place below its users.
    expect(n.get('CS')!.y).toBeGreaterThan(n.get('G4')!.y + n.get('G4')!.height);
    // Markup reached the lines.
    const g7 = n.get('G7')!;
    expect(g7.lines.filter((x) => x.bullet)).toHaveLength(3);
    expect(g7.lines.flatMap((x) => x.runs).filter((r) => r.href !== null).map((r) => r.href)).toEqual(['https://x.org']);
    expect(g7.title).toContain('\u2022 first item');
    expect(l.font).toEqual({ family: 'DejaVu Sans, Verdana, sans-serif', size: 12, lineHeight: 15 });
  });

  it('is deterministic', async () => {
    const a = await run(exampleModel());
    const b = await run(exampleModel());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a).toEqual(b);
  });

  it('follows the GSN rules on random trees', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const m = randomTree(seed, 40 + seed * 5);
      expectGsnRules(m, await run(m));
    }
  });

  it('lays out a DAG with shared evidence, keeping each parent’s children in order', async () => {
    const m = model(
      [
        el('goal', 'G1', 'Top', {
          children: [
            el('strategy', 'S1', 'Argue over hazards', {
              children: [
                el('goal', 'G2', 'Hazard 1 mitigated', { children: [el('solution', 'Sn1', 'Test report'), el('solution', 'Sn2', 'Analysis')] }),
                el('goal', 'G3', 'Hazard 2 mitigated', { children: ['Sn1', el('goal', 'G4', 'Sub-claim', { children: ['Sn2', el('solution', 'Sn3', 'Review')] })] }),
              ],
            }),
          ],
        }),
      ],
      [['G1', 'Sn3']],
    );
    const l = await run(m);
    expectGsnRules(m, l);
    expect(l.edges.filter((e) => e.to === 'Sn1')).toHaveLength(2);
  });

  it('gives a context used by several elements its own node with routed edges', async () => {
    const m = model([
      el('goal', 'G1', 'Top', {
        children: [el('context', 'C1', 'Shared definitions'), el('goal', 'G2', 'Left', { children: ['C1'] }), el('goal', 'G3', 'Right', { children: ['C1'] })],
      }),
    ]);
    m.edges.forEach((e) => expect(e.relation).toBe(e.to === 'C1' ? 'inContextOf' : 'supportedBy'));
    const l = await run(m);
    expectGsnRules(m, l);
    const n = byId(l);
    expect(n.get('C1')!.y).toBeGreaterThan(n.get('G2')!.y + n.get('G2')!.height);
  });

  it('keeps every kind’s text inside its shape, with long, CJK and empty text', async () => {
    const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. '.repeat(30);
    const kinds = ['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'] as const;
    const specs = kinds.flatMap((k, i) => [
      el(k, `${k}Short${i}`, 'Ok'),
      el(k, `${k}Empty${i}`, ''),
      el(k, `${k}Long${i}`, long),
      el(k, `${k}Cjk${i}`, '这是一个很长的中文句子，用于测试换行是否正确，每个汉字都可以断行。'.repeat(3)),
      el(k, `${k}Word${i}`, `${'W'.repeat(5000)} end`),
      el(k, `${k}VeryLongIdentifierThatIsWiderThanTheWrapWidthForSure${i}`, 'short'),
    ]);
    specs.push(el('solution', 'Sn', 'Ok'));
    const m = model(specs);
    const l = await run(m);
    expectGsnRules(m, l);
    const n = byId(l);
    // A short text gives a compact box, not a fixed huge one.
    expect(n.get('goalShort0')!.width).toBeLessThan(100);
    expect(n.get('Sn')!.width).toBeLessThan(60);
    // Long text widens the box rather than growing a tower, within bounds.
    expect(n.get('goalLong0')!.width).toBeLessThanOrEqual(600);
    expect(n.get('goalLong0')!.height).toBeLessThan(n.get('goalLong0')!.width * 1.5);
  });

  it('lays out an empty model and elements without edges', async () => {
    const empty = await run({ module: null, elements: [], edges: [], topGoals: [] });
    expect(empty.nodes).toEqual([]);
    expect(empty.width).toBeGreaterThan(0);
    const m = model([el('goal', 'G1', 'one'), el('solution', 'Sn1', 'two'), el('context', 'C1', 'three')]);
    expectGsnRules(m, await run(m));
  });

  it('handles a deep chain with iterative walks', async () => {
    let spec: Spec = el('solution', 'Sn', 'leaf');
    for (let i = 300; i > 0; i--) spec = el('goal', `G${i}`, `level ${i}`, { children: [spec] });
    const m = model([spec]);
    expectGsnRules(m, await run(m));
  });

  it('matches the layout golden', async () => {
    const m = model([
      el('goal', 'G1', 'System is **acceptably** safe', {
        children: [
          el('context', 'C1', 'Operating context'),
          el('assumption', 'A1', 'Operators are trained'),
          el('strategy', 'S1', 'Argue over hazards', {
            children: [el('goal', 'G2', 'Hazard H1 mitigated', { children: [el('solution', 'Sn1', 'Test report')] }), el('goal', 'G3', 'Hazard H2 mitigated', { undeveloped: true })],
          }),
        ],
      }),
    ]);
    const l = await run(m);
    expectGsnRules(m, l);
    expectGolden('layout/small.json', toGoldenJson(l));
  });
});
