import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsJson, diagramJson } from '../../src/cli/json.js';
import { compile } from '../../src/index.js';
import { ROOT, loadSchema, validate } from './helpers.js';

const EXAMPLES = ['minimal', 'hazard-directed', 'shared-evidence', 'multilingual', 'ai-deployment', 'ai-holes', 'ext-dialectic', 'ext-confidence', 'ext-patterns'];

async function compileExample(name: string) {
  const file = `examples/${name}.gsn`;
  return compile(readFileSync(join(ROOT, file), 'utf8'), { file });
}

describe('JSON Schemas for --format json', () => {
  const diagram = loadSchema('gsnc-diagram.schema.json');
  const diagnostics = loadSchema('gsnc-diagnostics.schema.json');

  it('declare draft 2020-12', () => {
    expect(diagram.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(diagnostics.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(EXAMPLES)('build --format json of %s matches the diagram schema, fields in schema order', async (name) => {
    const result = await compileExample(name);
    expect(result.svg).not.toBeNull();
    const json = diagramJson(result);
    expect(validate(JSON.parse(json), diagram, { ordered: true })).toEqual([]);
    // Stable: the same input gives the same bytes.
    expect(diagramJson(await compileExample(name))).toBe(json);
  });

  it('carries what the GSN extensions add, and nothing of them for a core case', async () => {
    const json = async (name: string) => JSON.parse(diagramJson(await compileExample(name))) as Record<string, unknown>;
    const dialectic = await json('ext-dialectic');
    const challenges = dialectic.challenges as { from: string; target: { type: string } }[];
    expect(challenges.length).toBeGreaterThan(0);
    expect(challenges.some((c) => c.target.type === 'relation')).toBe(true);
    const nodes = dialectic.nodes as { id: string; counter?: true; defeated?: true }[];
    expect(nodes.filter((n) => n.counter).map((n) => n.id)).toEqual(expect.arrayContaining(challenges.map((c) => c.from)));
    expect(nodes.some((n) => n.defeated)).toBe(true);
    expect(((await json('ext-confidence')).acps as unknown[]).length).toBeGreaterThan(0);
    const patterns = await json('ext-patterns');
    expect((patterns.choices as { to: string[] }[]).every((c) => c.to.length >= 2)).toBe(true);
    expect((patterns.edges as { multiplicity?: { kind: string } }[]).some((e) => e.multiplicity?.kind === 'many')).toBe(true);
    const core = await json('minimal');
    expect(Object.keys(core)).toEqual(['width', 'height', 'nodes', 'edges', 'framework', 'diagnostics']);
  });

  it('check --format json of every invalid example matches the diagnostics schema', async () => {
    const dir = join(ROOT, 'examples', 'invalid');
    const files = readdirSync(dir).filter((f) => f.endsWith('.gsn')).sort();
    expect(files.length).toBeGreaterThan(0);
    const all = [];
    for (const f of files) {
      const file = `examples/invalid/${f}`;
      all.push(...(await compile(readFileSync(join(ROOT, file), 'utf8'), { file })).diagnostics);
    }
    expect(all.some((d) => d.related !== undefined)).toBe(true);
    const value = JSON.parse(diagnosticsJson({ diagnostics: all }));
    expect(validate(value, diagnostics, { ordered: true })).toEqual([]);
  });

  it('the validator rejects what the schema forbids', async () => {
    const value = JSON.parse(diagramJson(await compileExample('minimal'))) as { nodes: Record<string, unknown>[] };
    value.nodes[0]!.kind = 'gaol';
    delete value.nodes[1]!.x;
    value.nodes[2]!.extra = 1;
    const problems = validate(value, diagram);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringContaining('$.nodes[0].kind'), expect.stringContaining('missing x'), expect.stringContaining('unexpected property extra')]),
    );
    const reordered = JSON.parse(JSON.stringify({ diagnostics: [{ severity: 'error', code: 'GSN201', message: 'm', file: 'f', line: 1, column: 1, endLine: 1, endColumn: 2 }] }));
    expect(validate(reordered, diagnostics, { ordered: true })).toEqual([expect.stringContaining('keys in order')]);
  });
});
