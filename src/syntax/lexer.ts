/**
 * The lexer: one Chevrotain Lexer, built once, plus the checks Chevrotain cannot express as
 * patterns (decoding strings, naming unexpected characters). Positions are offsets only: line
 * and column are resolved once, at the end of the pipeline.
 */
import { Lexer, type ILexingError, type IToken } from 'chevrotain';
import type { StageDiagnostic } from '../diagnostics/types.js';
import { describeRun, hintFor } from './chars.js';
import { decodeString } from './strings.js';
import { allTokens, resetStringScan, StringLiteral, UnterminatedComment } from './tokens.js';

const lexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  // Fail at build time, not silently at run time, if a token loses the first-char optimisation.
  ensureOptimizations: true,
});

/** Lexical diagnostics past this many of one code are summed up in one last message. */
const MAX_REPORTED = 100;

export interface LexResult {
  tokens: IToken[];
  diagnostics: StageDiagnostic[];
}

/** Tokenizes `text`. String tokens get their decoded value as `payload`. Never throws. */
export function tokenize(text: string): LexResult {
  resetStringScan();
  const result = lexer.tokenize(text);
  resetStringScan(); // do not keep a reference to a possibly huge text
  const diagnostics = capped(result.errors.map((e) => unexpected(text, e)), 'unexpected characters');
  for (const d of decodeStrings(result.tokens)) diagnostics.push(d);
  const problems = result.groups['problems'] ?? [];
  for (const token of problems) {
    if (token.tokenType === UnterminatedComment) diagnostics.push(unterminatedComment(token));
  }
  return { tokens: result.tokens, diagnostics };
}

function decodeStrings(tokens: IToken[]): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const token of tokens) {
    if (token.tokenType !== StringLiteral) continue;
    const decoded = decodeString(token.image, token.startOffset);
    token.payload = decoded.value;
    if (!decoded.terminated) found.push(unterminatedString(token));
    for (const d of decoded.diagnostics) found.push(d);
  }
  return capped(found, 'problems in strings');
}

function capped(found: StageDiagnostic[], what: string): StageDiagnostic[] {
  if (found.length <= MAX_REPORTED) return found;
  const kept = found.slice(0, MAX_REPORTED);
  const last = found[found.length - 1];
  const first = kept[0];
  if (first === undefined || last === undefined) return kept;
  kept.push({
    code: first.code,
    message: `${found.length - MAX_REPORTED} more ${what} from here on are not reported`,
    span: found[MAX_REPORTED]?.span ?? last.span,
  });
  return kept;
}

function unexpected(text: string, error: ILexingError): StageDiagnostic {
  const start = error.offset;
  const end = Math.min(text.length, start + Math.max(1, error.length));
  const run = text.slice(start, end);
  const plural = Array.from(run).length > 1 ? 'characters' : 'character';
  return {
    code: 'GSN101',
    message: `unexpected ${plural} ${describeRun(run)}${hintFor(run.charAt(0))}`,
    span: { start, end },
  };
}

function unterminatedString(token: IToken): StageDiagnostic {
  return {
    code: 'GSN102',
    message: 'this string has no closing double quote; it was read to the end of its line',
    span: { start: token.startOffset, end: token.startOffset + 1 },
  };
}

function unterminatedComment(token: IToken): StageDiagnostic {
  return {
    code: 'GSN103',
    message: 'this block comment is never closed with */, so the rest of the file was skipped',
    span: { start: token.startOffset, end: token.startOffset + 2 },
  };
}
