import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGsn2x } from '../../src/index.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { formatGsn } from '../../src/format/format.js';
import { gsnText } from '../../src/import/emit.js';
import { importGsn2x } from '../../src/import/gsn2x.js';
import { convertMarkup } from '../../src/import/markup.js';
import { mergeGsnFiles } from '../../src/import/merge.js';
import { check } from '../../src/semantics/check.js';
import type { Model } from '../../src/semantics/model.js';
import { expectGolden } from '../helpers/golden.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'gsn2x', 'examples');
const HAVE_CORPUS = existsSync(CORPUS);

function corpus(...names: string[]) {
  return names.map((n) => ({ name: `${n}.gsn.yaml`, text: readFileSync(join(CORPUS, `${n}.gsn.yaml`), 'utf8') }));
}

/** The verdicts gsn2x gives (../shared/corpus/README.md). */
const VALID: string[][] = [
  ['example'],
  ['confidence'],
  ['bullet_lists'],
  ['entangled'],
  ['minimalcss/min'],
  ['dialectic/first'],
  ['dialectic/second'],
  ['modular/index', 'modular/sub1', 'modular/sub3'],
  ['template/template', 'template/instance'],
];

/** What a model means, without positions: ids, kinds, texts, flags, annotations, edges, challenges. */
function meaning(model: Model | null) {
  if (!model) return null;
  return {
    module: model.module,
    elements: model.elements.map((e) => ({
      id: e.id,
      kind: e.kind,
      text: e.text,
      undeveloped: e.undeveloped,
      uninstantiated: e.uninstantiated,
      counter: e.counter ?? false,
      defeated: e.defeated ?? false,
      url: e.url,
      classes: e.classes,
      annotations: e.annotations.map((a) => [a.name, ...a.args.map((x) => `${x.type}:${x.value}`)]),
    })),
    edges: model.edges.map((e) => [e.from, e.relation, e.to, e.defeated ?? false]),
    challenges: (model.challenges ?? []).map((c) => [c.from, c.target, c.defeated]),
    topGoals: model.topGoals,
  };
}

