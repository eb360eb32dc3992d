import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { evidenceMarkdown } from '../../src/export/evidence.js';
import { sacmXml } from '../../src/export/sacm.js';
import { compile } from '../../src/index.js';
import { expectGolden } from '../helpers/golden.js';
import { ROOT } from './helpers.js';

const EXAMPLES = ['minimal', 'hazard-directed', 'shared-evidence', 'multilingual', 'ai-deployment', 'ai-holes', 'ext-dialectic', 'ext-patterns', 'ext-confidence'];

async function compileExample(name: string) {
  const file = `examples/${name}.gsn`;
  return compile(readFileSync(join(ROOT, file), 'utf8'), { file });
}

function parseXml(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(xml, 'text/xml');
  return { doc, errors };
}

describe('SACM export', () => {
  it.each(EXAMPLES)('%s: well-formed, every element and link present, unique xmi:ids', async (name) => {
    const result = await compileExample(name);
    const xml = sacmXml(result, name);
    const { doc, errors } = parseXml(xml);
    expect(errors).toEqual([]);
    const all = Array.from(doc.getElementsByTagName('*'));
    const ids = all.map((e) => e.getAttribute('xmi:id')).filter((id): id is string => !!id);
    expect(new Set(ids).size).toBe(ids.length);
    const byId = new Map(all.filter((e) => e.getAttribute('xmi:id')).map((e) => [e.getAttribute('xmi:id')!, e]));
    const expectedType = { goal: 'sacm:Claim', assumption: 'sacm:Claim', justification: 'sacm:Claim', strategy: 'sacm:ArgumentReasoning', solution: 'sacm:ArtifactReference', context: 'sacm:ArtifactReference' };
    for (const element of result.model!.elements) {
      const node = byId.get(element.id);
      expect(node?.getAttribute('xsi:type'), element.id).toBe(expectedType[element.kind]);
      if (element.kind === 'assumption') expect(node!.getAttribute('assertionDeclaration')).toBe('assumed');
      if (element.kind === 'justification') expect(node!.getAttribute('assertionDeclaration')).toBe('axiomatic');
      if (element.kind === 'goal') expect(node!.getAttribute('assertionDeclaration')).toBe(element.defeated ? 'defeated' : element.undeveloped ? 'needsSupport' : 'asserted');
      if (element.kind === 'solution' || element.kind === 'context') {
        expect(byId.get(node!.getAttribute('referencedArtifactElement')!)?.getAttribute('xsi:type')).toBe('sacm:Artifact');
      }
    }
    const relations = all.filter((e) => /^sacm:Asserted/.test(e.getAttribute('xsi:type') ?? '') && e.getAttribute('isCounter') !== 'true');
    expect(relations.length).toBe(result.model!.edges.length);
    const counters = all.filter((e) => e.getAttribute('isCounter') === 'true');
    expect(counters.length).toBe(result.model!.challenges?.length ?? 0);
    // Every reference inside the package points at an xmi:id that is there.
    for (const e of [...relations, ...counters]) for (const end of ['source', 'target']) expect(byId.has(e.getAttribute(end)!), `${e.getAttribute('xmi:id')} ${end}`).toBe(true);
    result.model!.edges.forEach((edge, i) => {
      const r = relations[i]!;
      expect([r.getAttribute('source'), r.getAttribute('target')]).toEqual([edge.to, edge.from]);
      const child = result.model!.elements.find((e) => e.id === edge.to)!;
      const type = edge.relation === 'inContextOf' ? 'sacm:AssertedContext' : child.kind === 'solution' ? 'sacm:AssertedEvidence' : 'sacm:AssertedInference';
      expect(r.getAttribute('xsi:type')).toBe(type);
    });
    expect(sacmXml(await compileExample(name), name)).toBe(xml);
  });

  it('writes challenges as counter relationships, defeats as declarations, patterns as tagged values', async () => {
    const { doc } = parseXml(sacmXml(await compileExample('ext-dialectic'), 'dialectic'));
    const byId = (id: string) => Array.from(doc.getElementsByTagName('*')).find((e) => e.getAttribute('xmi:id') === id);
    expect(byId('G2')?.getAttribute('assertionDeclaration')).toBe('defeated');
    expect(byId('counter-CG1-G2')?.getAttribute('source')).toBe('CG1');
    expect(byId('counter-CG1-G2')?.getAttribute('target')).toBe('G2');
    // A challenge of a link targets the link's relationship; a challenge of a challenge, that one's.
    expect(byId('counter-CSn5-G6-Sn3')?.getAttribute('target')).toBe('evidence-G6-Sn3');
    expect(byId('evidence-G6-Sn3')?.getAttribute('assertionDeclaration')).toBe('defeated');
    expect(byId('counter-CG3-CSn2-G5')?.getAttribute('target')).toBe('counter-CSn2-G5');
    expect(byId('counter-CSn2-G5')?.getAttribute('xsi:type')).toBe('sacm:AssertedEvidence');

    const patterns = parseXml(sacmXml(await compileExample('ext-patterns'), 'patterns')).doc;
    const tags = Array.from(patterns.getElementsByTagName('taggedValue')).map((t) => `${(t.parentNode as unknown as { getAttribute(name: string): string | null }).getAttribute('xmi:id')} ${t.getAttribute('key')}=${t.getAttribute('value')}`);
    expect(tags).toEqual(
      expect.arrayContaining(['G7 gsn.choice=S2 S3', 'G7 gsn.choice.label=1 of 2', 'inference-S2-G2 gsn.multiplicity=many', 'inference-S2-G2 gsn.multiplicity.label=n', 'inference-G2-G4 gsn.multiplicity=optional']),
    );
  });

  it('matches the golden file for minimal', async () => {
    expectGolden('export/minimal.sacm.xml', sacmXml(await compileExample('minimal'), 'minimal'));
  });

  it('escapes user text and keeps line breaks', async () => {
    const result = await compile('module M "a & b"\ngoal G1 "x < y & \\"q\\" > z\nsecond line" @url("https://e.org/?a=1&b=2") {\n  solution Sn1 "</value>]]>" @url("https://e.org/?a=1&b=2")\n}\n');
    const xml = sacmXml(result);
    const { doc, errors } = parseXml(xml);
    expect(errors).toEqual([]);
    const values = Array.from(doc.getElementsByTagName('value')).map((v) => v.getAttribute('content'));
    expect(values).toContain('</value>]]>');
    expect(xml).toContain('&#10;');
    expect(Array.from(doc.getElementsByTagName('artifactElement')).map((e) => e.getAttribute('location'))).toContain('https://e.org/?a=1&b=2');
  });
});

