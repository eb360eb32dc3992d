/**
 * The syntax stage: text -> AST. Lex, guard the nesting depth, parse (the fast path for text
 * without syntax errors, else the CstParser with recovery), build the AST. It never throws: whatever the input, it returns a (possibly partial) Document and the
 * diagnostics found, each with a span inside the text.
 */
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import type { Span, StageDiagnostic, StageResult } from '../diagnostics/types.js';
import type { Limits } from '../limits.js';
import type { Document } from './ast.js';
import { AstBuilder } from './cst-to-ast.js';
import { guardDepth } from './depth.js';
import { fastCst } from './fast-cst.js';
import { tokenize } from './lexer.js';
import { GsnErrorMessages } from './messages.js';
import { GsnParser } from './parser.js';
import { markRelationModifiers } from './tokens.js';

export interface ParseOptions {
  limits: Limits;
}

/** Syntax errors past this many are summed up in one message. */
const MAX_SYNTAX_ERRORS = 100;

// One parser (and its message provider) for the whole process: building one analyses the
// grammar, which costs far more than parsing a typical file (~20 ms). Built on first use: text
// without syntax errors never needs it (see fastCst).
const messages = new GsnErrorMessages();
let parser: GsnParser | null = null;

export function parse(text: string, options: ParseOptions): StageResult<Document> {
  const source = typeof text === 'string' ? text : String(text);
  try {
    return parseText(source, options);
  } catch (error) {
    return { value: emptyDocument(source), diagnostics: [internalError(error)] };
  }
}

function parseText(text: string, options: ParseOptions): StageResult<Document> {
  const lexed = tokenize(text);
  markRelationModifiers(lexed.tokens);
  const guarded = guardDepth(lexed.tokens, options.limits.maxDepth);

  const fast = fastCst(guarded.tokens);
  const { cst, errors } = fast ? { cst: undefined, errors: [] } : parseTokens(guarded.tokens);

  const reported = new Set<number>();
  const syntax = syntaxDiagnostics(errors, text, reported);
  const builder = new AstBuilder(text, { cut: guarded.diagnostic !== null });
  const value = fast ? builder.documentFromParts(fast) : builder.document(cst);
  // A structural complaint where a syntax error was already reported would say the same twice.
  for (const d of builder.diagnostics) {
    if (d.code !== 'GSN110' || !reported.has(d.span.start)) syntax.push(d);
  }
  const diagnostics = lexed.diagnostics.slice();
  if (guarded.diagnostic) diagnostics.push(guarded.diagnostic);
  for (const d of capSyntaxErrors(syntax)) diagnostics.push(d); // a loop: push(...x) overflows on huge x
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { value, diagnostics };
}

/**
 * The CST of tokens the fast path gave up on (fast-cst.ts reads text without syntax errors, the
 * same CST several times sooner): the CstParser recovers and words the errors.
 */
function parseTokens(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
  messages.setTokens(tokens);
  parser ??= new GsnParser(messages);
  parser.input = tokens;
  const cst = parser.document();
  const errors = parser.errors;
  parser.input = []; // release the tokens of this text
  messages.setTokens([]);
  return { cst, errors };
}

/**
 * One GSN110 per token position: recovery can fail more than once at the same token. An error
 * right after the token of an earlier one is a cascade of it (recovery resumed there and tripped
 * again), so it is dropped too. `seen` collects the reported positions for later checks.
 */
function syntaxDiagnostics(errors: IRecognitionException[], text: string, seen: Set<number>): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const error of errors) {
    const span = errorSpan(error.token, text);
    const after = (error as { previousToken?: IToken }).previousToken?.startOffset;
    if (seen.has(span.start) || (after !== undefined && seen.has(after))) continue;
    seen.add(span.start);
    found.push({ code: 'GSN110', message: error.message, span });
  }
  return found;
}

/** Past MAX_SYNTAX_ERRORS, the rest are summed up in one message: nobody reads the 101st. */
function capSyntaxErrors(found: StageDiagnostic[]): StageDiagnostic[] {
  const errors = found.filter((d) => d.code === 'GSN110');
  if (errors.length <= MAX_SYNTAX_ERRORS) return found;
  const kept = found.filter((d) => d.code !== 'GSN110');
  errors.sort((a, b) => a.span.start - b.span.start);
  for (const d of errors.slice(0, MAX_SYNTAX_ERRORS)) kept.push(d);
  const first = errors[MAX_SYNTAX_ERRORS];
  kept.push({
    code: 'GSN110',
    message: `${errors.length - MAX_SYNTAX_ERRORS} more syntax errors from here on are not reported`,
    span: first?.span ?? { start: 0, end: 0 },
  });
  return kept;
}

/** The offending token's span; at the end of the file (or for a made-up token), the last character. */
export function errorSpan(token: IToken | undefined, text: string): Span {
  const offset = token?.startOffset;
  if (token === undefined || offset === undefined || !Number.isFinite(offset) || token.image.length === 0) {
    return { start: Math.max(0, text.length - 1), end: text.length };
  }
  const start = Math.min(Math.max(0, offset), text.length);
  return { start, end: Math.min(text.length, start + token.image.length) };
}

function emptyDocument(text: string): Document {
  return { type: 'document', module: null, items: [], span: { start: 0, end: text.length } };
}

function internalError(error: unknown): StageDiagnostic {
  const what = error instanceof Error ? error.message : String(error);
  return { code: 'GSN999', message: `internal error in the gsnc parser (please report it with the input): ${what}`, span: { start: 0, end: 0 } };
}
