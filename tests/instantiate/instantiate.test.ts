/**
 * Pattern instantiation (src/instantiate): placeholders, many (with items, nested, single
 * values), optional, choice, references following the copies, and the diagnostics for data that
 * is missing or of the wrong shape, positioned at the pattern. Every result must compile.
 */
import { describe, expect, it } from 'vitest';
import { compile, instantiatePattern, type Diagnostic } from '../../src/index.js';
import { readPatternData } from '../../src/instantiate/read-data.js';

/** Instantiates and checks the result compiles with no diagnostics at all. */
async function instantiate(pattern: string, data: unknown) {
  const result = instantiatePattern(pattern, data, { file: 'p.gsn', dataFile: 'd.yaml' });
  if (result.text !== null) {
    const compiled = await compile(result.text);
    expect(compiled.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  }
  return result;
}

/** The result without its first comment line. */
function body(text: string | null): string {
  expect(text).not.toBeNull();
  return text!.split('\n').slice(1).join('\n').replace(/^\n/, '');
}

const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.column} ${d.code}`);

describe('placeholders', () => {
  it('fills placeholders from the top level and drops uninstantiated', async () => {
    const pattern = 'uninstantiated goal G1 "{System} is safe in {where}" {\n  undeveloped uninstantiated goal G2 "{System} is maintained"\n}\n';
    const result = await instantiate(pattern, { System: 'The pump', where: 'wards' });
    expect(result.diagnostics).toEqual([]);
    expect(body(result.text)).toBe('goal G1 "The pump is safe in wards" {\n  undeveloped goal G2 "The pump is maintained"\n}\n');
    expect(result.text!.split('\n')[0]).toBe('// Instantiated from p.gsn with d.yaml by gsnc instantiate.');
  });

  it('writes numbers and booleans as text, and quotes what needs quoting', async () => {
    const result = await instantiate('uninstantiated goal G1 "{n} units; {flag}; {q}" {\n  solution Sn1 "Test"\n}\n', { n: 3, flag: true, q: 'a "b"\nc' });
    expect(body(result.text)).toContain('goal G1 "3 units; true; a \\"b\\"\\nc" {');
  });

  it('leaves braces the data does not fill as written in an element that is not uninstantiated', async () => {
    const result = instantiatePattern('goal G1 "The set {a, b} of {System}" {\n  solution Sn1 "Test"\n}\n', { System: 'X' });
    expect(result.diagnostics).toEqual([]);
    expect(body(result.text)).toContain('goal G1 "The set {a, b} of X"');
  });

  it('reports a placeholder the data lacks at its position, naming the data path', () => {
    const pattern = 'goal G1 "Top" {\n  uninstantiated goal G2 "{System} is safe" {\n    solution Sn1 "Test"\n  }\n}\n';
    const result = instantiatePattern(pattern, { system: 'lower case' }, { file: 'p.gsn' });
    expect(result.text).toBeNull();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'GSN527', severity: 'error', file: 'p.gsn', line: 2, column: 27, endColumn: 35, message: expect.stringContaining('{System} in goal G2: looked up System') }),
    ]);
  });

  it('fills dotted names by walking into maps, and reports a list or map in a placeholder', () => {
    const ok = instantiatePattern('uninstantiated goal G1 "{owner.name}" {\n  solution Sn1 "Test"\n}\n', { owner: { name: 'Ada' } });
    expect(body(ok.text)).toContain('goal G1 "Ada"');
    const bad = instantiatePattern('uninstantiated goal G1 "{owner}" {\n  solution Sn1 "Test"\n}\n', { owner: { name: 'Ada' } });
    expect(brief(bad.diagnostics)).toEqual(['1:25 GSN528']);
    expect(bad.diagnostics[0]!.message).toContain('owner is a map');
  });

  it('fills the module description, and placeholders in annotation strings', async () => {
    const pattern = 'module M "Pattern for {System}"\n\ngoal G1 "Top" {\n  uninstantiated solution Sn1 "Report" @url("https://example.org/{System}.pdf")\n}\n';
    const result = await instantiate(pattern, { System: 'pump' });
    expect(body(result.text)).toBe('module M "Pattern for pump"\n\ngoal G1 "Top" {\n  solution Sn1 "Report" @url("https://example.org/pump.pdf")\n}\n');
  });
});

describe('many', () => {
  const pattern = [
    'goal G1 "Top" {',
    '  strategy S1 "Over each hazard" {',
    '    many(hazards) uninstantiated goal G2 "Hazard {name} of {System} is mitigated" {',
    '      many(tests) uninstantiated solution Sn1 "{test} for {name}"',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

  it('repeats the subtree per item, with numbered IDs, fields looked up innermost first', async () => {
    const data = { System: 'Pump', hazards: [{ name: 'H-a', tests: [{ test: 'T1' }, { test: 'T2' }] }, { name: 'H-b', tests: [{ test: 'T3' }] }] };
    const result = await instantiate(pattern, data);
    expect(result.diagnostics).toEqual([]);
    expect(body(result.text)).toBe(
      [
        'goal G1 "Top" {',
        '  strategy S1 "Over each hazard" {',
        '    // G2 for hazards[0]',
        '    goal G2.1 "Hazard H-a of Pump is mitigated" {',
        '      // Sn1 for hazards[0].tests[0]',
        '      solution Sn1.1.1 "T1 for H-a"',
        '      // Sn1 for hazards[0].tests[1]',
        '      solution Sn1.1.2 "T2 for H-a"',
        '    }',
        '    // G2 for hazards[1]',
        '    goal G2.2 "Hazard H-b of Pump is mitigated" {',
        '      // Sn1 for hazards[1].tests[0]',
        '      solution Sn1.2.1 "T3 for H-b"',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it("uses an item's id field in the IDs when it makes a valid ID", async () => {
    const data = { System: 'Pump', hazards: [{ id: 'H1', name: 'a', tests: [{ id: 'TR_12', test: 'T' }] }, { id: 'not valid!', name: 'b', tests: [{ test: 'U' }] }] };
    const result = await instantiate(pattern, data);
    const ids = [...body(result.text).matchAll(/(?:goal|solution) (\S+)/g)].map((m) => m[1]);
    expect(ids).toEqual(['G1', 'G2.H1', 'Sn1.H1.TR_12', 'G2.2', 'Sn1.2.1']);
  });

  it('fills {item} and {key} from a list of single values', async () => {
    const result = await instantiate('goal G1 "Top" {\n  many(causes) uninstantiated goal G2 "Cause {item} ({causes}) is controlled" {\n    solution Sn1 "Review"\n  }\n}\n', { causes: ['wear', 42] });
    expect(body(result.text)).toContain('goal G2.1 "Cause wear (wear) is controlled"');
    expect(body(result.text)).toContain('goal G2.2 "Cause 42 (42) is controlled"');
    expect(body(result.text)).toContain('solution Sn1.2 "Review"');
  });

  it('reports a list the data lacks, or a value that is not a list, at the label', () => {
    const missing = instantiatePattern(pattern, { System: 'Pump' });
    expect(missing.text).toBeNull();
    expect(brief(missing.diagnostics)).toEqual(['3:10 GSN527']);
    expect(missing.diagnostics[0]!.message).toContain('no list hazards in the data');
    const scalar = instantiatePattern(pattern, { System: 'Pump', hazards: 'H1, H2' });
    expect(brief(scalar.diagnostics)).toEqual(['3:10 GSN528']);
    expect(scalar.diagnostics[0]!.message).toContain('hazards is the text "H1, H2", not a list');
  });

  it('names the item in a missing field of a nested item, once per item', () => {
    const data = { System: 'Pump', hazards: [{ name: 'a', tests: [{ test: 'T1' }, { tset: 'typo' }] }] };
    const result = instantiatePattern(pattern, data);
    expect(brief(result.diagnostics)).toEqual(['4:48 GSN527']);
    expect(result.diagnostics[0]!.message).toBe('no data for the placeholder {test} in solution Sn1: looked up hazards[0].tests[1].test, then hazards[0].test, then test');
  });

  it('notes a many over an empty list (GSN530) and leaves the subtree out', async () => {
    const result = await instantiate('goal G1 "Top" {\n  solution Sn0 "Review"\n  many(hazards) uninstantiated goal G2 "{h}" {\n    solution Sn1 "Test"\n  }\n}\n', { hazards: [] });
    expect(brief(result.diagnostics)).toEqual(['3:8 GSN530']);
    expect(result.diagnostics[0]!.severity).toBe('info');
    expect(body(result.text)).toBe('goal G1 "Top" {\n  solution Sn0 "Review"\n}\n');
  });

  it('reports a many without a label and a many before a bare ID (GSN529)', () => {
    const unlabelled = instantiatePattern('goal G1 "Top" {\n  many uninstantiated goal G2 "{h}" {\n    solution Sn1 "Test"\n  }\n}\n', { h: 'x' });
    expect(brief(unlabelled.diagnostics)).toEqual(['2:3 GSN529']);
    const bare = instantiatePattern('goal G1 "Top" {\n  many(x) Sn1\n}\nsolution Sn1 "Test"\n', { x: [1] });
    expect(brief(bare.diagnostics)).toEqual(['2:3 GSN529']);
  });

  it('reports two items giving one ID (GSN529)', () => {
    const result = instantiatePattern(pattern, { System: 'P', hazards: [{ id: 'H1', name: 'a', tests: [] }, { id: 'H1', name: 'b', tests: [] }] });
    expect(result.diagnostics.filter((d) => d.code === 'GSN529').map((d) => d.message)).toEqual([
      'instantiating gives two elements with the ID G2.H1: G2 for hazards[0] and G2 for hazards[1]; give the items distinct id fields, or rename the pattern\'s element',
    ]);
    expect(result.text).toBeNull();
  });
});

describe('references follow the copies', () => {
  it('links inside a copy to the same copy, from outside to every copy, and renames ACPs', async () => {
    const pattern = [
      'goal G1 "Top" @acp(ACP1, S1) {',
      '  strategy S1 "Over each hazard" {',
      '    many(hazards) uninstantiated goal G2 "{h} is mitigated" @acp(ACP2, Sn1) {',
      '      uninstantiated solution Sn1 "Test of {h}"',
      '      Sn9',
      '    }',
      '  }',
      '}',
      'solution Sn9 "Shared review"',
      'counter solution CSn1 "Doubt"',
      'CSn1 challenges G2',
      '',
    ].join('\n');
    const result = await instantiate(pattern, { hazards: [{ h: 'A' }, { h: 'B' }] });
    const text = body(result.text);
    expect(text).toContain('goal G2.1 "A is mitigated" @acp(ACP2.1, Sn1.1) {\n      solution Sn1.1 "Test of A"\n      Sn9\n    }');
    expect(text).toContain('goal G2.2 "B is mitigated" @acp(ACP2.2, Sn1.2) {\n      solution Sn1.2 "Test of B"\n      Sn9\n    }');
    expect(text).toContain('CSn1 challenges G2.1, G2.2');
    // From outside the repeated subtree: every copy, and a warning that says so.
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([['GSN542', 'warning', 11, 17]]);
    expect(result.diagnostics[0]!.message).toBe(
      'G2 is named outside the subtree that many(hazards) repeats (G2 and what it holds), so this names every copy: G2.1, G2.2; to name one copy, write the reference inside that subtree',
    );
    expect(result.diagnostics[0]!.related).toEqual([expect.objectContaining({ message: 'many(hazards) repeats G2', line: 3, column: 5 })]);
  });

  // Every statement and annotation that names an element, written inside the repeated subtree.
  const inside = [
    'goal G1 "Top" {',
    '  strategy S1 "Over each hazard" {',
    '    many(hazards) uninstantiated goal G2 "{h} is mitigated" @subsystem-risk(SS1) @acp(ACP2, Sn1) {',
    '      uninstantiated goal SS1 "Subsystem {h}" { solution Sn3 "Design" }',
    '      uninstantiated solution Sn1 "Test of {h}"',
    '      uninstantiated goal G3 "{h} stays mitigated" { defeated SS1 }',
    '      Sn9',
    '    }',
    '  }',
    '}',
    'solution Sn9 "Shared review"',
    'G3 -> Sn3',
    'counter solution CSn1 "Doubt"',
    'CSn1 challenges Sn9',
    'CSn1 challenges G3 -> SS1',
    '',
  ].join('\n');

  it('renames every reference inside a copy to the same copy: bare IDs, links, challenges, element-naming annotations', () => {
    const result = instantiatePattern(inside, { hazards: [{ id: 'H1', h: 'A' }, { id: 'H2', h: 'B' }] });
    // The challenge of G3 -> SS1 is written outside the copies: every copy, with a warning.
    expect(brief(result.diagnostics)).toEqual(['15:17 GSN542']);
    const text = body(result.text);
    for (const k of ['H1', 'H2']) {
      expect(text).toContain(`goal G2.${k} "${k === 'H1' ? 'A' : 'B'} is mitigated" @subsystem-risk(SS1.${k}) @acp(ACP2.${k}, Sn1.${k}) {`);
      expect(text).toContain(`stays mitigated" {\n        defeated SS1.${k}\n      }`);
    }
    // A link statement whose source is repeated is repeated with it, each in its own copy; so is
    // the link a challenge names from a repeated element.
    expect(text).toContain('G3.H1 -> Sn3.H1\n\nG3.H2 -> Sn3.H2');
    expect(text).toContain('CSn1 challenges G3.H1 -> SS1.H1, G3.H2 -> SS1.H2');
    expect(text.replace(/\/\/.*$/gm, '')).not.toMatch(/\b(SS1|Sn1|Sn3|G2|G3)\b(?!\.)/); // no pattern ID is left (comments aside)
  });

  it('warns (GSN542) for each reference from outside a repeated subtree into it, even over one item', () => {
    const pattern = [
      'goal G1 "Top" @acp(ACP1, Sn1) {',
      '  strategy S1 "Over each hazard" {',
      '    many(hazards) uninstantiated goal G2 "{h} is mitigated" {',
      '      uninstantiated solution Sn1 "Test of {h}"',
      '    }',
      '  }',
      '  Sn1',
      '}',
      'goal G9 "Summary" { solution Sn9 "Review" }',
      'G9 -> Sn1',
      'counter solution CSn1 "Doubt"',
      'CSn1 challenges G2 -> Sn1',
      '',
    ].join('\n');
    const result = instantiatePattern(pattern, { hazards: [{ h: 'A' }] });
    expect(brief(result.diagnostics)).toEqual(['1:26 GSN542', '7:3 GSN542', '10:7 GSN542', '12:17 GSN542']);
    expect(result.diagnostics.every((d) => d.severity === 'warning' && d.message.includes('names every copy: '))).toBe(true);
    const text = body(result.text);
    expect(text).toContain('goal G1 "Top" @acp(ACP1, Sn1.1) {');
    expect(text).toContain('G9 -> Sn1.1');
    expect(text).toContain('CSn1 challenges G2.1 -> Sn1.1');
  });

  it('warns for a reference from one repeated subtree into another, and from an outer copy into an inner one', () => {
    const pattern = [
      'goal G1 "Top" {',
      '  many(a) uninstantiated goal G2 "{x}" {',
      '    many(b) uninstantiated solution Sn1 "{y}"',
      '    uninstantiated goal G4 "All tests of {x}" { Sn1 }',
      '  }',
      '  many(c) uninstantiated goal G3 "{z}" {',
      '    Sn1',
      '  }',
      '}',
      '',
    ].join('\n');
    const result = instantiatePattern(pattern, { a: [{ x: 'X', b: [{ y: 'Y1' }, { y: 'Y2' }] }], c: [{ z: 'Z' }] });
    expect(brief(result.diagnostics)).toEqual(['4:49 GSN542', '7:5 GSN542']);
    expect(result.diagnostics[0]!.message).toContain('Sn1 is named outside the subtree that many(b) repeats (Sn1 and what it holds), so this names every copy: Sn1.1.1, Sn1.1.2');
    expect(result.diagnostics[1]!.message).toContain('Sn1 is named outside the subtree that many(a) repeats (G2 and what it holds)');
    expect(body(result.text)).toContain('goal G4.1 "All tests of X" {\n      Sn1.1.1\n      Sn1.1.2\n    }');
    expect(body(result.text)).toContain('goal G3.1 "Z" {\n    Sn1.1.1\n    Sn1.1.2\n  }');
  });

  it('reports (GSN529) an annotation naming one element that names a repeated one from outside, or a left-out one', () => {
    const outside = 'goal G1 "Top" @subsystem-risk(SS1) {\n  many(xs) uninstantiated goal SS1 "{item}" @subsystem { solution Sn1 "T" }\n}\n';
    const result = instantiatePattern(outside, { xs: ['a'] });
    expect(result.text).toBeNull();
    expect(brief(result.diagnostics)).toEqual(['1:31 GSN529']);
    expect(result.diagnostics[0]!.message).toBe(
      '@subsystem-risk(SS1) on G1 names SS1, which many(xs) repeats (SS1 and what it holds); from outside that subtree it names every copy (SS1.1), but it takes one element; write it inside the repeated subtree',
    );
    const leftOut = 'goal G1 "Top" @subsystem-risk(SS1) {\n  solution Sn0 "R"\n  optional uninstantiated goal SS1 "{x}" @subsystem { solution Sn1 "T" }\n}\n';
    const gone = instantiatePattern(leftOut, {});
    expect(brief(gone.diagnostics)).toEqual(['1:31 GSN529', '3:3 GSN530']);
    expect(gone.diagnostics[0]!.message).toContain('names SS1, which the data leaves out of the result');
  });

  it('keeps references to elements the pattern does not define (away elements, modules) as written in every copy', () => {
    const pattern = 'module M\nimport Hazards\n\ngoal G1 "Top" {\n  many(xs) uninstantiated goal G2 "{item}" @acp(ACP1, HG1) {\n    HG1\n    Hazards\n  }\n}\n';
    const result = instantiatePattern(pattern, { xs: ['a', 'b'] });
    expect(result.diagnostics).toEqual([]);
    expect(body(result.text)).toContain('goal G2.1 "a" @acp(ACP1.1, HG1) {\n    HG1\n    Hazards\n  }');
    expect(body(result.text)).toContain('goal G2.2 "b" @acp(ACP1.2, HG1) {\n    HG1\n    Hazards\n  }');
  });

  it('drops links to what is left out', async () => {
    const pattern = 'goal G1 "Top" {\n  solution Sn0 "Review"\n  optional uninstantiated goal G2 "{extra}" {\n    solution Sn1 "Test"\n  }\n}\ngoal G3 "Other" {\n  Sn1\n  solution Sn3 "Audit"\n}\nG3 -> Sn1, Sn3\n';
    const result = instantiatePattern(pattern, {});
    expect(body(result.text)).not.toContain('Sn1');
    expect(body(result.text)).toContain('G3 -> Sn3');
  });
});

