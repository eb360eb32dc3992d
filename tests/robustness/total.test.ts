/**
 * Total (issue 7): for ANY string, compile() (the whole pipeline: parse, check, framework,
 * layout, render) resolves with diagnostics and never throws or rejects. Random bytes, NUL, lone
 * surrogates, BOM, CR/LF mixes. Every diagnostic lies inside the document. The number of runs
 * grows with GSNC_FUZZ_RUNS (a multiplier, default 1).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { describeInput, invariantProblems } from './invariants.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCALE = Math.max(1, Number(process.env.GSNC_FUZZ_RUNS ?? 1) || 1);
const runs = (n: number) => Math.round(n * SCALE);
/** Fixed seeds in CI so a failure reproduces; GSNC_FUZZ_SEED explores other ones. */
const SEED = Number(process.env.GSNC_FUZZ_SEED ?? 7_2026);

async function holds(text: string): Promise<void> {
  const result = await compile(text, { file: 'fuzz.gsn' });
  const problems = invariantProblems(text, result, { file: 'fuzz.gsn' });
  expect(problems, `input ${describeInput(text)}`).toEqual([]);
}

/** Characters that have broken parsers before: controls, BOM, surrogates, line breaks, bidi. */
const NASTY = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u00a0',
  '\ufeff', '\ufffe', '\uffff', '\ufffd', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00',
  '\u2028', '\u2029', '\u202e', '\u2066', '\u200b', '\u200d', '\r', '\n', '\r\n', '\n\r', '\t',
  '"', '\\', '\\"', '\\n', '\\u', '{', '}', '(', ')', ',', '@', '->', '-', '.', '/*', '*/', '//',
];

/** Pieces of the notation, so generated input reaches deep into every stage. */
const PIECES = [
  'module', 'goal', 'strategy', 'solution', 'context', 'assumption', 'justification', 'undeveloped',
  'uninstantiated', 'counter', 'defeated', 'challenges', 'G1', 'G2', 'S1', 'Sn1', 'C1', 'A1', 'J1',
  'import', 'public', 'contract', '"lib/x.gsn"', // modular extension
  'CG1', '__proto__', 'constructor', '"text"', '"**b** *i* `c` [l](https://x)"', '"- a\\n- b"',
  '@url("https://example.org")', '@url("javascript:x")', '@class(k)', '@outcome', '@macrosystem',
  '@deployment', '@threshold(0.01)', '@risk(2)', '@subsystem', '@subsystem-risk(C1)', '@control(monitoring)',
  '@trusted', '@untrusted', '@interaction-risk', '@deployment-assumption', '{', '}', '->', ',', '0.5',
  ...NASTY,
];
const separator = fc.constantFrom(' ', '\n', '\r\n', '\r', '\t', '', '\ufeff');
const notationish = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), separator), { maxLength: 80 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));
const nastyUnit = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));

describe('compile() is total', () => {
  it('for arbitrary strings of any code units (lone surrogates included)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: nastyUnit, maxLength: 120 })), holds),
      { numRuns: runs(400), seed: SEED },
    );
  });

  it('for notation-like text with every kind of line break, BOM and control character', async () => {
    await fc.assert(fc.asyncProperty(notationish, holds), { numRuns: runs(600), seed: SEED + 1 });
  });

  it('for random bytes decoded as UTF-8 and as Latin-1', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, utf8) =>
        holds(utf8 ? new TextDecoder('utf-8').decode(bytes) : Buffer.from(bytes).toString('latin1')),
      ),
      { numRuns: runs(200), seed: SEED + 2 },
    );
  });

  it('for a valid case with nasty characters spliced in anywhere', async () => {
    const base = readFileSync(join(ROOT, 'examples', 'minimal.gsn'), 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: base.length }), nastyUnit, (at, what) => holds(base.slice(0, at) + what + base.slice(at))),
      { numRuns: runs(150), seed: SEED + 3 },
    );
  });

  it('for the edge cases: empty, only BOM, only line breaks, NUL, lone surrogates', async () => {
    const cases = ['', '\ufeff', '\ufeff\ufeff', '\r', '\n', '\r\n', '\n\r', '\r\r\n\n', '\u0000', '\ud800', '\udc00', '"\ud800"', '"', '"\\', '/*', '{', '}', '@', 'goal', 'goal G1', 'goal G1 "', 'goal G1 "x" {', 'goal G1 "x" @url(', 'module', 'G1 ->', '-> ,'];
    for (const text of cases) await holds(text);
    for (const text of cases) await holds(`goal G1 "t" {\r\n  solution Sn1 "e"\r}\n${text}`);
  });
});

describe('line breaks and the BOM never change the drawing', () => {
  const source = readFileSync(join(ROOT, 'examples', 'minimal.gsn'), 'utf8');
  it('LF, CRLF, CR, a mix of them and a leading BOM give the same SVG and diagnostics', async () => {
    const reference = await compile(source);
    expect(reference.svg).not.toBeNull();
    const variants = [
      source.replace(/\n/g, '\r\n'),
      source.replace(/\n/g, '\r'),
      `\ufeff${source}`,
      source.split('\n').map((line, i) => line + ['\n', '\r\n', '\r'][i % 3]).join(''),
    ];
    for (const variant of variants) {
      const r = await compile(variant);
      expect(r.svg).toBe(reference.svg);
      expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(reference.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`));
    }
  });
});

describe('compile() given a non-string', () => {
  it('resolves with diagnostics for undefined, null, numbers and objects (JavaScript callers)', async () => {
    for (const value of [undefined, null, 42, {}, [], Symbol.iterator.description]) {
      const text = value as unknown as string;
      const r = await compile(text);
      expect(Array.isArray(r.diagnostics)).toBe(true);
      expect(r.diagnostics.filter((d) => d.code === 'GSN999')).toEqual([]);
    }
  });
});