describe.skipIf(!HAVE_CORPUS)('gsn2x corpus verdicts', () => {
  for (const set of VALID) {
    it(`${set.join(' + ')} is valid and compiles without errors`, async () => {
      const result = await compileGsn2x(corpus(...set));
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.svg).toMatch(/^<(\?xml|svg)/);
    });
  }

  it('rejects modular/index with modular/sub2: duplicate IDs across modules, with both positions', async () => {
    const result = await compileGsn2x(corpus('modular/index', 'modular/sub1', 'modular/sub3', 'modular/sub2'));
    expect(result.svg).toBeNull();
    const duplicates = result.diagnostics.filter((d) => d.code === 'GSN201');
    expect(duplicates.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['modular/sub2.gsn.yaml:5:1', 'modular/sub2.gsn.yaml:9:1']);
    expect(duplicates.map((d) => d.related?.map((r) => `${r.file}:${r.line}:${r.column}`))).toEqual([['modular/index.gsn.yaml:5:1'], ['modular/sub3.gsn.yaml:7:1']]);
  });

  it('a modular file without the files it uses does not compile', async () => {
    const result = await compileGsn2x(corpus('modular/index'));
    expect(result.diagnostics.filter((d) => d.code === 'GSN604').map((d) => d.line)).toEqual([3, 3]);
    expect(result.svg).toBeNull();
  });

  it('maps gsn2x keys onto the notation', async () => {
    const example = (await compileGsn2x(corpus('example'))).model!;
    const byId = new Map(example.elements.map((e) => [e.id, e]));
    expect(byId.get('Sn1')?.url).toBe('https://github.com/jonasthewolf/gsn2x');
    expect(byId.get('A2')?.classes).toEqual(['mycssclass', 'anotherclass']);
    expect(byId.get('G7')?.undeveloped).toBe(true);
    expect(byId.get('C2')?.text).toBe('Context 2\nMultiline');
    expect(byId.get('Sn2')?.annotations.map((a) => [a.name, ...a.args.map((x) => x.value)])).toEqual([
      ['layer', 'layer1', 'Additional information on layer 1'],
      ['layer', 'layer2', 'Additional information on layer 2'],
    ]);
    // horizontalIndex relative -1 moves S2 before G3 and Sn4 before Sn3.
    const supporters = (id: string) => example.edges.filter((e) => e.from === id && e.relation === 'supportedBy').map((e) => e.to);
    expect(supporters('G1')).toEqual(['G2', 'S2', 'G3']);
    expect(supporters('G5')).toEqual(['Sn4', 'Sn3']);
    expect(example.edges.filter((e) => e.from === 'S1').map((e) => [e.relation, e.to])).toEqual([
      ['inContextOf', 'A1'],
      ['inContextOf', 'J1'],
      ['supportedBy', 'G5'],
      ['supportedBy', 'G6'],
    ]);

    const confidence = (await compileGsn2x(corpus('confidence'))).model!;
    const acps = confidence.elements.flatMap((e) => e.annotations.filter((a) => a.name === 'acp').map((a) => `${e.id}:${a.args.map((x) => x.value).join(',')}`));
    expect(acps).toEqual(['G1:ACP1,S1', 'S1:ACP4,C1', 'C1:ACP6', 'G2:ACP2,Sn1', 'G3:ACP3,Sn2a,Sn2b', 'Sn2b:ACP5']);

    const second = (await compileGsn2x(corpus('dialectic/second'))).model!;
    const counters = second.elements.filter((e) => e.counter).map((e) => e.id);
    expect(counters).toEqual(['CG1', 'CG2', 'CSn1', 'CCSn1', 'CSn2', 'CCG1', 'CCSn2', 'CG3', 'CSn3', 'CG4', 'CSn4', 'CCSn3']);
    expect(second.challenges).toContainEqual({ from: 'CCSn1', target: { type: 'relation', from: 'CG1', to: 'G2' }, defeated: false, span: expect.anything() });
    expect(second.challenges!.filter((c) => c.defeated).map((c) => c.from)).toEqual(['CG1', 'CSn2', 'CG3']);

    const template = (await compileGsn2x(corpus('template/template', 'template/instance'))).model!;
    expect(template.elements.find((e) => e.id === 'G1')?.undeveloped).toBe(false);
    expect(template.edges).toContainEqual(expect.objectContaining({ from: 'G1', to: 'G2', relation: 'supportedBy' }));
    expect(template.module).toEqual({ name: 'template', description: 'Template for an assurance case' });
  });

  it('reports layout hints it cannot apply as notes, never as errors', async () => {
    const result = await compileGsn2x(corpus('bullet_lists'));
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['GSN610', 'info', 10]]);
    const strict = await compileGsn2x(corpus('bullet_lists'), { strict: true });
    expect(strict.svg).not.toBeNull();
  });

  for (const set of [...VALID, ['modular/index', 'modular/sub1', 'modular/sub3', 'modular/sub2']]) {
    it(`the .gsn that import writes for ${set.join(' + ')} compiles to the same model`, async () => {
      const files = corpus(...set);
      const imported = importGsn2x(files);
      const texts = imported.files.map((f) => ({ name: f.name.replace(/\.yaml$/, ''), text: gsnText(f) }));
      // The written files are already in the formatter's canonical layout.
      for (const t of texts) expect(formatGsn(t.text).text, t.name).toBe(t.text);
      const merged = mergeGsnFiles(texts);
      expect(merged.diagnostics).toEqual([]);
      const fromGsn = check(merged.document, { limits: DEFAULT_LIMITS }).value;
      const fromYaml = (await compileGsn2x(files)).model;
      expect(meaning(fromGsn)).toEqual(meaning(fromYaml));
      // And the AST itself is the one the parser reads back (positions aside).
      const strip = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'span' || k.endsWith('Span') ? undefined : x)));
      expect(strip(merged.document.items)).toEqual(strip(imported.document.items));
    });
  }

  it('writes readable .gsn (golden)', () => {
    for (const set of [['example'], ['dialectic/second'], ['template/template', 'template/instance'], ['bullet_lists']]) {
      const imported = importGsn2x(corpus(...set));
      for (const f of imported.files) expectGolden(`import/${f.name.replace(/\//g, '-').replace(/\.yaml$/, '')}`, gsnText(f));
    }
  });
});

