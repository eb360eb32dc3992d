import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex, compareDiagnostics, locate } from '../../src/diagnostics/locate.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { analyzeFramework } from '../../src/framework/analyze.js';
import type { Framework } from '../../src/framework/types.js';
import { compile } from '../../src/index.js';
import { renderReport } from '../../src/report/report.js';
import type { Model } from '../../src/semantics/model.js';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

interface Analysed {
  model: Model;
  framework: Framework | null;
  diagnostics: Diagnostic[];
  svg: string | null;
}

/**
 * Compiles an example and runs the framework stage on its model. Until compile() runs the
 * framework stage itself, its diagnostics are located here; afterwards any GSN4xx from compile()
 * are replaced by the same ones, so this helper gives the same answer either way.
 */
async function analyse(name: string): Promise<Analysed> {
  const file = `examples/${name}`;
  const source = readFileSync(join(ROOT, file), 'utf8');
  const result = await compile(source, { file });
  expect(result.model, `${file} has a model`).not.toBeNull();
  const model = result.model!;
  const framework = analyzeFramework(model);
  const index = new LineIndex(source);
  const own = framework.diagnostics.map((d) => locate(d, index, { file }));
  const diagnostics = [...result.diagnostics.filter((d) => !/^GSN4\d\d$/.test(d.code)), ...own].sort(compareDiagnostics);
  return { model, framework: framework.value, diagnostics, svg: result.svg };
}

/** `line:col CODE` lines listed in an example's header comment. */
function expectedFindings(name: string): string[] {
  const source = readFileSync(join(ROOT, 'examples', name), 'utf8');
  return [...source.matchAll(/^\/\/\s+(\d+:\d+)\s+(GSN\d{3})\b/gm)].map((m) => `${m[1]} ${m[2]}`).sort(byPosition);
}

function byPosition(a: string, b: string): number {
  const [la, ca] = a.split(/[: ]/).map(Number);
  const [lb, cb] = b.split(/[: ]/).map(Number);
  return la! - lb! || ca! - cb! || (a < b ? -1 : a > b ? 1 : 0);
}

describe('examples/ai-holes.gsn', () => {
  it('has exactly the findings its header lists, all warnings, and still renders', async () => {
    const { diagnostics, svg } = await analyse('ai-holes.gsn');
    const expected = expectedFindings('ai-holes.gsn');
    expect(expected).toHaveLength(5);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(expected);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(svg).not.toBeNull();
  });

  it('says what is missing in words a reviewer understands', async () => {
    const { diagnostics } = await analyse('ai-holes.gsn');
    const message = (code: string) => diagnostics.find((d) => d.code === code)?.message;
    expect(message('GSN416')).toBe('outcome G7 has no claim that subsystem SS2 cannot cause it on its own (step 5): add a goal marked @subsystem-risk(SS2) below G7');
    expect(message('GSN420')).toMatch(/^the risk roll-up for the case is 0\.0013, above the acceptable threshold of 0\.001 set in C3/);
    expect(message('GSN419')).toMatch(/^SS2 is trusted, but no goal argued @trustworthiness has it as context/);
  });

  it('maps the framework (golden)', async () => {
    const { framework } = await analyse('ai-holes.gsn');
    expect(framework?.rollUp).toMatchObject({ total: 0.0013, threshold: 0.001, withinThreshold: false, complete: false });
    expectGolden('framework/ai-holes.framework.json', toGoldenJson(framework));
  });

  it('reports (golden Markdown, HTML and JSON)', async () => {
    const { framework, model, diagnostics } = await analyse('ai-holes.gsn');
    const md = renderReport(framework, model, 'md', diagnostics);
    expect(md).toContain('| `G7` | `G8` (0.0004) | **missing** | **missing** |');
    expectGolden('framework/ai-holes.report.md', md);
    expectGolden('framework/ai-holes.report.html', renderReport(framework, model, 'html', diagnostics));
    const json = renderReport(framework, model, 'json', diagnostics);
    expect(JSON.parse(json)).toEqual({ framework, findings: diagnostics });
  });
});

describe('examples/ai-deployment.gsn', () => {
  it('is a complete case: no framework findings, all four categories, within the threshold', async () => {
    const { framework, diagnostics } = await analyse('ai-deployment.gsn');
    expect(diagnostics.filter((d) => /^GSN4/.test(d.code))).toEqual([]);
    expect(new Set(framework!.arguments.map((a) => a.category))).toEqual(new Set(['inability', 'control', 'trustworthiness', 'deference']));
    expect(framework!.rollUp).toMatchObject({ total: 0.00076, withinThreshold: true, complete: true });
  });

  it('maps the framework and reports it (goldens)', async () => {
    const { framework, model, diagnostics } = await analyse('ai-deployment.gsn');
    expectGolden('framework/ai-deployment.framework.json', toGoldenJson(framework));
    expectGolden('framework/ai-deployment.report.md', renderReport(framework, model, 'md', diagnostics));
  });
});

describe('examples without framework annotations', () => {
  it('get no framework and no framework findings', async () => {
    const { framework, diagnostics } = await analyse('minimal.gsn');
    expect(framework).toBeNull();
    expect(diagnostics.filter((d) => /^GSN4/.test(d.code))).toEqual([]);
  });
});