describe('optional', () => {
  const pattern = [
    'goal G1 "Top" {',
    '  solution Sn0 "Review"',
    '  many(hazards) uninstantiated goal G2 "{h} is mitigated" {',
    '    solution Sn1 "Test"',
    '    optional uninstantiated goal G3 "The effect of {h} is contained by {barrier}" {',
    '      solution Sn2 "Barrier test"',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

  it('keeps an optional part the data fills, leaves out (GSN530) one it does not', async () => {
    const result = await instantiate(pattern, { hazards: [{ h: 'A', barrier: 'the shield' }, { h: 'B' }] });
    expect(body(result.text)).toContain('goal G3.1 "The effect of A is contained by the shield"');
    expect(body(result.text)).not.toContain('G3.2');
    expect(brief(result.diagnostics)).toEqual(['5:5 GSN530']);
    expect(result.diagnostics[0]!.message).toBe(
      'optional goal G3 is left out for hazards[1]: no data for the placeholder {barrier} in goal G3: looked up hazards[1].barrier, then barrier',
    );
  });

  it('obeys a boolean under the element ID, and reports what a kept part lacks', () => {
    const off = instantiatePattern(pattern, { hazards: [{ h: 'A', barrier: 'shield', G3: false }] });
    expect(off.diagnostics).toEqual([]);
    expect(body(off.text)).not.toContain('G3');
    const on = instantiatePattern(pattern, { G3: true, hazards: [{ h: 'A' }] });
    expect(brief(on.diagnostics)).toEqual(['5:72 GSN527']);
    const notBoolean = instantiatePattern(pattern, { G3: 'yes', hazards: [{ h: 'A', barrier: 'b' }] });
    expect(brief(notBoolean.diagnostics)).toEqual(['5:5 GSN528']);
  });

  it('treats an empty value as missing', () => {
    const result = instantiatePattern(pattern, { barrier: 'top-level shield', hazards: [{ h: 'A', barrier: null }] });
    expect(body(result.text)).not.toContain('G3');
    expect(result.diagnostics[0]!.message).toContain('hazards[0].barrier is empty');
  });
});

describe('choice', () => {
  const pattern = [
    'goal G1 "Top" {',
    '  many(hazards) choice("1 of 2") uninstantiated goal G2 "{h} is addressed" {',
    '    uninstantiated goal G3 "{h} is eliminated by {design}" {',
    '      solution Sn1 "Design review"',
    '    }',
    '    uninstantiated goal G4 "{h} is mitigated by {control}" {',
    '      solution Sn2 "Control test"',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

  it('keeps the alternative the data fills', async () => {
    const result = await instantiate(pattern, { hazards: [{ h: 'A', design: 'removal' }, { h: 'B', control: 'a fuse' }] });
    const text = body(result.text);
    expect(text).toContain('goal G3.1 "A is eliminated by removal"');
    expect(text).not.toContain('G4.1');
    expect(text).toContain('goal G4.2 "B is mitigated by a fuse"');
    expect(text).not.toContain('G3.2');
    expect(text).not.toContain('choice');
    expect(brief(result.diagnostics)).toEqual(['2:17 GSN530', '2:17 GSN530']);
  });

  it('keeps the alternatives named under the choice element ID', async () => {
    const result = await instantiate(pattern, { hazards: [{ h: 'A', design: 'removal', control: 'fuse', G2: 'G4' }] });
    expect(body(result.text)).toContain('goal G4.1');
    expect(body(result.text)).not.toContain('G3.1');
    const unknown = instantiatePattern(pattern, { hazards: [{ h: 'A', design: 'removal', G2: 'G9' }] });
    expect(brief(unknown.diagnostics)).toEqual(['2:17 GSN528']);
  });

  it('reports a choice the data fills no alternative of, or more than its label allows', () => {
    const none = instantiatePattern(pattern, { hazards: [{ h: 'A' }] });
    expect(none.text).toBeNull();
    expect(brief(none.diagnostics)).toEqual(['2:17 GSN529', '3:50 GSN527', '6:49 GSN527']);
    const both = instantiatePattern(pattern, { hazards: [{ h: 'A', design: 'd', control: 'c' }] });
    expect(brief(both.diagnostics)).toEqual(['2:17 GSN529']);
    expect(both.diagnostics[0]!.message).toContain('is "1 of 2", but the data fills 2 of its alternatives (G3, G4) for hazards[0]');
  });

  it('is part of the data an enclosing optional needs', () => {
    const nested = 'goal G1 "Top" {\n  solution Sn0 "Review"\n  optional choice goal G2 "Either" {\n    uninstantiated solution Sn1 "{a}"\n    uninstantiated solution Sn2 "{b}"\n  }\n}\n';
    const result = instantiatePattern(nested, {});
    expect(brief(result.diagnostics)).toEqual(['3:3 GSN530']);
    expect(body(result.text)).not.toContain('G2');
  });
});

describe('inputs gsnc cannot instantiate', () => {
  it('returns the errors of the pattern itself', () => {
    expect(brief(instantiatePattern('goal G1 "Top" {\n', {}).diagnostics)).toContain('1:16 GSN110');
    expect(brief(instantiatePattern('goal G1 "A"\ngoal G1 "B"\n', {}).diagnostics)).toContain('2:6 GSN201');
  });

  it('keeps a module\'s imports, and its references to imported modules', () => {
    const pattern = 'module M "For {System}"\nimport Hazards\n\nuninstantiated goal G1 "{System} is safe" {\n  G2\n}\n';
    const result = instantiatePattern(pattern, { System: 'Pump' });
    expect(result.diagnostics).toEqual([]);
    expect(body(result.text)).toBe('module M "For Pump"\nimport Hazards\n\ngoal G1 "Pump is safe" {\n  G2\n}\n');
    const byPath = instantiatePattern('import "lib/hazards.gsn"\n\nuninstantiated goal G1 "{System} is safe" {\n  G2\n}\n', { System: 'Pump' });
    expect(body(byPath.text)).toBe('import "lib/hazards.gsn"\n\ngoal G1 "Pump is safe" {\n  G2\n}\n');
  });

  it('wants the data to be a map', () => {
    const result = instantiatePattern('goal G1 "Top"\n', [1, 2]);
    expect(result).toMatchObject({ text: null, diagnostics: [expect.objectContaining({ code: 'GSN528', line: 1, column: 1 })] });
  });

  it('limits the size of the result', () => {
    const result = instantiatePattern('goal G1 "Top" {\n  many(xs) uninstantiated solution Sn1 "{item}"\n}\n', { xs: Array.from({ length: 20 }, (_, i) => i) }, { limits: { maxElements: 10 } });
    expect(result.text).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['GSN903']);
  });

  it('never reads inherited properties of the data', () => {
    const result = instantiatePattern('uninstantiated goal G1 "{constructor} {toString}" {\n  solution Sn1 "T"\n}\n', {});
    expect(result.diagnostics.map((d) => d.code)).toEqual(['GSN527', 'GSN527']);
  });
});

describe('readPatternData', () => {
  it('reads JSON and YAML by the file name', () => {
    expect(readPatternData('{"a": [1, {"b": "c"}]}', 'd.json')).toEqual({ value: { a: [1, { b: 'c' }] }, diagnostics: [] });
    expect(readPatternData('a:\n  - 1\n  - b: c\n', 'd.YML')).toEqual({ value: { a: [1, { b: 'c' }] }, diagnostics: [] });
  });

  it('positions syntax errors in the data file', () => {
    const json = readPatternData('{\n  "a": 1,\n}\n', 'd.json');
    expect(json.value).toBeNull();
    expect(json.diagnostics).toEqual([expect.objectContaining({ code: 'GSN528', file: 'd.json', line: 3, column: 1 })]);
    const yaml = readPatternData('a: 1\na: 2\n', 'd.yaml');
    expect(yaml.value).toBeNull();
    expect(yaml.diagnostics).toEqual([expect.objectContaining({ code: 'GSN601', file: 'd.yaml', line: 2, column: 1 })]);
  });
});

describe('the example of grammar/extensions.md', () => {
  it('gives what the text says', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../grammar/extensions.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('### Instantiating a pattern'));
    const pattern = /```\n([\s\S]*?)```/.exec(section)![1]!;
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const data = readPatternData(yaml, 'd.yaml');
    const result = await instantiate(pattern, data.value);
    expect(brief(result.diagnostics)).toEqual(['5:7 GSN530']);
    const ids = [...body(result.text).matchAll(/(?:goal|strategy|solution) (\S+)/g)].map((m) => m[1]);
    expect(ids).toEqual(['G1', 'S1', 'G2.H1', 'Sn1.H1.1', 'Sn1.H1.2', 'G3.H1', 'G2.H2', 'Sn1.H2.1']);
  });
});

