import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import { BUILDING_BLOCKS, findBlock } from '../../src/framework/blocks.js';
import { analyzeFramework } from '../../src/framework/analyze.js';
import type { Model } from '../../src/semantics/model.js';
import { ModelBuilder, where } from './builder.js';

/** A complete case: step 1 contexts, two outcomes, two subsystems, full coverage. */
function complete(): ModelBuilder {
  return new ModelBuilder()
    .goal('G1')
    .context('C1', 'macrosystem')
    .context('C2', 'deployment')
    .context('C3', 'threshold(0.001)')
    .strategy('S1')
    .context('SS1', 'subsystem', 'untrusted')
    .context('SS2', 'subsystem', 'trusted')
    .goal('A1', 'deployment-assumption')
    .solution('Sn1', 'https://example.org/pentest.pdf')
    .goal('O1', 'outcome')
    .goal('O1.1', 'subsystem-risk(SS1)', 'control(monitoring)', 'risk(0.0002)')
    .goal('O1.2', 'subsystem-risk(SS2)', 'inability(dangerous-capability-evals)', 'risk(0.00005)')
    .goal('O1.3', 'interaction-risk', 'risk(0.0001)')
    .goal('T1', 'trustworthiness(not-alignment-faking)')
    .goal('O2', 'outcome')
    .goal('O2.1', 'subsystem-risk(SS1)', 'risk(0.0003)')
    .goal('O2.2', 'subsystem-risk(SS2)', 'risk(0.00001)')
    .goal('O2.3', 'interaction-risk', 'deference(deferring-to-truthful-ai)', 'risk(0.0001)')
    .solution('Sn2')
    .inContext('G1', 'C1', 'C2', 'C3')
    .support('G1', 'S1')
    .inContext('S1', 'SS1', 'SS2')
    .support('S1', 'A1', 'O1', 'O2')
    .support('A1', 'Sn1')
    .support('O1', 'O1.1', 'O1.2', 'O1.3')
    .support('O1.1', 'T1', 'Sn2')
    .inContext('T1', 'SS2')
    .support('T1', 'Sn2')
    .support('O1.2', 'Sn2')
    .support('O1.3', 'Sn2')
    .support('O2', 'O2.1', 'O2.2', 'O2.3')
    .support('O2.1', 'Sn2')
    .support('O2.2', 'Sn2')
    .support('O2.3', 'Sn2');
}

function findings(model: Model): string[] {
  return analyzeFramework(model).diagnostics.map((d) => `${d.code} ${where(model, d.span)}`);
}

