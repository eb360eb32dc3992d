/**
 * Grammar-based generation (issue 7, "Total"): valid programs, generated from the core grammar
 * under the GSN rules, compile with no errors, and the diagram drops nothing: every element is
 * drawn once, every stated link is in the model and drawn. GSNC_FUZZ_RUNS multiplies the count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { elements, parseSvg } from '../render/xml.js';
import { generateProgram } from './generate.js';
import { describeInput, invariantProblems } from './invariants.js';

const SCALE = Math.max(1, Number(process.env.GSNC_FUZZ_RUNS ?? 1) || 1);
const SEED = Number(process.env.GSNC_FUZZ_SEED ?? 2026);

describe('generated valid programs', () => {
  it('compile with no errors and draw every element and link', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 0x7fffffff }), async (seed) => {
        const program = generateProgram(seed);
        const why = `seed ${seed}: ${describeInput(program.text)}`;
        const result = await compile(program.text, { file: 'gen.gsn' });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        expect(errors, why).toEqual([]);
        expect(invariantProblems(program.text, result, { file: 'gen.gsn' }), why).toEqual([]);

        expect(result.model!.elements.map((e) => e.id), why).toEqual(program.ids);
        const modelLinks = new Set(result.model!.edges.map((e) => `${e.from}->${e.to}`));
        for (const link of program.links) expect(modelLinks.has(link), `${why}: link ${link}`).toBe(true);

        const root = parseSvg(result.svg!);
        const drawn = [...elements(root)]
          .map((el) => el.getAttribute?.('id') ?? '')
          .filter((id) => id.startsWith('gsn-node-'))
          .map((id) => id.slice('gsn-node-'.length));
        expect([...drawn].sort(), why).toEqual([...program.ids].sort());
        const edges = [...elements(root)].filter((el) => /\bgsn-edge\b/.test(el.getAttribute?.('class') ?? '') && el.getAttribute?.('data-from'));
        const drawnLinks = new Set(edges.map((el) => `${el.getAttribute!('data-from')}->${el.getAttribute!('data-to')}`));
        for (const link of program.links) expect(drawnLinks.has(link), `${why}: drawn link ${link}`).toBe(true);
      }),
      { numRuns: Math.round(60 * SCALE), seed: SEED },
    );
  });

  it('the generator covers the notation: references, link statements, modules, markup, comments', () => {
    const texts = Array.from({ length: 200 }, (_, i) => generateProgram(i).text).join('\n');
    for (const needle of ['module ', ' -> ', 'undeveloped ', 'uninstantiated ', '@url(', '@class(', '/*', '//', '\\n', '\\"', '**', '\r\n', 'assumption ', 'justification ', 'context ', 'strategy ']) {
      expect(texts, needle).toContain(needle);
    }
  });
});
