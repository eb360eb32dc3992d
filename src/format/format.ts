/**
 * The formatter: rewrites .gsn text in the canonical layout, from the token stream (so it keeps
 * every token, whatever the grammar grows) and the comments between tokens (the lexer skips
 * them; comments.ts finds them again in the gaps). The layout:
 *
 * - one statement per line (an element, a bare ID, a link, a challenge, `{`'s closing `}`), the
 *   element's modifiers, text, annotations and `{` on its line; two spaces per open block;
 * - single spaces between tokens, none inside `( )` or before `,`; an empty block is `{}`;
 * - blank lines kept, at most one in a row, none at a block's start or end or the file's start;
 * - comments kept where they are: a comment written after something on its line stays there,
 *   one on its own line stays on its own line (at the indentation of what follows);
 * - strings re-escaped canonically (`\\`, `\"`, `\n`); a string written over several lines is
 *   left as written, since its line breaks and indentation are its text;
 * - LF line ends and one final line break.
 *
 * Formatting never changes meaning: the result is parsed again and its AST (without positions)
 * and its comments must equal the input's, or formatGsn throws (a bug, never a silent change).
 */
import { severityOf } from '../diagnostics/codes.js';
import { LineIndex, compareDiagnostics, locate } from '../diagnostics/locate.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { IToken } from 'chevrotain';
import { tokenize } from '../syntax/lexer.js';
import { parse } from '../syntax/parse.js';
import { Keyword, Kind, Modifier, RelationModifier, StringLiteral, markRelationModifiers } from '../syntax/tokens.js';
import { commentsBetween, type Comment } from './comments.js';

export interface FormatOptions {
  /** Name used in diagnostics. Default `<input>`. */
  file?: string;
}

export interface FormatResult {
  /** The formatted text, or null when the input has syntax errors (see diagnostics). */
  text: string | null;
  /** The errors that stop formatting: syntax errors of the input, positioned in it. */
  diagnostics: Diagnostic[];
  /** Whether the formatted text differs from the input. */
  changed: boolean;
}

type Item = { type: 'token'; token: IToken; start: number; end: number } | { type: 'comment'; comment: Comment; start: number; end: number };

/** Formats one .gsn text. Refuses (text null) when it has syntax errors. */
export function formatGsn(text: string, options: FormatOptions = {}): FormatResult {
  const source = typeof text === 'string' ? text : String(text);
  const syntax = syntaxErrors(source, options.file ?? '<input>');
  if (syntax.length > 0) return { text: null, diagnostics: syntax, changed: false };
  const formatted = layoutText(source);
  verify(source, formatted);
  return { text: formatted, diagnostics: [], changed: formatted !== source };
}

/** Errors of the syntax stage (the checker's findings do not stop formatting). */
function syntaxErrors(source: string, file: string): Diagnostic[] {
  const parsed = parse(source, { limits: DEFAULT_LIMITS });
  const index = new LineIndex(source);
  return parsed.diagnostics
    .filter((d) => severityOf(d.code) === 'error')
    .map((d) => locate(d, index, { file }))
    .sort(compareDiagnostics);
}

function items(source: string): Item[] {
  const { tokens } = tokenize(source);
  markRelationModifiers(tokens);
  const found: Item[] = [];
  let at = 0;
  for (const token of tokens) {
    const start = token.startOffset;
    for (const comment of commentsBetween(source, at, start)) found.push({ type: 'comment', comment, start: comment.start, end: comment.end });
    const end = start + token.image.length;
    found.push({ type: 'token', token, start, end });
    at = end;
  }
  for (const comment of commentsBetween(source, at, source.length)) found.push({ type: 'comment', comment, start: comment.start, end: comment.end });
  return found;
}

// --- token classes -----------------------------------------------------------------------

function categories(t: IToken): readonly unknown[] {
  return (t.tokenType.CATEGORIES ?? []) as readonly unknown[];
}

function name(t: IToken | null): string {
  return t?.tokenType.name ?? '';
}

function isKind(t: IToken): boolean {
  return categories(t).includes(Kind);
}

function isModifier(t: IToken | null): boolean {
  return t !== null && (t.tokenType === RelationModifier || categories(t).includes(Modifier));
}

function isKeyword(t: IToken): boolean {
  return categories(t).includes(Keyword);
}

/** Tokens that never start a line of their own. */
const INLINE = new Set(['LCurly', 'StringLiteral', 'AtName', 'Comma', 'Arrow', 'LParen', 'RParen']);
/** Tokens after which an ID continues the statement. */
const ID_CONTINUES = new Set(['Arrow', 'Comma', 'Module', 'Import', 'Challenges']); // Import: modular extension

/** The state the line-break decision reads: the last token and what it ended. */
interface State {
  prev: IToken | null;
  /** The last token ends a modifier (`defeated`, or `many("n")` with its parentheses). */
  prefix: boolean;
}

