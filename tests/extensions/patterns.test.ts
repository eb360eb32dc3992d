/**
 * Pattern extension end to end: `many`, `optional`, `choice` and `{placeholder}` are parsed and
 * checked (GSN507-GSN511), the balls sit on their links and the diamond on its element's link
 * junction, the core layout rules still hold, and the SVG carries the classes (golden).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import type { Layout, Point } from '../../src/layout/types.js';
import { CHOICE_HEIGHT, CHOICE_WIDTH } from '../../src/layout/patterns.js';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
import { byId, expectGsnRules, onPolyline } from '../layout/rules.js';

const FILE = 'examples/ext-patterns.gsn';
const text = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');


const codes = async (source: string) => (await compile(source)).diagnostics.map((d) => d.code);

/** No segment of the polyline comes within the choice diamond drawn at `at`. */
function expectClearOf(points: readonly Point[], at: Point, what: string): void {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const x = Math.min(Math.max(at.x, Math.min(a.x, b.x)), Math.max(a.x, b.x));
    const y = Math.min(Math.max(at.y, Math.min(a.y, b.y)), Math.max(a.y, b.y));
    const clear = Math.abs(x - at.x) > CHOICE_WIDTH / 2 || Math.abs(y - at.y) > CHOICE_HEIGHT / 2;
    expect(clear, `${what} stays clear of the diamond at ${at.x},${at.y}`).toBe(true);
  }
}

describe('pattern extension, end to end', async () => {
  const result = await compile(text, { file: FILE });
  const layout = result.layout as Layout;

  it('compiles without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.svg).not.toBeNull();
  });

  it('puts multiplicity on the links and choice on the element in the model', () => {
    const edge = (from: string, to: string) => result.model!.edges.find((e) => e.from === from && e.to === to)!;
    expect(edge('S2', 'G2').multiplicity).toEqual({ kind: 'many', label: 'n' });
    expect(edge('S3', 'G5').multiplicity).toEqual({ kind: 'many', label: '1..*' });
    expect(edge('G5', 'Sn1').multiplicity).toEqual({ kind: 'many', label: null });
    expect(edge('G2', 'G4').multiplicity).toEqual({ kind: 'optional', label: null });
    expect(edge('G1', 'C4').multiplicity).toEqual({ kind: 'optional', label: null });
    expect(edge('G2', 'G3')).not.toHaveProperty('multiplicity');
    const g7 = result.model!.elements.find((e) => e.id === 'G7')!;
    expect(g7.choice).toEqual({ label: '1 of 2' });
    // The choice group in G6's block: only Sn3 and Sn4 are alternatives; G6 itself is no choice.
    expect(result.model!.choices).toEqual([{ from: 'G6', label: '1 of 2', to: ['Sn3', 'Sn4'], span: expect.anything() }]);
    expect(result.model!.elements.find((e) => e.id === 'G6')).not.toHaveProperty('choice');
    expect(result.model!.elements.find((e) => e.id === 'G2')!.uninstantiated).toBe(true);
  });

  it('keeps the core layout rules', () => {
    expectGsnRules(result.model!, layout);
  });

  it('puts each ball on its link before the arrowhead, and the diamond below its element', () => {
    const marked = layout.edges.filter((e) => e.multiplicity);
    expect(marked).toHaveLength(6);
    for (const e of marked) {
      const m = e.multiplicity!;
      expect(onPolyline(e.points, m.at), `${e.from} -> ${e.to}`).toBe(true);
      const end = e.points[e.points.length - 1]!;
      expect(Math.hypot(end.x - m.at.x, end.y - m.at.y)).toBeGreaterThanOrEqual(10);
      if (m.labelAt) expect(m.labelAt.x + m.labelWidth).toBeLessThanOrEqual(layout.width);
    }
    const g7 = byId(layout).get('G7')!;
    expect(g7.choice!.at.x).toBeCloseTo(g7.x + g7.width / 2, 1);
    expect(g7.choice!.at.y).toBeGreaterThan(g7.y + g7.height);
    for (const e of layout.edges.filter((x) => x.from === 'G7' && x.relation === 'supportedBy')) {
      expect(onPolyline(e.points, g7.choice!.at), `G7 -> ${e.to} passes the diamond`).toBe(true);
    }
  });

  it("puts a choice group's diamond on the junction of the group's links only", () => {
    const g6 = byId(layout).get('G6')!;
    const mark = layout.choices![0]!;
    expect(mark).toMatchObject({ from: 'G6', to: ['Sn3', 'Sn4'], label: '1 of 2' });
    const link = (to: string) => layout.edges.find((e) => e.from === 'G6' && e.to === to)!;
    for (const to of ['Sn3', 'Sn4']) expect(onPolyline(link(to).points, mark.at), `G6 -> ${to} passes the diamond`).toBe(true);
    expectClearOf(link('Sn2').points, mark.at, 'G6 -> Sn2');
    // The group's links leave G6's bottom from one point, the ordinary link from another, left of
    // it (Sn2 is written first); the diamond is on the group's own trunk, below G6.
    const start = (to: string) => link(to).points[0]!;
    expect(start('Sn4')).toEqual(start('Sn3'));
    expect(start('Sn2').x).toBeLessThan(start('Sn3').x - CHOICE_WIDTH);
    for (const to of ['Sn2', 'Sn3']) expect(start(to).y).toBeCloseTo(g6.y + g6.height, 1);
    expect(mark.at.x).toBeCloseTo(start('Sn3').x, 1);
    expect(mark.at.y).toBeGreaterThan(g6.y + g6.height);
    expect(mark.labelAt!.x + mark.labelWidth).toBeLessThanOrEqual(layout.width);
  });

  it('marks many, optional, choice and uninstantiated in the SVG', () => {
    const svg = result.svg!;
    expect(svg.match(/<g class="gsn-many"/g)).toHaveLength(3);
    expect(svg.match(/<g class="gsn-optional"/g)).toHaveLength(3);
    expect(svg.match(/<g class="gsn-choice"/g)).toHaveLength(2);
    expect(svg).toContain('<g class="gsn-choice" data-from="G6" data-to="Sn3 Sn4">');
    expect(svg).toContain('>1 of 2</text>');
    expect(svg).toContain('>1..*</text>');
    expect(svg).toContain('class="gsn-node gsn-goal gsn-undeveloped gsn-uninstantiated"');
  });

  it('matches the goldens', () => {
    expectGolden('extensions/ext-patterns.svg', result.svg!);
    expectGolden('extensions/ext-patterns.layout.json', toGoldenJson(layout));
    expectGolden('extensions/ext-patterns.model.json', toGoldenJson(result.model));
  });
});

