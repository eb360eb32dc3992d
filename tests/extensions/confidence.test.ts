/**
 * Confidence extension end to end: `@acp` is checked (GSN202, GSN505, GSN506), each assurance
 * claim point is placed on its element's outline or on its link's polyline, the core layout rules
 * still hold, and the SVG draws each as a gsn-acp group (golden).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import type { Layout, Point } from '../../src/layout/types.js';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
import { byId, expectGsnRules, onPolyline } from '../layout/rules.js';

const FILE = 'examples/ext-confidence.gsn';
const text = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');


const codes = async (source: string) => (await compile(source)).diagnostics.map((d) => `${d.code} ${d.severity}`);

describe('confidence extension, end to end', async () => {
  const result = await compile(text, { file: FILE });
  const layout = result.layout as Layout;

  it('compiles without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.svg).not.toBeNull();
  });

  it('resolves every ACP in the model', () => {
    const acps = result.model!.acps!;
    expect(acps.map((a) => a.name)).toEqual(['ACP1', 'ACP6', 'ACP4', 'ACP2', 'ACP3', 'ACP3', 'ACP5', 'ACP7', 'ACP8', 'ACP9']);
    expect(acps.find((a) => a.name === 'ACP4')!.on).toEqual({ type: 'relation', from: 'S1', to: 'C2' });
    expect(acps.find((a) => a.name === 'ACP6')!.on).toEqual({ type: 'element', id: 'C1' });
  });

  it('keeps the core layout rules', () => {
    expectGsnRules(result.model!, layout);
  });

  it('puts element ACPs on the shape and link ACPs on the link, inside the diagram', () => {
    const nodes = byId(layout);
    expect(layout.acps).toHaveLength(10);
    for (const a of layout.acps ?? []) {
      expect(a.x - a.size / 2).toBeGreaterThanOrEqual(0);
      expect(a.y - a.size / 2).toBeGreaterThanOrEqual(0);
      expect(a.label.x + a.labelWidth).toBeLessThanOrEqual(layout.width);
      if (a.on.type === 'element') {
        const n = nodes.get(a.on.id)!;
        expect(a.x).toBeGreaterThan(n.x + n.width / 2);
        expect(a.x).toBeLessThanOrEqual(n.x + n.width + 0.05);
        expect(a.y).toBeGreaterThanOrEqual(n.y - 0.05);
        expect(a.y).toBeLessThan(n.y + n.height / 2);
        continue;
      }
      const { from, to } = a.on;
      const edge = layout.edges.find((e) => e.from === from && e.to === to)!;
      expect(onPolyline(edge.points, a), `${a.name} on ${from} -> ${to}`).toBe(true);
      // On the link's own last segment, clear of the arrowhead.
      const end = edge.points[edge.points.length - 1]!;
      expect(Math.hypot(end.x - a.x, end.y - a.y)).toBeGreaterThanOrEqual(10 + a.size / 2);
    }
  });

  it('draws each ACP as a gsn-acp group with a title', () => {
    const svg = result.svg!;
    expect(svg.match(/<g class="gsn-acp"/g)).toHaveLength(10);
    expect(svg).toContain('<title>ACP1 on the link G1 -&gt; S1</title>');
    expect(svg).toContain('<title>ACP6 on C1</title>');
  });

  it('matches the goldens', () => {
    expectGolden('extensions/ext-confidence.svg', result.svg!);
    expectGolden('extensions/ext-confidence.layout.json', toGoldenJson(layout));
    expectGolden('extensions/ext-confidence.model.json', toGoldenJson(result.model));
  });
});

describe('confidence checks', () => {
  const base = 'goal G1 "a" { solution Sn1 "b" }\n';

  it('accepts an ACP naming its own element, as gsn2x writes it', async () => {
    const r = await compile(`${base}goal G2 "c" @acp(ACP6, G2) { Sn1 }`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.model!.acps).toEqual([{ name: 'ACP6', on: { type: 'element', id: 'G2' }, span: expect.anything() }]);
  });

  it('GSN505: an ACP on a link that is not stated', async () => {
    expect(await codes('goal G1 "a" @acp(A1, Sn2) { solution Sn1 "b" }\nsolution Sn2 "c"')).toContain('GSN505 error');
  });

  it('finds a link however it is written', async () => {
    const r = await compile('goal G1 "a" @acp(A1, Sn2) { solution Sn1 "b" }\nsolution Sn2 "c"\nG1 -> Sn2');
    expect(r.diagnostics.filter((d) => d.code.startsWith('GSN50'))).toEqual([]);
  });

  it('GSN506: a name placed twice', async () => {
    expect(await codes('goal G1 "a" @acp(A1) @acp(A1, Sn1) { solution Sn1 "b" }')).toEqual(['GSN506 error']);
  });

  it('GSN202: a target that names no element, with a suggestion', async () => {
    const r = await compile('goal G1 "a" @acp(A1, Sn2) { solution Sn1 "b" }');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['GSN202']);
    expect(r.diagnostics[0]!.message).toContain('did you mean Sn1?');
  });

  it('GSN210: @acp without a name, or with a string', async () => {
    expect(await codes('goal G1 "a" @acp { solution Sn1 "b" }')).toEqual(['GSN210 error']);
    expect(await codes('goal G1 "a" @acp("x") { solution Sn1 "b" }')).toEqual(['GSN210 error']);
  });

  it('several @acp on one element are not GSN308', async () => {
    expect(await codes('goal G1 "a" @acp(A1) @acp(A2, Sn1) { solution Sn1 "b" }')).toEqual([]);
  });

  it('leaves a case without ACPs unchanged', async () => {
    const r = await compile('goal G1 "a" { solution Sn1 "b" }');
    expect(r.model).not.toHaveProperty('acps');
    expect(r.layout).not.toHaveProperty('acps');
    expect(r.svg).not.toContain('gsn-acp');
  });
});