describe('analyzeFramework', () => {
  it('returns null and no diagnostics for a plain GSN document', () => {
    const model = new ModelBuilder().goal('G1', 'url("x")').solution('Sn1').support('G1', 'Sn1').build();
    expect(analyzeFramework(model)).toEqual({ value: null, diagnostics: [] });
  });

  it('finds nothing wrong with a complete case, and maps it', () => {
    const model = complete().build();
    const { value, diagnostics } = analyzeFramework(model);
    expect(diagnostics).toEqual([]);
    expect(value).not.toBeNull();
    const f = value!;
    expect(f.topGoals).toEqual(['G1']);
    expect(f.macrosystem).toEqual([{ element: 'C1', text: 'context C1', onTopGoal: true }]);
    expect(f.threshold).toEqual({ value: 0.001, element: 'C3' });
    expect(f.subsystems.map((s) => [s.element, s.trust])).toEqual([
      ['SS1', 'untrusted'],
      ['SS2', 'trusted'],
    ]);
    expect(f.components.find((c) => c.element === 'SS2')?.trustworthinessArguments).toEqual(['T1']);
    expect(f.outcomes.map((o) => [o.element, o.status])).toEqual([
      ['O1', 'developed'],
      ['O2', 'developed'],
    ]);
    expect(f.outcomes[0]!.subsystemRisk).toEqual([
      { subsystem: 'SS1', claims: ['O1.1'] },
      { subsystem: 'SS2', claims: ['O1.2'] },
    ]);
    expect(f.outcomes[0]!.interactionRisk).toEqual(['O1.3']);
    expect(f.deploymentAssumptions).toEqual([{ element: 'A1', text: 'goal A1', supportedBy: ['Sn1'], undeveloped: false }]);
    expect(f.rollUp.outcomes.map((r) => [r.outcome, r.subsystemRisk, r.interactionRisk, r.total, r.complete])).toEqual([
      ['O1', 0.00025, 0.0001, 0.00035, true],
      ['O2', 0.00031, 0.0001, 0.00041, true],
    ]);
    expect(f.rollUp.total).toBe(0.00076);
    expect(f.rollUp.withinThreshold).toBe(true);
    expect(f.arguments.find((a) => a.element === 'O1.1')).toEqual({
      element: 'O1.1',
      kind: 'goal',
      category: 'control',
      block: 'monitoring',
      known: true,
      ratings: { practicality: 'strong', maxStrength: 'strong', scalability: 'moderate' },
      outcomes: ['O1'],
    });
    expect(f.arguments.find((a) => a.element === 'T1')?.outcomes).toEqual(['O1']);
  });

  it('is plain JSON', () => {
    const f = analyzeFramework(complete().build()).value;
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });

  it('reports annotations on the wrong kind of element at the annotation', () => {
    const model = complete().strategy('S9', 'outcome', 'risk(0.1)').context('C9', 'control(monitoring)').add('assumption', 'A9', ['deployment-assumption']).support('S1', 'S9').inContext('S1', 'C9', 'A9').build();
    const diagnostics = analyzeFramework(model).diagnostics;
    expect(diagnostics.map((d) => `${d.code} ${where(model, d.span)}`)).toEqual([
      'GSN401 S9@outcome',
      'GSN401 S9@risk',
      'GSN401 C9@control',
      'GSN401 A9@deployment-assumption',
    ]);
    expect(diagnostics[0]!.message).toBe('@outcome claims that one unacceptable outcome will not happen (step 2) and belongs on a goal, but S9 is a strategy');
    expect(diagnostics[3]!.message).toContain('write it as a goal so that it can be argued');
    // A misplaced @outcome does not make an outcome.
    expect(analyzeFramework(model).value!.outcomes.map((o) => o.element)).toEqual(['O1', 'O2']);
  });

  it('suggests the nearest block of the category, or names the category a block belongs to', () => {
    const model = complete()
      .goal('B1', 'trustworthiness(testbed)')
      .goal('B2', 'trustworthiness(isolation)')
      .goal('B3', 'control(not-alignment-faking)')
      .goal('B4', 'inability(zzz)')
      .goal('B5', 'control')
      .support('T1', 'B1', 'B2', 'B3', 'B4', 'B5')
      .support('B1', 'Sn2').support('B2', 'Sn2').support('B3', 'Sn2').support('B4', 'Sn2').support('B5', 'Sn2')
      .build();
    const { value, diagnostics } = analyzeFramework(model);
    expect(diagnostics.map((d) => `${d.code} ${where(model, d.span)}`)).toEqual([
      'GSN402 B1@trustworthiness[0]',
      'GSN403 B2@trustworthiness[0]',
      'GSN403 B3@control[0]',
      'GSN402 B4@inability[0]',
    ]);
    expect(diagnostics[0]!.message).toBe('testbed is not a trustworthiness building block of the framework: did you mean @trustworthiness(testbeds)?');
    expect(diagnostics[1]!.message).toMatch(/^building block isolation belongs to category control, not trustworthiness: write @control\(isolation\)/);
    expect(diagnostics[3]!.message).toBe('zzz is not an inability building block of the framework: the inability blocks are dangerous-capability-evals');
    const b5 = value!.arguments.find((a) => a.element === 'B5')!;
    expect([b5.category, b5.block, b5.known, b5.ratings]).toEqual(['control', null, false, null]);
  });

  it('keys blocks by (category, block): the same technique rates differently under two categories', () => {
    expect(findBlock('control', 'interpretability')?.practicality).toBe('weak');
    expect(findBlock('trustworthiness', 'interpretability')?.practicality).toBe('moderate');
    expect(findBlock('control', 'externalized-reasoning')?.scalability).toBe('moderate');
    expect(findBlock('trustworthiness', 'externalized-reasoning')?.scalability).toBe('weak');
    expect(new Set(BUILDING_BLOCKS.map((b) => `${b.category}/${b.block}`)).size).toBe(BUILDING_BLOCKS.length);
    expect(BUILDING_BLOCKS).toHaveLength(16);
  });

  it('reports a subsystem-risk claim naming an undeclared subsystem', () => {
    const model = complete().goal('X1', 'subsystem-risk(SS3)').goal('X2', 'subsystem-risk(C1)').support('O1', 'X1', 'X2').support('X1', 'Sn2').support('X2', 'Sn2').build();
    const { diagnostics } = analyzeFramework(model);
    expect(diagnostics.map((d) => `${d.code} ${where(model, d.span)}`)).toEqual(['GSN404 X1@subsystem-risk[0]', 'GSN404 X2@subsystem-risk[0]']);
    expect(diagnostics[0]!.message).toBe('X1 claims a subsystem risk for SS3, but no subsystem SS3 is declared (step 4); did you mean SS1?');
    expect(diagnostics[1]!.message).toBe('X2 claims a subsystem risk for C1, but C1 is a context but not marked @subsystem');
    expect(where(model, diagnostics[1]!.related![0]!.span)).toBe('C1');
  });

  it('reports probabilities outside [0, 1] and leaves them out of the roll-up', () => {
    const model = complete().build();
    const o11 = model.elements.find((e) => e.id === 'O1.1')!;
    const risk = o11.annotations.find((a) => a.name === 'risk')!;
    risk.args = [{ type: 'number', value: 2, raw: '2', span: risk.args[0]!.span }];
    const c3 = model.elements.find((e) => e.id === 'C3')!;
    c3.annotations[0]!.args = [{ type: 'number', value: -0.5, raw: '-0.5', span: c3.annotations[0]!.args[0]!.span }];
    const { value, diagnostics } = analyzeFramework(model);
    expect(diagnostics.map((d) => `${d.code} ${where(model, d.span)}`)).toEqual(['GSN405 C3@threshold[0]', 'GSN405 O1.1@risk[0]']);
    expect(diagnostics[1]!.message).toBe('@risk(2) on O1.1 is not a probability: the estimated probability that O1.1 fails must lie in [0, 1]; write a probability between 0 and 1 (if you meant 2%, write 0.02)');
    expect(value!.threshold).toBeNull();
    expect(value!.rollUp.outcomes[0]!.missingEstimates).toEqual(['O1.1']);
    expect(value!.rollUp.outcomes[0]!.complete).toBe(false);
    expect(value!.rollUp.withinThreshold).toBeNull();
  });

  it('reports a component both trusted and untrusted', () => {
    const model = complete().context('C9', 'trusted', 'untrusted').inContext('G1', 'C9').build();
    expect(findings(model)).toEqual(['GSN406 C9@untrusted']);
  });

  it('warns about missing step-1 contexts at the top goal, naming a misplaced one', () => {
    const model = new ModelBuilder()
      .goal('G1')
      .context('C1', 'macrosystem')
      .strategy('S1')
      .undeveloped('O1', 'outcome')
      .inContext('S1', 'C1')
      .support('G1', 'S1')
      .support('S1', 'O1')
      .build();
    const { diagnostics } = analyzeFramework(model);
    expect(diagnostics.map((d) => `${d.code} ${where(model, d.span)}`)).toEqual(['GSN411 G1', 'GSN411 G1', 'GSN415 G1']);
    expect(diagnostics[0]!.message).toBe(
      'top goal G1 has no @macrosystem context stating what the AI macrosystem is (its models, software and people) (step 1): C1 is marked @macrosystem but not a context of G1',
    );
    expect(diagnostics[1]!.message).toContain('add a context marked @deployment');
  });

  it('warns when no outcome is named', () => {
    const model = new ModelBuilder().goal('G1').context('C1', 'macrosystem').context('C2', 'deployment').inContext('G1', 'C1', 'C2').solution('Sn1').support('G1', 'Sn1').build();
    expect(findings(model)).toEqual(['GSN412 G1']);
  });

  it('warns about an outcome not developed to evidence, but accepts explicitly undeveloped branches', () => {
    const model = complete().goal('O1.4').undeveloped('O1.5').support('O1', 'O1.4', 'O1.5').build();
    const { value, diagnostics } = analyzeFramework(model);
    expect(diagnostics.map((d) => `${d.code} ${where(model, d.span)}`)).toEqual(['GSN413 O1']);
    expect(diagnostics[0]!.message).toBe('outcome O1 is not developed down to evidence: O1.4 has no support and is not marked undeveloped; add evidence or mark them undeveloped (step 2)');
    expect(where(model, diagnostics[0]!.related![0]!.span)).toBe('O1.4');
    expect(value!.outcomes[0]!.status).toBe('open');
    expect(value!.outcomes[0]!.undeveloped).toEqual(['O1.5']);
  });

  it('warns about a deployment assumption that is merely assumed', () => {
    const model = complete().goal('A2', 'deployment-assumption').undeveloped('A3', 'deployment-assumption').support('S1', 'A2', 'A3').build();
    const { diagnostics } = analyzeFramework(model);
    expect(diagnostics.map((d) => `${d.code} ${where(model, d.span)}`)).toEqual(['GSN414 A2', 'GSN414 A3']);
    expect(diagnostics[0]!.message).toBe('deployment assumption A2 is assumed, not argued: nothing supports it; support it with evidence or an argument (step 3)');
  });

  it('warns about each missing coverage cell and a missing interaction claim, at the outcome', () => {
    const model = new ModelBuilder()
      .goal('G1')
      .context('C1', 'macrosystem')
      .context('C2', 'deployment')
      .context('SS1', 'subsystem')
      .context('SS2', 'subsystem')
      .goal('G3', 'outcome')
      .goal('G4', 'subsystem-risk(SS1)')
      .solution('Sn1')
      .inContext('G1', 'C1', 'C2', 'SS1', 'SS2')
      .support('G1', 'G3')
      .support('G3', 'G4')
      .support('G4', 'Sn1')
      .build();
    const { value, diagnostics } = analyzeFramework(model);
    expect(diagnostics.map((d) => `${d.code} ${where(model, d.span)}`)).toEqual(['GSN416 G3', 'GSN417 G3']);
    expect(diagnostics[0]!.message).toBe(
      'outcome G3 has no claim that subsystem SS2 cannot cause it on its own (step 5): add a goal marked @subsystem-risk(SS2) below G3',
    );
    expect(where(model, diagnostics[0]!.related![0]!.span)).toBe('SS2');
    expect(value!.rollUp.outcomes[0]).toMatchObject({ uncoveredSubsystems: ['SS2'], missingInteraction: true, missingEstimates: ['G4'], complete: false });
  });

  it('attributes a claim to the nearest outcome on every path of the DAG', () => {
    const model = complete().goal('O3', 'outcome').support('S1', 'O3').support('O3', 'O1.3').build();
    const { value } = analyzeFramework(model);
    expect(value!.riskClaims.find((c) => c.element === 'O1.3')!.outcomes).toEqual(['O1', 'O3']);
    // O3 borrows O1.3 for interactions, but lacks both subsystem cells.
    expect(findings(model)).toEqual(['GSN416 O3', 'GSN416 O3']);
    expect(value!.rollUp.total).toBe(0.00086);
  });

  it('warns about a risk claim outside any outcome', () => {
    const model = complete().goal('X1', 'interaction-risk').support('S1', 'X1').support('X1', 'Sn2').build();
    expect(findings(model)).toEqual(['GSN418 X1@interaction-risk']);
  });

  it('warns about a trusted component with no trustworthiness argument', () => {
    const model = complete().context('W', 'trusted').goal('O1.6', 'control(monitoring)').inContext('O1.6', 'W').support('O1.1', 'O1.6').support('O1.6', 'Sn2').build();
    const { diagnostics } = analyzeFramework(model);
    expect(diagnostics.map((d) => `${d.code} ${where(model, d.span)}`)).toEqual(['GSN419 W']);
    expect(diagnostics[0]!.message).toMatch(/^W is trusted, but no goal argued @trustworthiness has it as context/);
    expect(where(model, diagnostics[0]!.related![0]!.span)).toBe('O1.6');
  });

  it('warns when the roll-up exceeds the threshold, at the top goal', () => {
    const model = complete().build();
    const c3 = model.elements.find((e) => e.id === 'C3')!;
    c3.annotations[0]!.args = [{ type: 'number', value: 0.0005, raw: '0.0005', span: c3.annotations[0]!.args[0]!.span }];
    const { value, diagnostics } = analyzeFramework(model);
    expect(diagnostics.map((d) => `${d.code} ${where(model, d.span)}`)).toEqual(['GSN420 G1']);
    expect(diagnostics[0]!.message).toBe(
      'the risk roll-up for the case is 0.00076, above the acceptable threshold of 0.0005 set in C3 (a union bound over two outcomes)',
    );
    expect(diagnostics[0]!.related!.map((r) => where(model, r.span))).toEqual(['C3', 'O1', 'O2']);
    expect(value!.rollUp.withinThreshold).toBe(false);
  });

  it('uses only codes from the code table, with the severity the brief asks for', () => {
    for (const code of ['GSN401', 'GSN402', 'GSN403', 'GSN404', 'GSN405', 'GSN406']) expect(CODES.get(code)?.severity).toBe('error');
    for (const code of ['GSN411', 'GSN412', 'GSN413', 'GSN414', 'GSN415', 'GSN416', 'GSN417', 'GSN418', 'GSN419', 'GSN420']) {
      expect(CODES.get(code)?.severity).toBe('warning');
    }
  });

  it('walks deep chains without recursion', () => {
    const b = complete();
    let previous = 'O1.3';
    for (let i = 0; i < 20000; i++) {
      b.goal(`D${i}`).support(previous, `D${i}`);
      previous = `D${i}`;
    }
    b.support(previous, 'Sn2');
    const model = b.build();
    const started = performance.now();
    expect(findings(model)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('analyzeFramework on broken models', () => {
  it('survives SupportedBy cycles, duplicate IDs and dangling edges', () => {
    const model = complete().goal('O1', 'outcome').support('O1.1', 'O1').support('Sn2', 'Nowhere').inContext('Nowhere', 'SS1').build();
    expect(() => analyzeFramework(model)).not.toThrow();
  });

  it('never throws on random graphs with random annotations', () => {
    const names = ['outcome', 'subsystem', 'subsystem-risk(S3)', 'subsystem-risk(X)', 'interaction-risk', 'risk(0.5)', 'risk(7)', 'threshold(0.1)', 'trusted', 'untrusted', 'control(monitoring)', 'trustworthiness(isolation)', 'deference(zz)', 'macrosystem', 'deployment-assumption', 'url("x")', 'risk("a")', 'subsystem-risk'];
    const kinds = ['goal', 'strategy', 'solution', 'context', 'assumption', 'justification'] as const;
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const b = new ModelBuilder();
      const n = 1 + rand(12);
      for (let i = 0; i < n; i++) {
        const annotations = Array.from({ length: rand(4) }, () => names[rand(names.length)]!);
        b.add(kinds[rand(kinds.length)]!, `S${i}`, annotations, { undeveloped: rand(4) === 0 });
      }
      for (let e = 0; e < n * 2; e++) (rand(2) ? b.support.bind(b) : b.inContext.bind(b))(`S${rand(n)}`, `S${rand(n)}`);
      const model = b.build();
      const result = analyzeFramework(model);
      expect(() => JSON.stringify(result)).not.toThrow();
      for (const d of result.diagnostics) expect(CODES.has(d.code), d.code).toBe(true);
    }
  });
});
