/**
 * Seeded mutation fuzzing of every example (examples/**\/*.gsn), through the whole of compile().
 * About 2,000 cases by default (a minute or so); GSNC_FUZZ_RUNS multiplies the count and
 * GSNC_FUZZ_SEED picks other seeds. A failing input is saved (see fuzz.ts: keepFailure) and its
 * seed printed, so it can be pinned in tests/robustness/regressions/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { keepFailure, mutate, prng } from './fuzz.js';
import { invariantProblems } from './invariants.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCALE = Math.max(1, Number(process.env.GSNC_FUZZ_RUNS ?? 1) || 1);
const BASE_SEED = Number(process.env.GSNC_FUZZ_SEED ?? 0x6a5c);
/** Cases over all examples; shared out evenly. */
const TOTAL = Math.round(2_000 * SCALE);

function examples(dir: string): string[] {
  const found: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) stack.push(path);
      else if (name.endsWith('.gsn')) found.push(path);
    }
  }
  return found.sort();
}

const FILES = examples(join(ROOT, 'examples'));
const PER_FILE = Math.max(20, Math.ceil(TOTAL / Math.max(1, FILES.length)));

/** A stable 32-bit seed per file, so adding an example does not reshuffle the others. */
function seedFor(name: string): number {
  let h = BASE_SEED >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

describe('mutation fuzzing of the examples', () => {
  it('finds the examples', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of FILES) {
    const name = relative(ROOT, file);
    it(`${name}: ${PER_FILE} mutants compile to diagnostics inside the document, never a throw`, { timeout: 600_000 }, async () => {
      const source = readFileSync(file, 'utf8');
      const seed = seedFor(name);
      const random = prng(seed);
      const failures: string[] = [];
      for (let n = 0; n < PER_FILE && failures.length < 3; n++) {
        const { text, applied } = mutate(source, random);
        let problems: string[];
        try {
          problems = invariantProblems(text, await compile(text, { file: 'fuzz.gsn' }), { file: 'fuzz.gsn' });
        } catch (error) {
          problems = [`compile() rejected: ${(error as Error)?.stack ?? String(error)}`];
        }
        if (problems.length > 0) {
          failures.push(`case ${n} (seed ${seed}, ${applied.join('+')}), kept as ${keepFailure(text)}:\n  ${problems.slice(0, 5).join('\n  ')}`);
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});
