/**
 * The bundled examples are part of the product: every valid example must compile without
 * errors into a diagram, and every invalid input must give exactly the error diagnostics its
 * `// expect: GSNxxx at LINE:COL` lines name (code and 1-based line and UTF-16 column).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODES, compile, type Diagnostic } from '../../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const INVALID = join(EXAMPLES, 'invalid');

const valid = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.gsn'))
  .sort();
const invalid = readdirSync(INVALID)
  .filter((name) => name.endsWith('.expect-error.gsn'))
  .sort();

const read = (path: string) => readFileSync(path, 'utf8');
const where = (d: Pick<Diagnostic, 'code' | 'line' | 'column'>) => `${d.code} at ${d.line}:${d.column}`;
const show = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`).join('\n') || '(none)';

const EXPECT_LINE = /^\/\/\s*expect:\s*(GSN\d{3})\s+at\s+(\d+):(\d+)\s*$/;

/** The `// expect:` lines of an invalid input, in the form `GSNxxx at LINE:COL`. */
function expectations(text: string): { code: string; line: number; column: number }[] {
  const found: { code: string; line: number; column: number }[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = EXPECT_LINE.exec(line.trim());
    if (m) found.push({ code: m[1]!, line: Number(m[2]), column: Number(m[3]) });
  }
  return found;
}

/** Element definitions, counted from the source (one per line in these examples). */
function countElements(text: string): number {
  const definition = /^\s*(?:(?:undeveloped|uninstantiated|counter|defeated|optional|(?:many|choice)(?:\([^)]*\))?)\s+)*(?:goal|strategy|solution|context|assumption|justification)\s+[A-Za-z_][\w.]*\s+"/gm;
  return text.match(definition)?.length ?? 0;
}

describe('examples', () => {
  it('has the documented set of examples', () => {
    expect(valid).toEqual(
      expect.arrayContaining([
        'ai-deployment.gsn',
        'hazard-directed.gsn',
        'minimal.gsn',
        'multilingual.gsn',
        'shared-evidence.gsn',
      ]),
    );
    expect(invalid.length).toBeGreaterThanOrEqual(10);
  });

  it('documents every example and every invalid input in examples/README.md', () => {
    const readme = read(join(EXAMPLES, 'README.md'));
    for (const name of valid) {
      expect(readme, `examples/README.md does not mention ${name}`).toContain(name);
      expect(readme).toContain(`node bin/gsnc.js build examples/${name} -o out/`);
    }
    for (const name of invalid) {
      expect(readme, `examples/README.md does not mention invalid/${name}`).toContain(name);
      for (const e of expectations(read(join(INVALID, name)))) {
        expect(readme, `examples/README.md does not list ${e.code} for ${name}`).toContain(e.code);
      }
    }
  });

  it('keeps the full examples substantial and the minimal one short', () => {
    for (const name of valid) {
      const n = countElements(read(join(EXAMPLES, name)));
      if (name === 'minimal.gsn') {
        expect(n, name).toBeGreaterThanOrEqual(5);
        expect(n, name).toBeLessThanOrEqual(8);
      } else {
        expect(n, name).toBeGreaterThanOrEqual(15);
        expect(n, name).toBeLessThanOrEqual(60);
      }
    }
  });

  for (const name of valid) {
    it(`${name} compiles to a diagram without errors`, async () => {
      const file = `examples/${name}`;
      const result = await compile(read(join(EXAMPLES, name)), { file });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map(where), show(result.diagnostics)).toEqual([]);
      expect(result.svg, show(result.diagnostics)).not.toBeNull();
      expect(result.svg).toMatch(/<svg[\s>]/);
      for (const d of result.diagnostics) expect(d.file).toBe(file);
    });
  }

  it('ai-deployment.gsn is a complete case: no warnings, even under --strict', async () => {
    const file = 'examples/ai-deployment.gsn';
    const text = read(join(EXAMPLES, 'ai-deployment.gsn'));
    const result = await compile(text, { file });
    expect(result.diagnostics.map(where), show(result.diagnostics)).toEqual([]);
    const strict = await compile(text, { file, strict: true });
    expect(strict.diagnostics.map(where), show(strict.diagnostics)).toEqual([]);
    expect(strict.svg).not.toBeNull();
  });

  it('ai-deployment.gsn uses all six steps and all four argument categories', () => {
    const text = read(join(EXAMPLES, 'ai-deployment.gsn'));
    for (const name of [
      'macrosystem',
      'deployment',
      'threshold',
      'outcome',
      'deployment-assumption',
      'subsystem',
      'subsystem-risk',
      'interaction-risk',
      'inability',
      'control',
      'trustworthiness',
      'deference',
      'risk',
      'trusted',
      'untrusted',
    ]) {
      expect(text, `ai-deployment.gsn does not use @${name}`).toMatch(new RegExp(`@${name}(?![\\w-])`));
    }
  });
});

describe('invalid examples', () => {
  for (const name of invalid) {
    describe(name, () => {
      const text = read(join(INVALID, name));
      const expected = expectations(text);

      it('states its expected diagnostics in // expect: lines that point into the file', () => {
        expect(expected.length, `${name} has no // expect: line`).toBeGreaterThan(0);
        expect(text.split(/\r\n|\r|\n/)[0], `${name} must start with an // expect: line`).toMatch(EXPECT_LINE);
        const lines = text.split(/\r\n|\r|\n/);
        for (const e of expected) {
          expect(CODES.get(e.code)?.severity, `${e.code} is not an error code`).toBe('error');
          expect(e.line, where(e)).toBeGreaterThanOrEqual(1);
          expect(e.line, where(e)).toBeLessThanOrEqual(lines.length);
          expect(e.column, where(e)).toBeGreaterThanOrEqual(1);
          expect(e.column, where(e)).toBeLessThanOrEqual((lines[e.line - 1] ?? '').length + 1);
        }
      });

      it('gives exactly the expected errors and no diagram', async () => {
        const file = `examples/invalid/${name}`;
        const result = await compile(text, { file });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        expect(errors.map(where).sort(), show(result.diagnostics)).toEqual(expected.map(where).sort());
        expect(result.svg).toBeNull();
        for (const d of result.diagnostics) expect(d.file).toBe(file);
      });
    });
  }
});
