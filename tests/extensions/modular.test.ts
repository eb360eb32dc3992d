/**
 * Modular extension end to end: `import` (by name or path), `public` and `contract` are parsed,
 * compileProject links the modules (away elements, module references, contract modules),
 * checks the project (GSN201 across files, GSN521-GSN526, GSN531-GSN535) with every diagnostic
 * in its own file, and draws one argument view per module and an architecture view whose
 * module boxes link to the module diagrams (goldens).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, compile, compileProject, formatGsn, parse } from '../../src/index.js';
import { scanImports } from '../../src/syntax/imports.js';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
import { expectGsnRules } from '../layout/rules.js';

const DIR = 'examples/modular';
const NAMES = ['BrakeSystem', 'Hazards', 'Software', 'SoftwareContract'];
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
    expect(scanImports('// c\nmodule A "d \\" x"\n/* b */ import B\nimport C.D import B\ngoal G1 "x"\nimport E')).toEqual([{ name: 'B' }, { name: 'C.D' }]);
    expect(scanImports('goal G1 "x"')).toEqual([]);
    expect(scanImports('\ufeffimport X')).toEqual([{ name: 'X' }]);
    expect(scanImports('module A\nimport "lib/b.gsn" import B import "lib/b.gsn"\nimport "a\\"q.gsn"\nimport "open')).toEqual([{ path: 'lib/b.gsn' }, { name: 'B' }, { path: 'a"q.gsn' }]);
    expect(scanImports('// c\ncontract module C "d"\nimport P\nG1 -> S1\n')).toEqual([{ name: 'P' }]);
  });

  it('reads an import by path, its escapes decoded', () => {
    const { value, diagnostics } = parse('module A\nimport "lib/B.gsn"\nimport "x\\\\y.gsn"\n', { limits: DEFAULT_LIMITS });
    expect(diagnostics).toEqual([]);
    expect(value.imports?.map((i) => [i.name, i.path])).toEqual([
      [null, 'lib/B.gsn'],
      [null, 'x\\y.gsn'],
    ]);
    expect(value.imports![0]!.nameSpan).toEqual({ start: 16, end: 27 });
    expect(parse('import 3\n', { limits: DEFAULT_LIMITS }).diagnostics[0]!.message).toContain('import "path/to/file.gsn"');
    expect(formatGsn('import   "lib/B.gsn"  import C\ngoal G1 "x"\n').text).toBe('import "lib/B.gsn"\nimport C\ngoal G1 "x"\n');
  });
});

