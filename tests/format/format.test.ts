import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGsn, meaning } from '../../src/format/format.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { check } from '../../src/semantics/check.js';
import type { Model } from '../../src/semantics/model.js';
import { tokenize } from '../../src/syntax/lexer.js';
import { parse } from '../../src/syntax/parse.js';
import { expectGolden } from '../helpers/golden.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

function gsnFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return gsnFiles(path);
    return name.endsWith('.gsn') ? [path] : [];
  });
}

function model(text: string): Model {
  return check(parse(text, { limits: DEFAULT_LIMITS }).value, { limits: DEFAULT_LIMITS }).value;
}

/** What the model means: ids, kinds, texts, flags, annotations, edges in order, challenges. */
function modelMeaning(m: Model) {
  return {
    module: m.module,
    elements: m.elements.map((e) => [e.id, e.kind, e.text, e.undeveloped, e.uninstantiated, e.counter ?? false, e.defeated ?? false, e.url, e.classes, e.annotations.map((a) => [a.name, a.args.map((x) => x.value)])]),
    edges: m.edges.map((e) => [e.from, e.relation, e.to, e.defeated ?? false]),
    challenges: (m.challenges ?? []).map((c) => [c.from, c.target, c.defeated]),
  };
}

function comments(text: string): string[] {
  return [...text.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)].map((m) => m[0].trimEnd());
}

const hasSyntaxErrors = (text: string) => formatGsn(text).text === null;

describe('formatter on every example', () => {
  const files = gsnFiles(join(ROOT, 'examples')).filter((f) => !hasSyntaxErrors(readFileSync(f, 'utf8')));
  it('finds the examples', () => expect(files.length).toBeGreaterThan(5));
  for (const file of files) {
    it(`${relative(ROOT, file)}: same model, idempotent, comments kept`, () => {
      const text = readFileSync(file, 'utf8');
      const once = formatGsn(text).text!;
      expect(formatGsn(once).text).toBe(once);
      expect(modelMeaning(model(once))).toEqual(modelMeaning(model(text)));
      expect(meaning(parse(once, { limits: DEFAULT_LIMITS }).value)).toBe(meaning(parse(text, { limits: DEFAULT_LIMITS }).value));
      expect(comments(once)).toEqual(comments(text).map((c) => c.split('\n').map((l) => l.trimEnd()).join('\n')));
    });
  }
});

const MESSY = `module   Messy "A case written carelessly"   // trailing comment
// a comment on its own line
goal G1 "The system is safe" @url( "https://example.org/a.pdf" )   {
context C1 "Operating context"     @class(a,b)
      strategy S1 "Argue over hazards" {   /* inline block */
undeveloped   goal G2 "Hazard \\"one\\" is mitigated"


   goal G3 "Written over
  two lines" {
       solution Sn1 "Test report\\nsecond line"
    }
  }

  defeated Sn2
}
solution Sn2 "Shared evidence" {}
/* a block comment
     over lines */
G3->Sn2 , Sn1
counter   goal CG1 "Counter" { challenges G2,G1 -> Sn2
counter solution CSn1 "Bench test"
}
defeated CG1 challenges G3
`;

describe('formatter layout', () => {
  it('writes the canonical layout (golden) and is idempotent', () => {
    const once = formatGsn(MESSY).text!;
    expectGolden('format/messy.gsn', once);
    expect(formatGsn(once)).toEqual({ text: once, diagnostics: [], changed: false });
    expect(formatGsn(MESSY).changed).toBe(true);
  });

  it('keeps comments where they are', () => {
    const once = formatGsn(MESSY).text!;
    expect(once).toContain('module Messy "A case written carelessly" // trailing comment\n// a comment on its own line\n');
    expect(once).toContain('strategy S1 "Argue over hazards" { /* inline block */\n');
    expect(once).toContain('/* a block comment\n     over lines */\n');
  });

  it('keeps at most one blank line, re-escapes strings, leaves multi-line strings as written', () => {
    const once = formatGsn(MESSY).text!;
    expect(once).not.toMatch(/\n\n\n/);
    expect(once).toContain('undeveloped goal G2 "Hazard \\"one\\" is mitigated"\n\n    goal G3 "Written over\n  two lines" {');
    expect(once).toContain('G3 -> Sn2, Sn1\n');
  });

  it('refuses a file with syntax errors', () => {
    const result = formatGsn('goal G1 "Top" {\n  solution Sn1 "x"\n', { file: 'broken.gsn' });
    expect(result.text).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({ code: 'GSN110', file: 'broken.gsn', severity: 'error' });
  });

  it('formats an empty file and a file of comments', () => {
    expect(formatGsn('').text).toBe('');
    expect(formatGsn('  \n\n').text).toBe('');
    expect(formatGsn('// only\n\n\n/* comments */  ').text).toBe('// only\n\n/* comments */\n');
  });
});

/** Tokens of the examples joined by arbitrary whitespace and comments: the same program, written differently. */
describe('formatter on generated inputs', () => {
  const sources = gsnFiles(join(ROOT, 'examples')).map((f) => readFileSync(f, 'utf8')).filter((t) => !hasSyntaxErrors(t));
  const separators = [' ', '\n', '   ', '\n\n\n', '\t', ' /* c */ ', ' // note\n', '\r\n', '\n  // own line\n'];
  it('keeps the meaning and is idempotent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sources.length - 1 }), fc.array(fc.integer({ min: 0, max: separators.length - 1 }), { minLength: 1, maxLength: 50 }), (which, picks) => {
        const source = sources[which]!;
        const { tokens } = tokenize(source);
        const text = tokens.map((t, i) => t.image + separators[picks[i % picks.length]!]!).join('');
        const once = formatGsn(text).text;
        expect(once).not.toBeNull();
        expect(formatGsn(once!).text).toBe(once);
        expect(meaning(parse(once!, { limits: DEFAULT_LIMITS }).value)).toBe(meaning(parse(source, { limits: DEFAULT_LIMITS }).value));
        expect(modelMeaning(model(once!))).toEqual(modelMeaning(model(source)));
      }),
      { numRuns: 60 },
    );
  });
});