/** Whether `t` starts a statement (and so a line), given what came before it. */
function startsStatement(t: IToken, s: State): boolean {
  if (s.prev === null) return true;
  const n = name(t);
  if (n === 'RCurly') return true;
  if (INLINE.has(n)) return false;
  if (isKind(t) || isModifier(t)) return !s.prefix;
  if (n === 'Identifier') return !(s.prefix || isKind(s.prev) || ID_CONTINUES.has(name(s.prev)));
  if (n === 'Challenges') return !(s.prefix || name(s.prev) === 'Identifier');
  if (isKeyword(t)) return !s.prefix;
  return false;
}

// --- the layout --------------------------------------------------------------------------

function layoutText(source: string): string {
  const list = items(source);
  const lines: string[] = [];
  let line = '';
  let depth = 0;
  let parens: boolean[] = []; // per open '(': whether it follows a modifier
  const state: State = { prev: null, prefix: false };
  let previous: Item | null = null;

  const newLine = (indent: number, blank: boolean) => {
    lines.push(line);
    if (blank && !line.endsWith('{')) lines.push('');
    line = '  '.repeat(Math.max(0, indent));
  };

  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const gap = previous === null ? '' : source.slice(previous.end, item.start);
    const breaksInGap = countLineBreaks(gap);
    const afterLineComment = previous?.type === 'comment' && previous.comment.line;
    const first = previous === null;

    if (item.type === 'comment') {
      const own = !first && (breaksInGap > 0 || afterLineComment);
      if (own) {
        const next = nextToken(list, i);
        const indent = next === null || parens.length > 0 ? depth : name(next) === 'RCurly' || startsStatement(next, state) ? depth : depth + 1;
        newLine(indent, breaksInGap > 1);
      } else if (!first) {
        line += ' ';
      }
      line += item.comment.text;
      previous = item;
      continue;
    }

    const t = item.token;
    const n = name(t);
    if (n === 'RCurly') depth--;
    const statement = parens.length === 0 && startsStatement(t, state);
    const emptyBlock = n === 'RCurly' && previous?.type === 'token' && name(previous.token) === 'LCurly';
    if (first) {
      // the first line starts at column 1
    } else if ((statement && !emptyBlock) || afterLineComment) {
      const indent = statement ? depth : depth + 1;
      newLine(indent, breaksInGap > 1 && n !== 'RCurly');
    } else if (!(n === 'Comma' || n === 'RParen' || n === 'LParen' || emptyBlock || (previous?.type === 'token' && name(previous.token) === 'LParen'))) {
      line += ' ';
    }
    line += tokenText(t);

    if (n === 'LCurly') depth++;
    if (n === 'LParen') parens.push(isModifier(state.prev) || (state.prefix && name(state.prev) === 'RParen'));
    let prefix = isModifier(t) || n === 'Contract'; // modular extension: `contract module X`, `contract X` stay on one line
    if (n === 'RParen') {
      prefix = parens.pop() ?? false;
    }
    state.prev = t;
    state.prefix = prefix;
    previous = item;
  }
  parens = [];
  lines.push(line);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function nextToken(list: Item[], from: number): IToken | null {
  for (let i = from + 1; i < list.length; i++) {
    const item = list[i]!;
    if (item.type === 'token') return item.token;
  }
  return null;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

function tokenText(t: IToken): string {
  if (t.tokenType !== StringLiteral) return t.image;
  // A string written over several lines is left as written: its line breaks are its text.
  if (/[\r\n]/.test(t.image)) return t.image.replace(/\r\n?/g, '\n');
  return quote(typeof t.payload === 'string' ? t.payload : t.image.slice(1, -1));
}

/** A string literal in canonical form: `\\`, `\"` and `\n` escaped, everything else as is. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n?|\n/g, '\\n')}"`;
}

// --- the safety net ----------------------------------------------------------------------

/** Throws when `formatted` does not mean exactly what `source` means, or lost a comment. */
function verify(source: string, formatted: string): void {
  const before = parse(source, { limits: DEFAULT_LIMITS });
  const after = parse(formatted, { limits: DEFAULT_LIMITS });
  const problem = after.diagnostics.find((d) => severityOf(d.code) === 'error');
  if (problem) throw new Error(`the formatter produced a syntax error (${problem.code}: ${problem.message}); the file was left unchanged`);
  if (meaning(before.value) !== meaning(after.value)) throw new Error('the formatter would change the meaning of this file; it was left unchanged');
  if (commentTexts(source).join('\u0000') !== commentTexts(formatted).join('\u0000')) throw new Error('the formatter would lose a comment; the file was left unchanged');
}

/** The AST without positions, as a string. */
export function meaning(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (key === 'span' || key.endsWith('Span') ? undefined : v));
}

function commentTexts(source: string): string[] {
  return items(source)
    .filter((i): i is Extract<Item, { type: 'comment' }> => i.type === 'comment')
    .map((i) => i.comment.text);
}