describe('pattern syntax and checks', () => {
  it('reads many and optional before a bare ID and a link statement', async () => {
    const r = await compile('goal G1 "a" { many(3) Sn1 }\nsolution Sn1 "b"\nsolution Sn2 "c"\noptional G1 -> Sn2');
    expect(r.diagnostics).toEqual([]);
    expect(r.model!.edges.map((e) => e.multiplicity)).toEqual([
      { kind: 'many', label: '3' },
      { kind: 'optional', label: null },
    ]);
  });

  it('GSN507: many before a top-level element or a challenge', async () => {
    expect(await codes('many goal G1 "a" { solution Sn1 "b" }')).toContain('GSN507');
    const dialectic = 'goal G1 "a" { solution Sn1 "b" }\ncounter goal CG1 "c" { undeveloped counter goal CG2 "d" }\nmany CG1 challenges G1';
    expect(await codes(dialectic)).toContain('GSN507');
  });

  it('GSN508: many and optional on one link', async () => {
    expect(await codes('goal G1 "a" { optional many solution Sn1 "b" }')).toEqual(['GSN508']);
  });

  it('GSN509: a label on a modifier that takes none', async () => {
    expect(await codes('undeveloped("x") goal G1 "a"')).toEqual(['GSN509']);
  });

  it('GSN209: choice on a solution, or before a bare ID', async () => {
    expect(await codes('goal G1 "a" { choice solution Sn1 "b" }')).toContain('GSN209');
    expect(await codes('goal G1 "a" { choice Sn1 }\nsolution Sn1 "b"')).toContain('GSN209');
  });

  it('GSN510: a placeholder outside an uninstantiated element (warning), at the placeholder', async () => {
    const r = await compile('goal G1 "Hazard {H} is mitigated" { solution Sn1 "b" }');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([['GSN510', 'warning', 1, 17]]);
    expect(await codes('uninstantiated goal G1 "Hazard {H} is mitigated" { solution Sn1 "b" }')).toEqual([]);
  });

  it('GSN511: a choice with fewer than two alternatives (warning)', async () => {
    expect(await codes('choice goal G1 "a" { solution Sn1 "b" }')).toEqual(['GSN511']);
  });

  it('leaves a case without patterns unchanged', async () => {
    const r = await compile('goal G1 "a" { solution Sn1 "b" }');
    expect(JSON.stringify(r.layout)).not.toMatch(/multiplicity|choice/);
    expect(r.svg).not.toMatch(/gsn-many|gsn-optional|gsn-choice/);
  });
});

