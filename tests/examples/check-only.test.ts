/**
 * `compile(text, { diagram: false })` (what `gsnc check` asks for) stops after the checks: the
 * same diagnostics, AST, model and framework as a full compile, and no layout or SVG. Checked on
 * every example, valid and invalid, and on the ai-holes case, whose framework findings are warnings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';

const EXAMPLES = resolve(import.meta.dirname, '..', '..', 'examples');
const files = [
  ...readdirSync(EXAMPLES).filter((n) => n.endsWith('.gsn')).map((n) => join(EXAMPLES, n)),
  ...readdirSync(join(EXAMPLES, 'invalid')).filter((n) => n.endsWith('.gsn')).map((n) => join(EXAMPLES, 'invalid', n)),
];

describe('compile without the diagram', () => {
  it.each(files.map((f) => [f.slice(EXAMPLES.length + 1), f]))('%s: same diagnostics, AST, model and framework, no layout or SVG', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const full = await compile(text, { file: 'case.gsn' });
    const checked = await compile(text, { file: 'case.gsn', diagram: false });
    expect(checked.diagnostics).toEqual(full.diagnostics);
    expect(checked.ast).toEqual(full.ast);
    expect(checked.model).toEqual(full.model);
    expect(checked.framework).toEqual(full.framework);
    expect(checked.layout).toBeNull();
    expect(checked.svg).toBeNull();
  });

  it('covers valid and invalid examples', () => {
    expect(files.some((f) => f.includes('expect-error'))).toBe(true);
    expect(files.filter((f) => !f.includes('expect-error')).length).toBeGreaterThan(5);
  });
});
