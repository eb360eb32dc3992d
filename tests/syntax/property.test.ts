import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachSpan, parseText } from './helpers.js';

/** Pieces of the notation, so generated input reaches deep into the grammar. */
const piece = fc.constantFrom(
  'goal', 'strategy', 'solution', 'context', 'undeveloped', 'module', 'G1', 'Sn1', 'a-b', '"t"',
  '"x\\n', '\\', '{', '}', '(', ')', ',', '->', '@u', '@url("x")', '0.5', '-', '.', '/*', '*/',
  '//', '\n', ' ', '\r\n', '\uFEFF', '\u0000', '\ud800', '\u202e', '"', '@', '§',
);
const notationish = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), notationish, fc.string({ maxLength: 200 }));

function checkInvariants(text: string): void {
  const result = parseText(text);
  expect(result.value.type).toBe('document');
  eachSpan(result, (span) => {
    expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.start).toBeLessThanOrEqual(span.end);
    expect(span.end).toBeLessThanOrEqual(text.length);
  });
  for (const d of result.diagnostics) expect(d.code).not.toBe('GSN999');
}

describe('parse on any input', () => {
  it('never throws, and every span lies within the text', () => {
    fc.assert(fc.property(anyText, checkInvariants), { numRuns: 1500 });
  });

  it('survives random bytes decoded as text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => checkInvariants(Buffer.from(bytes).toString('latin1'))),
      { numRuns: 300 },
    );
  });

  it('survives large hostile inputs', () => {
    for (const text of ['} '.repeat(200_000), '"a" G1 '.repeat(50_000), '§ '.repeat(100_000), '{'.repeat(200_000), '@a('.repeat(100_000)]) {
      checkInvariants(text);
    }
  });
});
