import { describe, expect, it } from 'vitest';
import type { StageDiagnostic } from '../../src/diagnostics/types.js';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
import { ann, at, context, goal, ident, link, ref, solution, strategy } from './ast-builder.js';
import { run } from './helpers.js';

/** The notation brief's example, as the parser will give it. */
function deploymentCase() {
  return run(
    [
      goal('G1', 'The AI macrosystem will not cause a catastrophe during the deployment window', {
        children: [
          context('C1', 'Macrosystem: Model X, its agent scaffold, the watchdog and staff reviewers', { annotations: [ann('macrosystem')] }),
          context('C2', 'Deployment decision: internal assistant for 1,000 staff, 6 months', { annotations: [ann('deployment')] }),
          context('C3', 'Acceptable risk: below 0.1% over the window', { annotations: [ann('threshold', 0.001)] }),
          strategy('S1', 'Argue over each unacceptable outcome, given justified deployment assumptions', {
            children: [
              goal('G2', 'Deployment assumptions hold', {
                annotations: [ann('deployment-assumption')],
                children: [solution('Sn1', 'Penetration test report, 2026-Q3', { annotations: [ann('url', 'https://example.org/pentest.pdf')] })],
              }),
              goal('G3', "The macrosystem does not exfiltrate Model X's weights", {
                annotations: [ann('outcome')],
                children: [
                  context('SS1', 'Subsystem: agent + watchdog', { annotations: [ann('subsystem')] }),
                  strategy('S2', 'Argue over each subsystem and their interactions', {
                    children: [
                      goal('G4', 'SS1 cannot exfiltrate weights on its own', {
                        annotations: [ann('subsystem-risk', ident('SS1')), ann('control', ident('monitoring'))],
                        children: [solution('Sn2', 'Control evaluation: red team catch rate 99.2%')],
                      }),
                      goal('G5', 'Interactions between subsystems do not lead to exfiltration', { modifiers: ['undeveloped'], annotations: [ann('interaction-risk')] }),
                    ],
                  }),
                ],
              }),
            ],
          }),
        ],
      }),
      link('G4', ['Sn1']),
    ],
    { module: { name: 'Deployment', description: 'Safety case for deploying Model X as an internal research assistant' } },
  );
}

function shown(source: string, diagnostics: StageDiagnostic[]) {
  return diagnostics.map((d) => ({ code: d.code, message: d.message, at: at(source, d.span), related: d.related?.map((r) => ({ message: r.message, at: at(source, r.span) })) }));
}

describe('model', () => {
  it('the notation brief example checks clean and gives the expected model', () => {
    const r = deploymentCase();
    expect(r.diagnostics).toEqual([]);
    expect(r.model.module).toEqual({ name: 'Deployment', description: 'Safety case for deploying Model X as an internal research assistant' });
    expect(r.model.topGoals).toEqual(['G1']);
    expect(r.model.elements.map((e) => e.id)).toEqual(['G1', 'C1', 'C2', 'C3', 'S1', 'G2', 'Sn1', 'G3', 'SS1', 'S2', 'G4', 'Sn2', 'G5']);
    const sn1 = r.model.elements.find((e) => e.id === 'Sn1')!;
    expect(sn1.url).toBe('https://example.org/pentest.pdf');
    expect(at(r.source, sn1.idSpan)).toBe('Sn1');
    expect(at(r.source, sn1.span).startsWith('solution Sn1 "Penetration')).toBe(true);
    expect(r.model.elements.find((e) => e.id === 'G5')!.undeveloped).toBe(true);
    expect(r.model.elements.find((e) => e.id === 'G4')!.annotations.map((a) => a.name)).toEqual(['subsystem-risk', 'control']);
    expect(r.model.edges.filter((e) => e.from === 'G4').map((e) => e.to)).toEqual(['Sn2', 'Sn1']);
    expect(JSON.parse(JSON.stringify(r.model))).toEqual(r.model);
    expectGolden('semantics/deployment.model.json', toGoldenJson(r.model));
  });

  it('a case with one of every problem (golden diagnostics)', () => {
    const r = run(
      [
        goal('G1', 'top \u202E', {
          annotations: [ann('class', ident('ok'), '1bad'), ann('urll')],
          children: [
            strategy('S1', 's', { children: [solution('Sn1', 'e', { children: [ref('C1')] }), ref('G9')] }),
            context('C1', 'c', { children: [goal('G2')] }),
            goal('G3', 'u', { modifiers: ['undeveloped'], children: [ref('Sn1'), ref('Sn1')] }),
            goal('G4', 'cyc', { children: [ref('G1')] }),
          ],
        }),
        goal('G1', 'dup'),
        goal('G6', 'second top', { children: [solution('Sn6', 'e', { modifiers: ['undeveloped'], annotations: [ann('url', 'javascript:alert(1)'), ann('outcome', 1)] })] }),
        context('C7', 'stray'),
      ],
    );
    expectGolden('semantics/every-problem.diagnostics.json', toGoldenJson(shown(r.source, r.diagnostics)));
    expect(r.codes()).toEqual([
      'GSN201', 'GSN202', 'GSN203', 'GSN204', 'GSN205', 'GSN207', 'GSN208', 'GSN209', 'GSN210', 'GSN211',
      'GSN301', 'GSN302', 'GSN303', 'GSN305', 'GSN306', 'GSN307',
    ]);
  });
});
