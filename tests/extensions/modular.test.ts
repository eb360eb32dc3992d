/**
 * Modular extension end to end: `import` and `public` are parsed, compileProject links the
 * modules (away elements, module references), checks the project (GSN201 across files,
 * GSN521-GSN526) with every diagnostic in its own file, and draws one argument view per module
 * and an architecture view whose module boxes link to the module diagrams (goldens).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, compile, compileProject, formatGsn, parse } from '../../src/index.js';
import { scanImports } from '../../src/syntax/imports.js';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
import { expectGsnRules } from '../layout/rules.js';

const DIR = 'examples/modular';
const NAMES = ['BrakeSystem', 'Hazards', 'Software'];
const files = NAMES.map((n) => ({ name: `${DIR}/${n}.gsn`, text: readFileSync(new URL(`../../${DIR}/${n}.gsn`, import.meta.url), 'utf8') }));

const codes = (diagnostics: { code: string; file: string; line: number }[]) => diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`);

describe('modular extension: syntax', () => {
  it('reads imports after the module header and public before the kind', () => {
    const { value, diagnostics } = parse('module A "d"\nimport B\nimport C\npublic goal G1 "x"\n', { limits: DEFAULT_LIMITS });
    expect(diagnostics).toEqual([]);
    expect(value.imports?.map((i) => i.name)).toEqual(['B', 'C']);
    const g1 = value.items[0]!;
    expect(g1.type === 'element' && g1.modifiers.map((m) => m.name)).toEqual(['public']);
  });

  it('leaves imports out of a document without them', () => {
    expect(parse('goal G1 "x"', { limits: DEFAULT_LIMITS }).value).not.toHaveProperty('imports');
  });

  it('reports an import after an element, inside a block, or before the header', () => {
    const late = parse('goal G1 "x"\nimport B\n', { limits: DEFAULT_LIMITS }).diagnostics;
    expect(late.map((d) => d.code)).toEqual(['GSN110']);
    expect(late[0]!.message).toContain('after the module header');
    expect(parse('goal G1 "x" {\nimport B\n}', { limits: DEFAULT_LIMITS }).diagnostics.map((d) => d.code)).toContain('GSN110');
    expect(parse('import B\nmodule A\n', { limits: DEFAULT_LIMITS }).diagnostics.map((d) => d.message)).toEqual([
      'the module header must come first, before any import, element or link',
    ]);
    expect(parse('import\n', { limits: DEFAULT_LIMITS }).diagnostics[0]!.message).toContain("after 'import'");
  });

  it('draws a public element with the public indicator in a single-file compile', async () => {
    const result = await compile('public goal G1 "x" {\n  solution Sn1 "y"\n}\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.model!.elements[0]!.public).toBe(true);
    expect(result.svg).toContain('gsn-public');
    expect(result.svg).toContain('gsn-public-mark');
  });

  it('reports public before a bare ID (it decorates elements)', async () => {
    const result = await compile('goal G1 "x" {\n  public Sn1\n}\nsolution Sn1 "y"\n');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['GSN209']);
  });

  it('formats imports one per line, after the header', () => {
    const r = formatGsn('module A "d"\nimport   B import C\npublic   goal G1 "x" { G3 }\n');
    expect(r.text).toBe('module A "d"\nimport B\nimport C\npublic goal G1 "x" {\n  G3\n}\n');
  });

  it('scans the imports without the parser', () => {
    expect(scanImports('// c\nmodule A "d \\" x"\n/* b */ import B\nimport C.D import B\ngoal G1 "x"\nimport E')).toEqual(['B', 'C.D']);
    expect(scanImports('goal G1 "x"')).toEqual([]);
    expect(scanImports('\ufeffimport X')).toEqual(['X']);
  });
});