describe('modular extension: the example project', async () => {
  const result = await compileProject(files);

  it('compiles without diagnostics, one view per module', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.modules.map((m) => [m.name, m.imports, m.svg !== null])).toEqual([
      ['BrakeSystem', ['Hazards', 'Software'], true],
      ['Hazards', ['SoftwareContract'], true],
      ['Software', [], true],
      ['SoftwareContract', ['Software'], true],
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

  it('draws a contract module reference: the module shape with a second tab, of the same size, at the bottom right', () => {
    const hazards = result.modules[1]!;
    expect(hazards.model!.elements.find((e) => e.id === 'SoftwareContract')!.moduleRef).toEqual({
      name: 'SoftwareContract',
      description: 'Software integrity supports the mitigation of unintended braking',
      contract: true,
    });
    const node = hazards.layout!.nodes.find((n) => n.id === 'SoftwareContract')!;
    const { tab, contractTab } = node.module!;
    expect(contractTab).toEqual({ x: node.x + node.width - tab.width, y: node.y + node.height, width: tab.width, height: tab.height });
    expect(hazards.svg).toMatch(/<g id="gsn-node-SoftwareContract" class="gsn-node gsn-module gsn-contract">/);
    expect(hazards.svg).toContain('<rect class="gsn-shape gsn-module-tab gsn-contract-tab"');
    expect(result.modules[0]!.svg).not.toContain('gsn-contract'); // a plain module reference has one tab
  });

  it('draws the contract module: the goal it develops as an away goal, its link starting below the compartment', () => {
    const contract = result.modules[3]!;
    expect(contract.model!.elements.filter((e) => e.away).map((e) => [e.id, e.away!.module])).toEqual([
      ['G4', 'Hazards'],
      ['G6', 'Software'],
    ]);
    expect(contract.model!.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['G4>S4', 'S4>C4', 'S4>J4', 'S4>G6']);
    const g4 = contract.layout!.nodes.find((n) => n.id === 'G4')!;
    const link = contract.layout!.edges.find((e) => e.from === 'G4')!;
    expect(link.points[0]!.x).toBeCloseTo(g4.x + g4.width / 2, 1);
    expect(link.points[0]!.y).toBeCloseTo(g4.away!.band.y + g4.away!.band.height, 2);
    expect(link.points.slice(1).every((p) => p.y > link.points[0]!.y - 0.01)).toBe(true);
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
    expect(arch.model!.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['BrakeSystem>Hazards', 'BrakeSystem>Software', 'Hazards>SoftwareContract', 'SoftwareContract>Software']);
    for (const n of NAMES) expect(arch.svg).toContain(`<a class="gsn-node-link" href="${n}.svg"`);
    expect(arch.svg!.match(/class="gsn-node gsn-module"/g)).toHaveLength(3);
    expect(arch.svg!.match(/class="gsn-node gsn-module gsn-contract"/g)).toHaveLength(1);
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

  it('imports by path relative to the importing file, with cycles through paths shown as their chain (GSN522)', async () => {
    const r = await project({
      'case/main.gsn': 'module Main\nimport "lib/Sub.gsn"\ngoal G1 "a" { G2 }\n',
      'case/lib/Sub.gsn': 'module Sub\nimport "./deeper/../deeper/Deep.gsn"\npublic goal G2 "b" { Deep }\n',
      'case/lib/deeper/Deep.gsn': 'module Deep "The deep module"\ngoal G3 "c" { solution Sn1 "e" }\n',
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.modules.map((m) => [m.name, m.imports])).toEqual([
      ['Main', ['Sub']],
      ['Sub', ['Deep']],
      ['Deep', []],
    ]);
    expect(codes((await project({ 'case/main.gsn': 'module Main\nimport "lib/Sub.gsn"\ngoal G1 "a" { G2 }\n', 'case/lib/Sub.gsn': 'module Sub\n\nimport Main\npublic goal G2 "b" { solution Sn1 "e" }\n' })).diagnostics)).toEqual([
      'GSN522 case/lib/Sub.gsn:3',
    ]);
    const cycle = await project({ 'a.gsn': 'module A\nimport "sub/b.gsn"\ngoal G1 "a" { G2 }\n', 'sub/b.gsn': 'module B\nimport "../a.gsn"\npublic goal G2 "b" { solution Sn1 "e" }\n' });
    expect(codes(cycle.diagnostics)).toEqual(['GSN522 sub/b.gsn:2']);
    expect(cycle.diagnostics[0]!.message).toContain('A -> B -> A');
  });

  it('reports a path that names no file of the project (GSN521) and one that leaves the project or is absolute (GSN535)', async () => {
    const r = await project({
      'case/main.gsn': 'import "lib/Gone.gsn"\nimport "../outside.gsn"\nimport "/etc/passwd"\nimport "C:\\\\x.gsn"\nimport ""\nimport "lib/../../case/x.gsn"\ngoal G1 "a" { solution Sn1 "e" }\n',
      'outside.gsn': 'goal G9 "not read" { solution Sn9 "e" }\n',
    });
    expect(r.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([
      'GSN521 case/main.gsn:1:8',
      'GSN535 case/main.gsn:2:8',
      'GSN535 case/main.gsn:3:8',
      'GSN535 case/main.gsn:4:8',
      'GSN535 case/main.gsn:5:8',
      'GSN521 case/main.gsn:6:8',
    ]);
    expect(r.diagnostics[0]!.message).toBe('no file case/lib/Gone.gsn is part of the project (import "lib/Gone.gsn" is read relative to case/main.gsn)');
    expect(r.diagnostics[1]!.message).toContain('leads to outside.gsn, outside the project (case, the directory of the main file)');
    expect(r.diagnostics[2]!.message).toContain('is an absolute path');
    expect(r.modules[0]!.imports).toEqual([]);
  });

  describe('contract modules', () => {
    const HAZARDS = 'module Hazards\nimport Contract\ngoal G1 "top" {\n  contract Contract\n}\n';
    const CONTRACT = 'contract module Contract "The contract"\nimport Parts\nG1 -> S1\nstrategy S1 "s" {\n  G2\n}\n';
    const PARTS = 'module Parts\npublic goal G2 "part" {\n  solution Sn1 "e"\n}\n';

    it('links a goal to the goals of another module through a contract module, without either naming the other', async () => {
      const r = await project({ 'h.gsn': HAZARDS.replace('goal G1', 'public goal G1'), 'c.gsn': CONTRACT, 'p.gsn': PARTS });
      expect(r.diagnostics).toEqual([]);
      expect(r.modules.map((m) => [m.name, m.imports])).toEqual([
        ['Hazards', ['Contract']],
        ['Contract', ['Parts']],
        ['Parts', []],
      ]);
      expect(r.architecture.model!.elements.map((e) => [e.id, e.moduleRef!.contract === true])).toEqual([
        ['Hazards', false],
        ['Contract', true],
        ['Parts', false],
      ]);
    });

    it('parses the header and the reference, and formats them on one line each', () => {
      const header = parse('contract   module C "d"\n', { limits: DEFAULT_LIMITS }).value.module!;
      expect([header.name, header.contractSpan]).toEqual(['C', { start: 0, end: 8 }]);
      const goal = parse(HAZARDS, { limits: DEFAULT_LIMITS }).value.items[0]!;
      expect(goal.type === 'element' && goal.children[0]).toEqual({ type: 'reference', id: 'Contract', span: { start: 58, end: 66 }, contractSpan: { start: 49, end: 57 } });
      expect(formatGsn('contract module C "d"\nimport P\ngoal G1 "x" { contract C }\n').text).toBe('contract module C "d"\nimport P\ngoal G1 "x" {\n  contract C\n}\n');
      const errors = (text: string) => parse(text, { limits: DEFAULT_LIMITS }).diagnostics.map((d) => d.message);
      expect(errors('goal G1 "x" {\n  contract\n}\n')).toEqual([expect.stringContaining("expected the name of a contract module after 'contract'")]);
      expect(errors('contract C\n')).toEqual([expect.stringContaining('is written in the block of the goal it supports')]);
    });

    it('reports what contract Name must name: a contract module of the project (GSN531), imported (GSN524)', async () => {
      const r = await project({
        'h.gsn': 'module Hazards\nimport Contract\nimport Parts\npublic goal G1 "top" {\n  contract G3\n  contract Nowhere\n  contract Parts\n  contract Hazards\n  contract G2\n}\ngoal G3 "x" {\n  contract Other\n}\n',
        'c.gsn': CONTRACT,
        'p.gsn': PARTS,
        'o.gsn': 'contract module Other\n',
      });
      expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['GSN531 5:3', 'GSN531 6:3', 'GSN531 7:3', 'GSN531 8:3', 'GSN531 9:3', 'GSN524 12:3']);
      expect(r.diagnostics.map((d) => d.message)).toEqual([
        'contract G3 must name a contract module of the project, and G3 is a goal of this module',
        'contract Nowhere must name a contract module of the project, and no module of the project is named Nowhere',
        'contract Parts must name a contract module of the project, and module Parts is not one: declare it with contract module Parts in its file, or reference it as a module with a bare Parts',
        'contract Hazards must name a contract module of the project, and Hazards is this module itself',
        'contract G2 must name a contract module of the project, and G2 is a goal of module Parts',
        'contract Other names contract module Other, which Hazards does not import; add import Other',
      ]);
    });

    it('reports a contract referenced as a module (GSN532), outside a goal (GSN533), or not developing the goal (GSN534)', async () => {
      const r = await project({
        'h.gsn': 'module Hazards\nimport Contract\npublic goal G1 "top" {\n  Contract\n  strategy S9 "s" {\n    contract Contract\n  }\n  goal G5 "y" {\n    contract Contract\n  }\n}\n',
        'c.gsn': CONTRACT,
        'p.gsn': PARTS,
      });
      expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['GSN532 4:3', 'GSN533 6:5', 'GSN534 9:5']);
      expect(r.diagnostics[0]!.message).toBe('Contract is a contract module; write contract Contract to reference it');
      expect(r.diagnostics[2]!.message).toBe('contract module Contract does not develop G5: in c.gsn, link G5 (an away goal of Hazards) to the argument that supports it, as in G5 -> S1');
    });

    it('lets a contract module develop only goals of the modules that import it, from public goals (GSN524, GSN523, GSN525)', async () => {
      const r = await project({
        'h.gsn': HAZARDS,
        'c.gsn': CONTRACT + 'G2 -> S2\nstrategy S2 "t" {\n  G7\n}\n',
        'p.gsn': PARTS,
        'x.gsn': 'module Unrelated\npublic goal G7 "x" {\n  solution Sn7 "e"\n}\n',
      });
      expect(r.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual(['GSN523 c.gsn:3:1', 'GSN525 c.gsn:7:1', 'GSN524 c.gsn:9:3']);
      expect(r.diagnostics[2]!.message).toContain('which contract module Contract neither imports nor is imported by');
    });
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