describe('choice groups', () => {
  // Ordinary links on both sides of two groups, on a goal and on a strategy.
  const source = [
    'goal G1 "Top" {',
    '  goal G2 "Always, left" { undeveloped goal G3 "a" }',
    '  choice("1 of 2") {',
    '    goal G4 "One" { undeveloped goal G5 "b" }',
    '    goal G6 "Other" { undeveloped goal G7 "c" }',
    '  }',
    '  strategy S1 "Always, right" {',
    '    undeveloped goal G8 "d"',
    '    choice("2 of 3") {',
    '      undeveloped goal G9 "e"',
    '      undeveloped goal G10 "f"',
    '      G11',
    '    }',
    '    choice { undeveloped goal G12 "g"\n undeveloped goal G13 "h" }',
    '  }',
    '}',
    'undeveloped goal G11 "Shared alternative"',
  ].join('\n');

  it('checks, models, lays out and draws each group apart from the ordinary links', async () => {
    const r = await compile(source);
    expect(r.diagnostics).toEqual([]);
    expect(r.model!.choices!.map((c) => [c.from, c.label, c.to])).toEqual([
      ['G1', '1 of 2', ['G4', 'G6']],
      ['S1', '2 of 3', ['G9', 'G10', 'G11']],
      ['S1', null, ['G12', 'G13']],
    ]);
    const layout = r.layout as Layout;
    expectGsnRules(r.model!, layout);
    const starts = new Map<string, string>();
    layout.choices!.forEach((mark, j) => {
      const group = r.model!.choices![j]!;
      const links = layout.edges.filter((e) => e.from === group.from && e.relation === 'supportedBy');
      for (const e of links) {
        const inGroup = group.to.includes(e.to);
        if (inGroup) expect(onPolyline(e.points, mark.at), `${e.from} -> ${e.to} passes its diamond`).toBe(true);
        else expectClearOf(e.points, mark.at, `${e.from} -> ${e.to}`);
      }
      const first = links.find((e) => e.to === group.to[0])!.points[0]!;
      starts.set(`${group.from} ${j}`, `${first.x},${first.y}`);
    });
    // Each group leaves its element from a point of its own, apart from the ordinary links.
    const ordinary = (from: string, to: string) => layout.edges.find((e) => e.from === from && e.to === to)!.points[0]!;
    expect(new Set([...starts.values(), `${ordinary('G1', 'G2').x},${ordinary('G1', 'G2').y}`, `${ordinary('S1', 'G8').x},${ordinary('S1', 'G8').y}`]).size).toBe(5);
    expect(r.svg!.match(/<g class="gsn-choice"/g)).toHaveLength(3);
    expect(r.svg).toContain('data-to="G9 G10 G11"');
  });

  it('reads bare IDs in a group, and leaves ordinary children ordinary', async () => {
    const r = await compile('goal G1 "a" {\n  Sn1\n  choice { Sn2 Sn3 }\n}\nsolution Sn1 "b"\nsolution Sn2 "c"\nsolution Sn3 "d"');
    expect(r.diagnostics).toEqual([]);
    expect(r.model!.choices).toEqual([{ from: 'G1', label: null, to: ['Sn2', 'Sn3'], span: expect.anything() }]);
  });

  it('GSN511: a group with fewer than two alternatives (warning), at its choice', async () => {
    const r = await compile('goal G1 "a" {\n  solution Sn1 "b"\n  choice("1 of 1") { solution Sn2 "c" }\n}');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([['GSN511', 'warning', 3, 3]]);
    expect(r.diagnostics[0]!.message).toContain('the choice group in the block of goal G1 holds one SupportedBy link');
  });

  it('GSN540: a group in the block of a choice element', async () => {
    const r = await compile('choice goal G1 "a" {\n  solution Sn1 "b"\n  choice { solution Sn2 "c"\n solution Sn3 "d" }\n}');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['GSN540', 3, 3]]);
    expect(r.diagnostics[0]!.related?.[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('GSN541: a context, assumption (nested or bare) or challenge in a group', async () => {
    const text = [
      'goal G1 "a" {',
      '  choice {',
      '    solution Sn1 "b"',
      '    solution Sn2 "c"',
      '    context C1 "d"',
      '    A1',
      '  }',
      '}',
      'assumption A1 "e"',
      'counter goal CG1 "f" {',
      '  undeveloped counter goal CG2 "g"',
      '  choice { challenges G1 }',
      '}',
    ].join('\n');
    const r = await compile(text);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['GSN541', 5, 13],
      ['GSN541', 6, 5],
      ['GSN511', 12, 3],
      ['GSN541', 12, 12],
    ]);
    expect(r.diagnostics[0]!.message).toContain('context C1 is in the context of G1, not a SupportedBy link');
  });

  it('GSN209: a group in the block of a solution', async () => {
    expect(await codes('goal G1 "a" { solution Sn1 "b" { choice { solution Sn2 "c" } } }')).toEqual(expect.arrayContaining(['GSN209', 'GSN204']));
  });
});
