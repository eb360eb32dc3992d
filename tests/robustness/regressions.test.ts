/**
 * Pinned inputs (issue 7: "every input that ever failed is kept as a regression case"). Every
 * tests/robustness/regressions/*.gsn is compiled on every run and must meet the invariants of
 * invariants.ts. Files are read as bytes and decoded as the CLI does (invalid UTF-8 becomes
 * U+FFFD), so a file may hold any bytes. A line `// expect: GSN123 GSN456` in the file names
 * codes that must be among the diagnostics.
 *
 * The mutation fuzzer saves what it finds here as fuzz-<hash>.gsn: rename it after what it
 * shows, fix the bug, keep the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { invariantProblems } from './invariants.js';

const DIR = join(import.meta.dirname, 'regressions');
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.gsn')).sort();

describe('pinned regression inputs', () => {
  it('there are some', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  for (const name of FILES) {
    it(name, async () => {
      const text = new TextDecoder('utf-8').decode(readFileSync(join(DIR, name)));
      const result = await compile(text, { file: name });
      expect(invariantProblems(text, result, { file: name })).toEqual([]);
      const expected = /^\/\/ expect: (.*)$/m.exec(text)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
      const codes = new Set(result.diagnostics.map((d) => d.code));
      for (const code of expected) expect(codes.has(code), `${name} should report ${code}`).toBe(true);
    });
  }
});