describe('choice groups', () => {
  const pattern = [
    'goal G1 "Top" {',
    '  many(hazards) uninstantiated goal G2 "{h} is addressed" {',
    '    solution Sn0 "Hazard review of {h}"',
    '    choice("1 of 2") {',
    '      uninstantiated goal G3 "{h} is eliminated by {design}" {',
    '        solution Sn1 "Design review"',
    '      }',
    '      uninstantiated goal G4 "{h} is mitigated by {control}" {',
    '        solution Sn2 "Control test"',
    '      }',
    '    }',
    '    choice {',
    '      uninstantiated solution Sn3 "{audit}"',
    '      uninstantiated solution Sn4 "{inspection}"',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

  it('chooses among the members only and keeps the other children, as ordinary children', async () => {
    const result = await instantiate(pattern, { hazards: [{ h: 'A', design: 'removal', audit: 'Audit AU-1' }] });
    expect(body(result.text)).toBe(
      [
        'goal G1 "Top" {',
        '  // G2 for hazards[0]',
        '  goal G2.1 "A is addressed" {',
        '    solution Sn0.1 "Hazard review of A"',
        '    goal G3.1 "A is eliminated by removal" {',
        '      solution Sn1.1 "Design review"',
        '    }',
        '    solution Sn3.1 "Audit AU-1"',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'alternative G4 of the choice of goal G2 among G3, G4 is left out for hazards[0]: no data for the placeholder {control} in goal G4: looked up hazards[0].control, then control',
      'alternative Sn4 of the choice of goal G2 among Sn3, Sn4 is left out for hazards[0]: no data for the placeholder {inspection} in solution Sn4: looked up hazards[0].inspection, then inspection',
    ]);
    expect(brief(result.diagnostics)).toEqual(['4:5 GSN530', '12:5 GSN530']);
  });

  it('takes the members named under the owner ID, per group; a group with none named is decided by the data', async () => {
    const data = { hazards: [{ h: 'A', design: 'd', control: 'c', audit: 'a', inspection: 'i', G2: ['G4', 'Sn4'] }, { h: 'B', design: 'd', control: 'c', audit: 'a', G2: 'G3' }] };
    const result = await instantiate(pattern, data);
    const text = body(result.text);
    expect([...text.matchAll(/(?:goal|solution) (\S+)/g)].map((m) => m[1])).toEqual(['G1', 'G2.1', 'Sn0.1', 'G4.1', 'Sn2.1', 'Sn4.1', 'G2.2', 'Sn0.2', 'G3.2', 'Sn1.2', 'Sn3.2']);
  });

  it('reports a name of no member (GSN528), a count the label does not allow (GSN529), a group the data fills none of (GSN529)', () => {
    const unknown = instantiatePattern(pattern, { hazards: [{ h: 'A', design: 'd', audit: 'a', G2: 'Sn0' }] });
    expect(brief(unknown.diagnostics.filter((d) => d.severity === 'error'))).toEqual(['4:5 GSN528']);
    expect(unknown.diagnostics[0]!.message).toBe('hazards[0].G2 names the text "Sn0", which is no alternative of any choice of goal G2; name one or more of G3, G4, Sn3, Sn4');
    const two = instantiatePattern(pattern, { hazards: [{ h: 'A', design: 'd', control: 'c', audit: 'a', G2: ['G3', 'G4'] }] });
    expect(brief(two.diagnostics)).toEqual(['4:5 GSN529', '12:5 GSN530']);
    expect(two.diagnostics[0]!.message).toBe('the choice of goal G2 among G3, G4 is "1 of 2", but hazards[0].G2 names 2 alternatives');
    const none = instantiatePattern(pattern, { hazards: [{ h: 'A', design: 'd' }] });
    expect(brief(none.diagnostics)).toEqual(['4:5 GSN530', '12:5 GSN529', '13:36 GSN527', '14:36 GSN527']);
    expect(none.text).toBeNull();
  });

  it('writes a pattern whose groups all keep every member as plain children', async () => {
    const result = await instantiate('goal G1 "Top" {\n  solution Sn0 "R"\n  choice("2 of 2") {\n    solution Sn1 "A"\n    Sn2\n  }\n}\nsolution Sn2 "B"\n', {});
    expect(result.diagnostics).toEqual([]);
    expect(body(result.text)).toBe('goal G1 "Top" {\n  solution Sn0 "R"\n  solution Sn1 "A"\n  Sn2\n}\n\nsolution Sn2 "B"\n');
  });
});