describe('gsn2x uses as imports', () => {
  const INDEX = 'module:\n  name: Main\n  uses: [lib/sub.gsn.yaml]\nG1:\n  text: Top\n  supportedBy: [S1]\nS1:\n  text: Over the parts\n  supportedBy: [G2]\n';
  const SUB = 'module:\n  name: Sub\n  brief: The part\nG2:\n  text: A part\n  inContextOf: [C2]\n  supportedBy: [Sn1]\nC2:\n  text: Context\nSn1:\n  text: Evidence\n';

  it('writes uses as import "file.gsn" and marks what other files reference public, when the files make a gsnc project', async () => {
    const files = [{ name: 'case/index.gsn.yaml', text: INDEX }, { name: 'case/lib/sub.gsn.yaml', text: SUB }];
    const imported = importGsn2x(files);
    expect(imported.diagnostics).toEqual([]);
    const texts = imported.files.map((f) => ({ name: f.name.replace(/\.yaml$/, ''), text: gsnText(f) }));
    expect(texts[0]!.text).toContain('module Main\nimport "lib/sub.gsn"\n');
    expect(texts[0]!.text).not.toContain('gsn2x uses');
    expect(texts[1]!.text).toContain('public goal G2 "A part"');
    for (const t of texts) expect(formatGsn(t.text).text, t.name).toBe(t.text);
    // The written files compile as a project, and the YAML still compiles as one case.
    const { compileProject } = await import('../../src/index.js');
    const project = await compileProject(texts);
    expect(project.diagnostics).toEqual([]);
    expect(project.modules.map((m) => [m.name, m.imports])).toEqual([
      ['Main', ['Sub']],
      ['Sub', []],
    ]);
    const yaml = await compileGsn2x(files);
    expect(yaml.diagnostics).toEqual([]);
    expect(yaml.model!.elements.filter((e) => e.public).map((e) => e.id)).toEqual(['G2']);
  });

  it('keeps uses a comment when the files are not a gsnc project: a reference back to a file that uses this one, or extends', () => {
    const back = importGsn2x([
      { name: 'index.gsn.yaml', text: INDEX.replace('text: Top', 'text: Top\n  inContextOf: [J1]') + 'J1:\n  text: Why\n' },
      { name: 'lib/sub.gsn.yaml', text: SUB.replace('inContextOf: [C2]', 'inContextOf: [C2, J1]') },
    ]);
    expect(back.files.map((f) => f.imports)).toEqual([undefined, undefined]);
    expect(gsnText(back.files[0]!)).toContain('// gsn2x uses: lib/sub.gsn.yaml (compile them together with this file)');
    expect(gsnText(back.files[1]!)).not.toContain('public');
    const extended = importGsn2x([
      { name: 'index.gsn.yaml', text: INDEX },
      { name: 'lib/sub.gsn.yaml', text: SUB.replace('  brief: The part\n', '  brief: The part\n  extends:\n    - module: Main\n      develops:\n        G1: [G2]\n') },
    ]);
    expect(extended.files.map((f) => f.imports)).toEqual([undefined, undefined]);
  });
});

describe('gsn2x import errors point into the YAML', () => {
  it('YAML syntax errors are GSN601 at file:line:col', async () => {
    const result = await compileGsn2x([{ name: 'bad.gsn.yaml', text: 'G1:\n  text: [unclosed\nSn1:\n  text: x\n' }]);
    expect(result.svg).toBeNull();
    const d = result.diagnostics.find((x) => x.code === 'GSN601')!;
    expect(d).toMatchObject({ file: 'bad.gsn.yaml', severity: 'error' });
    expect(d.line).toBeGreaterThanOrEqual(2);
  });

  it('a key written twice is a YAML error', async () => {
    const result = await compileGsn2x([{ name: 'dup.yaml', text: 'G1:\n  text: a\nG1:\n  text: b\n' }]);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['GSN601', 3, 1]]);
  });

  it('an element of unknown type, a bad value and an unusable ID', async () => {
    const text = 'G1:\n  text: Top\n  supportedBy: [X1, "Sn 2"]\n  undeveloped: maybe\nX1:\n  text: what am I\nG2:\n  nodeType: Gaol\n';
    const result = await compileGsn2x([{ name: 'kinds.yaml', text }]);
    const found = result.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
    expect(found).toContain('GSN605@3:21');
    expect(found).toContain('GSN603@4:16');
    expect(found).toContain('GSN602@5:1');
    expect(found).toContain('GSN602@8:13');
  });

  it("the checker's findings point into the YAML too", async () => {
    const text = 'G1:\n  text: Top\n  supportedBy: [Sn1, G9]\nSn1:\n  text: Evidence\n  supportedBy: [G1]\n';
    const result = await compileGsn2x([{ name: 'case.gsn.yaml', text }]);
    const unresolved = result.diagnostics.find((d) => d.code === 'GSN202')!;
    expect(unresolved).toMatchObject({ file: 'case.gsn.yaml', line: 3, column: 22 });
    expect(result.diagnostics.find((d) => d.code === 'GSN204')).toMatchObject({ line: 6, column: 17 });
  });

  it('compile() with language gsn2x is compileGsn2x', async () => {
    const { compile } = await import('../../src/index.js');
    const text = 'G1:\n  text: Top\n  supportedBy: Sn1\n';
    const result = await compile(text, { file: 'a.yaml', language: 'gsn2x', moreFiles: [{ name: 'b.yaml', text: 'Sn1:\n  text: Evidence\n' }] });
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['G1->Sn1']);
  });

  it('an empty file is an empty case; a list is not a case', async () => {
    expect(importGsn2x([{ name: 'e.yaml', text: '' }]).diagnostics).toEqual([]);
    expect(importGsn2x([{ name: 'l.yaml', text: '- a\n- b\n' }]).diagnostics.map((d) => d.code)).toEqual(['GSN603']);
  });
});

describe('gsn2x markup', () => {
  it('turns *bold*, _italic_ and * bullets into the notation', () => {
    expect(convertMarkup('An *important* and _subtle_ point.')).toBe('An **important** and *subtle* point.');
    expect(convertMarkup('* one\n* two')).toBe('- one\n- two');
    expect(convertMarkup('a*b and snake_case_name stay')).toBe('a*b and snake_case_name stay');
  });
});