describe('modular extension: the example project', async () => {
  const result = await compileProject(files);

  it('compiles without diagnostics, one view per module', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.modules.map((m) => [m.name, m.imports, m.svg !== null])).toEqual([
      ['BrakeSystem', ['Hazards', 'Software'], true],
      ['Hazards', ['Software'], true],
      ['Software', [], true],
    ]);
  });

  it('resolves away elements and module references in the model', () => {
    const top = result.modules[0]!.model!;
    expect(top.elements.filter((e) => e.away).map((e) => [e.id, e.kind, e.away!.module])).toEqual([
      ['C2', 'context', 'Hazards'],
      ['G2', 'goal', 'Hazards'],
    ]);
    expect(top.elements.find((e) => e.id === 'Software')!.moduleRef).toEqual({ name: 'Software', description: 'Software integrity argument' });
    expect(top.edges.map((e) => `${e.from}>${e.to}:${e.relation}`)).toContain('G1>C2:inContextOf');
    expect(top.edges.map((e) => `${e.from}>${e.to}:${e.relation}`)).toContain('S1>Software:supportedBy');
    expect(result.modules[2]!.model!.elements.filter((e) => e.public).map((e) => e.id)).toEqual(['G5', 'G6']);
  });

  it('keeps the core layout rules, with the away compartment below the shape', () => {
    for (const m of result.modules) expectGsnRules(m.model!, m.layout!);
    const g2 = result.modules[0]!.layout!.nodes.find((n) => n.id === 'G2')!;
    expect(g2.away!.band.y).toBeCloseTo(g2.y + g2.height);
    expect(g2.away!.band.x).toBeGreaterThanOrEqual(g2.x - 0.01);
    expect(g2.away!.band.x + g2.away!.band.width).toBeLessThanOrEqual(g2.x + g2.width + 0.01);
    expect(result.modules[0]!.layout!.nodes.find((n) => n.id === 'Software')!.module).toBeDefined();
  });

  it('draws away elements, module references and public elements with their classes', () => {
    const top = result.modules[0]!.svg!;
    expect(top).toMatch(/<g id="gsn-node-G2" class="gsn-node gsn-goal gsn-away">/);
    expect(top).toMatch(/<g id="gsn-node-Software" class="gsn-node gsn-module">/);
    expect(top).toContain('<text class="gsn-away-module"');
    expect(result.modules[1]!.svg!).toMatch(/<g id="gsn-node-G2" class="gsn-node gsn-goal gsn-public">/);
  });

  it('draws the architecture view: module boxes linking to their diagrams, arrows for imports', () => {
    const arch = result.architecture;
    expect(arch.model!.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['BrakeSystem>Hazards', 'BrakeSystem>Software', 'Hazards>Software']);
    for (const n of NAMES) expect(arch.svg).toContain(`<a class="gsn-node-link" href="${n}.svg"`);
    expect(arch.svg!.match(/class="gsn-node gsn-module"/g)).toHaveLength(3);
  });

  it('matches the goldens', () => {
    for (const m of result.modules) expectGolden(`extensions/modular-${m.name}.svg`, m.svg!);
    expectGolden('extensions/modular-architecture.svg', result.architecture.svg!);
    expectGolden('extensions/modular-BrakeSystem.model.json', toGoldenJson(result.modules[0]!.model));
  });
});

