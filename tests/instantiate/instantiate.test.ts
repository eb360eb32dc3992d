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
