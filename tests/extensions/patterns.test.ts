/**
 * Pattern extension end to end: `many`, `optional`, `choice` and `{placeholder}` are parsed and
 * checked (GSN507-GSN511), the balls sit on their links and the diamond on its element's link
 * junction, the core layout rules still hold, and the SVG carries the classes (golden).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import type { Layout, Point } from '../../src/layout/types.js';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
import { byId, expectGsnRules, onPolyline } from '../layout/rules.js';

const FILE = 'examples/ext-patterns.gsn';
const text = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');


const codes = async (source: string) => (await compile(source)).diagnostics.map((d) => d.code);

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

  it('marks many, optional, choice and uninstantiated in the SVG', () => {
    const svg = result.svg!;
    expect(svg.match(/<g class="gsn-many"/g)).toHaveLength(3);
    expect(svg.match(/<g class="gsn-optional"/g)).toHaveLength(3);
    expect(svg.match(/<g class="gsn-choice"/g)).toHaveLength(1);
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