describe('evidence list', () => {
  it('lists every solution with its link and the claims it supports', async () => {
    const result = await compileExample('hazard-directed');
    const md = evidenceMarkdown(result, 'hazard-directed');
    const solutions = result.model!.elements.filter((e) => e.kind === 'solution');
    const rows = md.split('\n').filter((l) => /^\| [A-Za-z_]/.test(l) && !l.startsWith('| ID |'));
    expect(rows.map((r) => r.split(' | ')[0]!.slice(2))).toEqual(solutions.map((s) => s.id.replace(/_/g, '\\_')));
    for (const s of solutions) {
      const row = rows.find((r) => r.startsWith(`| ${s.id.replace(/_/g, '\\_')} |`))!;
      if (s.url) expect(row).toContain(`](${s.url})`);
      for (const e of result.model!.edges.filter((e) => e.to === s.id && e.relation === 'supportedBy')) expect(row).toContain(e.from);
    }
    expect(evidenceMarkdown(await compileExample('hazard-directed'), 'hazard-directed')).toBe(md);
  });

  it('shared evidence names every claim it supports', async () => {
    const result = await compileExample('shared-evidence');
    const md = evidenceMarkdown(result);
    const shared = result.model!.elements.find((s) => s.kind === 'solution' && result.model!.edges.filter((e) => e.to === s.id).length > 1);
    expect(shared).toBeDefined();
    const row = md.split('\n').find((l) => l.startsWith(`| ${shared!.id} |`))!;
    for (const e of result.model!.edges.filter((e) => e.to === shared!.id)) expect(row).toContain(`${e.from} (`);
  });

  it('escapes Markdown in user text so a row stays one row with four cells', async () => {
    const result = await compile('goal G1 "Top | *not* [a](b) <b>x</b> & `c`" {\n  solution Sn1 "a | b *c* _d_ [e](f) <img src=x> &amp; `g`" @url("docs/a b(1).pdf")\n}\n');
    const md = evidenceMarkdown(result, 'x');
    const row = md.split('\n').find((l) => l.startsWith('| Sn1 |'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(6);
    expect(row).toContain('a \\| b c \\_d\\_'); // markup removed (plain text), the rest escaped
    expect(row).toContain('\\<img src=x\\>');
    expect(row).toContain('&amp;amp;');
    expect(row).toContain('](docs/a%20b%281%29.pdf)');
  });
});