describe('modular extension: cross-module checks', () => {
  const project = (sources: Record<string, string>) => compileProject(Object.entries(sources).map(([name, text]) => ({ name, text })));

  it('reports an unresolved import (GSN521) and an import cycle as its chain (GSN522)', async () => {
    const r = await project({
      'a.gsn': 'module A\nimport B\nimport Nowhere\ngoal G1 "a" { G2 }\n',
      'b.gsn': 'module B\nimport C\npublic goal G2 "b" { G3 }\n',
      'c.gsn': 'module C\nimport A\npublic goal G3 "c" { solution Sn1 "e" }\n',
    });
    expect(codes(r.diagnostics)).toEqual(['GSN521 a.gsn:3', 'GSN522 c.gsn:2']);
    expect(r.diagnostics[1]!.message).toContain('A -> B -> C -> A');
    expect(r.modules.every((m) => m.svg === null)).toBe(true);
    expect(r.architecture.svg).toBeNull();
  });

  it('reports a module importing itself as a cycle', async () => {
    const r = await project({ 'a.gsn': 'module A\nimport A\ngoal G1 "a" { solution Sn1 "e" }\n' });
    expect(codes(r.diagnostics)).toEqual(['GSN522 a.gsn:2']);
    expect(r.diagnostics[0]!.message).toContain('A -> A');
  });

  it('reports a duplicate ID across files at the second definition, the first in its own file (GSN201)', async () => {
    const r = await project({
      'a.gsn': 'module A\nimport B\ngoal G1 "a" { G2 }\n',
      'b.gsn': 'module B\n\npublic goal G2 "b" { solution G1 "e" }\n',
    });
    expect(codes(r.diagnostics)).toEqual(['GSN201 b.gsn:3']);
    expect(r.diagnostics[0]!.related).toEqual([expect.objectContaining({ file: 'a.gsn', line: 3, column: 6 })]);
  });

  it('allows only public elements of imported modules (GSN523, GSN524)', async () => {
    const r = await project({
      'a.gsn': 'module A\nimport B\ngoal G1 "a" { G2\n G3 }\n',
      'b.gsn': 'module B\nimport C\npublic goal G2 "b" { G4 }\n',
      'c.gsn': 'module C\npublic goal G4 "c" { solution Sn1 "e" }\ngoal G3 "d" { solution Sn2 "f" }\n',
    });
    expect(codes(r.diagnostics)).toEqual(['GSN524 a.gsn:4', 'GSN304 c.gsn:3']);
    const r2 = await project({
      'a.gsn': 'module A\nimport B\ngoal G1 "a" { G2 }\n',
      'b.gsn': 'module B\ngoal G2 "b" { solution Sn1 "e" }\n',
    });
    expect(codes(r2.diagnostics)).toEqual(['GSN523 a.gsn:3']);
    expect(r2.diagnostics[0]!.related![0]).toEqual(expect.objectContaining({ file: 'b.gsn', line: 2 }));
  });

  it('reports links from an away element (GSN525) and a module defined twice (GSN526)', async () => {
    const r = await project({
      'a.gsn': 'module A\nimport B\ngoal G1 "a" { G2 }\nsolution Sn9 "x"\nG2 -> Sn9\n',
      'b.gsn': 'module B\npublic goal G2 "b" { solution Sn1 "e" }\n',
      'b2.gsn': 'module B\nundeveloped goal G7 "x"\n',
    });
    expect(codes(r.diagnostics)).toEqual(['GSN525 a.gsn:5', 'GSN526 b2.gsn:1']);
  });

  it('names a module without a header after its file, and draws a module reference to it', async () => {
    const r = await project({ 'main.gsn': 'import sub\ngoal G1 "a" { sub }\n', 'dir/sub.gsn': 'goal G2 "b" { solution Sn1 "e" }\n' });
    expect(r.diagnostics).toEqual([]);
    expect(r.modules.map((m) => m.name)).toEqual(['main', 'sub']);
    expect(r.modules[0]!.svg).toMatch(/class="gsn-node gsn-module"/);
  });

  it('reports a problem in the text of an away element once, in its own module', async () => {
    const r = await project({ 'a.gsn': 'module A\nimport B\ngoal G1 "a" { Sn1 }\n', 'b.gsn': 'module B\npublic solution Sn1 "e\u200b"\n' });
    expect(codes(r.diagnostics)).toEqual(['GSN306 b.gsn:2']);
  });

  it('does not warn about away elements being undeveloped', async () => {
    const r = await project({ 'a.gsn': 'module A\nimport B\ngoal G1 "a" { G2 }\n', 'b.gsn': 'module B\npublic undeveloped goal G2 "b"\n' });
    expect(r.diagnostics).toEqual([]);
  });
});
