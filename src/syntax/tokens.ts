/**
 * The tokens of the gsnc notation. Order matters: Chevrotain tries patterns in this order (after
 * narrowing them by first character), so longer or more specific patterns come first.
 * grammar/tokens.md documents every token here; tests/syntax/grammar-sync.test.ts checks it.
 */
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';

// ---------------------------------------------------------------------------------------------
// Categories: abstract tokens the parser consumes to accept any of their members at once.

/** Abstract: any element kind keyword. */
export const Kind = createToken({ name: 'Kind', pattern: Lexer.NA, label: 'an element kind' });
/** Abstract: any modifier keyword. */
export const Modifier = createToken({ name: 'Modifier', pattern: Lexer.NA, label: 'a modifier' });
/** Abstract: any keyword. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA, label: 'a keyword' });
/**
 * Abstract: anything that can be an annotation argument: an ID, a hyphenated name, a keyword
 * (as a plain name: `@class(context)` is not ambiguous), a number or a string. A category
 * instead of a rule keeps one rule call (and one CST node) per argument out of the parser.
 */
export const ArgValue = createToken({ name: 'ArgValue', pattern: Lexer.NA, label: 'an annotation argument' });
/**
 * Abstract: a token that cannot start a statement. The parser consumes a run of them as one
 * "stray" statement that the tree builder reports once. Without it, Chevrotain's in-repetition
 * recovery would handle them, and it recurses once per recovery: a file of stray tokens would
 * overflow the stack.
 */
export const Stray = createToken({ name: 'Stray', pattern: Lexer.NA, label: 'a stray token' });

/**
 * Abstract: a modifier written before a relation (`defeated Sn1`, `defeated G1 -> Sn1`,
 * `defeated challenges G2`) or before '{' (`choice("1 of 2") {`, a choice group). Never lexed:
 * parse.ts re-tags a run of modifiers followed by an ID, `challenges` or '{' with it, which
 * keeps the parser LL(1) where no fixed lookahead could see past the run.
 */
export const RelationModifier = createToken({ name: 'RelationModifier', pattern: Lexer.NA, label: 'a modifier of a link' });

// ---------------------------------------------------------------------------------------------
// Skipped: whitespace, a byte order mark at the very start (files saved by Windows editors just
// work), and comments.

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/**
 * U+FEFF at offset 0 only. Anywhere else it is a zero-width character that would split what
 * reads as one ID into two (`Sn1<U+FEFF>Sn2`), so it is an unexpected character (GSN101).
 */
export const ByteOrderMark = createToken({
  name: 'ByteOrderMark',
  pattern: { exec: (text: string, offset: number): CustomPatternMatcherReturn | null => (offset === 0 && text.charCodeAt(0) === 0xfeff ? ['\ufeff'] : null) },
  start_chars_hint: ['\ufeff'],
  group: Lexer.SKIPPED,
});

export const LineComment = createToken({
  name: 'LineComment',
  pattern: /\/\/[^\n\r]*/,
  group: Lexer.SKIPPED,
});

/** A closed block comment. A plain loop, not a lazy regex, so a huge comment cannot hurt. */
function matchBlockComment(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 0x2f || text.charCodeAt(offset + 1) !== 0x2a) return null;
  const close = text.indexOf('*/', offset + 2);
  if (close < 0) return null; // left to UnterminatedComment, which reports GSN103
  return [text.slice(offset, close + 2)];
}

export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: { exec: matchBlockComment },
  start_chars_hint: ['/'],
  line_breaks: true,
  group: Lexer.SKIPPED,
});

/** `/*` never closed: it swallows the rest of the file, and the lexer reports GSN103 for it. */
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment',
  pattern: /\/\*[\s\S]*/,
  line_breaks: true,
  group: 'problems',
});

// ---------------------------------------------------------------------------------------------
// Strings.

/**
 * Where the last failed search for a closing quote started, per text. If a string opened at
 * `from` has no closing quote, no string opened later can have one either (every later quote
 * was consumed as an escaped character, and both scans agree from the next character on), so
 * the memo keeps a file full of stray `\"` linear instead of quadratic.
 */
const unclosed = { text: '', from: -1 };

/** Forgets the memo; called before each tokenize so a new text never reuses an old answer. */
export function resetStringScan(): void {
  unclosed.text = '';
  unclosed.from = -1;
}

/**
 * A double-quoted string that may span lines. When it is never closed, it ends at the end of
 * its first line (the lexer reports GSN102) so the rest of the file is still read.
 */
function matchString(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 0x22) return null;
  const known = unclosed.text === text && unclosed.from >= 0 && offset > unclosed.from;
  if (!known) {
    const end = findClosingQuote(text, offset + 1);
    if (end >= 0) return [text.slice(offset, end + 1)];
    unclosed.text = text;
    unclosed.from = offset;
  }
  return [text.slice(offset, endOfLine(text, offset + 1))];
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i;
    if (c === 0x5c) i++; // skip the escaped character, whatever it is
  }
  return -1;
}

function endOfLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
  }
  return text.length;
}

export const StringLiteral = createToken({
  name: 'StringLiteral',
  categories: [ArgValue, Stray],
  pattern: { exec: matchString },
  start_chars_hint: ['"'],
  line_breaks: true,
  label: 'a "string"',
});

// ---------------------------------------------------------------------------------------------
// Names and numbers.

/** `@name`; hyphens are allowed because framework annotations use them (@subsystem-risk). */
export const AtName = createToken({
  name: 'AtName',
  pattern: /@[A-Za-z_][A-Za-z0-9_-]*/,
  categories: [Stray],
  label: 'an @annotation',
});

/**
 * A name with a hyphen, such as `not-alignment-faking`: a building-block argument of a
 * framework annotation. Never an element ID (IDs have no hyphen); the parser says so. It must
 * have a letter or digit after each hyphen, so `G1->G2` is still ID, arrow, ID.
 */
export const HyphenName = createToken({
  name: 'HyphenName',
  pattern: /[A-Za-z_][A-Za-z0-9_.]*(?:-[A-Za-z0-9_][A-Za-z0-9_.]*)+/,
  categories: [ArgValue, Stray],
  label: 'a hyphenated name',
});

/** An element ID: a letter or `_`, then letters, digits, `_` or `.`, not ending in `.`. */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?/,
  categories: [ArgValue],
  label: 'an ID',
});

export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/,
  categories: [ArgValue, Stray],
  label: 'a number',
});

// ---------------------------------------------------------------------------------------------
// Keywords.

function keyword(word: string, categories: TokenType[]): TokenType {
  return createToken({
    name: word.charAt(0).toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Identifier, // so `goals` or `goal.x` is an ID, not a keyword plus more
    categories: [Keyword, ArgValue, ...categories],
    label: `'${word}'`,
  });
}

export const ModuleKw = keyword('module', []);
export const GoalKw = keyword('goal', [Kind]);
export const StrategyKw = keyword('strategy', [Kind]);
export const SolutionKw = keyword('solution', [Kind]);
export const ContextKw = keyword('context', [Kind]);
export const AssumptionKw = keyword('assumption', [Kind]);
export const JustificationKw = keyword('justification', [Kind]);
export const UndevelopedKw = keyword('undeveloped', [Modifier]);
export const UninstantiatedKw = keyword('uninstantiated', [Modifier]);
// GSN Community Standard v3 extensions (grammar/extensions.md).
export const CounterKw = keyword('counter', [Modifier]);
export const DefeatedKw = keyword('defeated', [Modifier]);
export const ChallengesKw = keyword('challenges', []);
export const ManyKw = keyword('many', [Modifier]);
export const OptionalKw = keyword('optional', [Modifier]);
export const ChoiceKw = keyword('choice', [Modifier]);
// Modular extension: `import Name` after the module header, `public` elements; `contract module
// Name` (a contract module's header) and `contract Name` (a contract module reference).
export const ImportKw = keyword('import', []);
export const PublicKw = keyword('public', [Modifier]);
export const ContractKw = keyword('contract', []);

const KEYWORDS = [
  ModuleKw,
  GoalKw,
  StrategyKw,
  SolutionKw,
  ContextKw,
  AssumptionKw,
  JustificationKw,
  UndevelopedKw,
  UninstantiatedKw,
  CounterKw,
  DefeatedKw,
  ChallengesKw,
  ManyKw,
  OptionalKw,
  ChoiceKw,
  ImportKw,
  PublicKw,
  ContractKw,
];

// ---------------------------------------------------------------------------------------------
// Punctuation.

export const LCurly = createToken({ name: 'LCurly', pattern: /\{/, label: "'{'" });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/, label: "'}'" });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('", categories: [Stray] });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'", categories: [Stray] });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','", categories: [Stray] });
export const Arrow = createToken({ name: 'Arrow', pattern: /->/, label: "'->'", categories: [Stray] });

/** Every token the lexer produces or skips, in matching order (categories last: never matched). */
export const allTokens: TokenType[] = [
  WhiteSpace,
  ByteOrderMark,
  LineComment,
  BlockComment,
  UnterminatedComment,
  StringLiteral,
  AtName,
  HyphenName,
  ...KEYWORDS,
  Identifier,
  Arrow, // before NumberLiteral: `->` is never a negative number
  NumberLiteral,
  LCurly,
  RCurly,
  LParen,
  RParen,
  Comma,
  Kind,
  Modifier,
  Keyword,
  ArgValue,
  Stray,
  RelationModifier,
];

/**
 * Re-tags each run of modifiers followed by an ID or `challenges` as RelationModifier tokens. A
 * modifier's label (`many(n)`: '(' ArgValue ')') is part of the run. A run followed by '{' is
 * re-tagged too: `choice("1 of 2") {` opens a choice group in a block (pattern extension).
 */
export function markRelationModifiers(tokens: IToken[]): void {
  let runStart = -1;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if ((type.CATEGORIES ?? []).includes(Modifier)) {
      if (runStart < 0) runStart = i;
      if (tokens[i + 1]?.tokenType === LParen && tokens[i + 3]?.tokenType === RParen) i += 3;
      continue;
    }
    if (runStart >= 0 && (type === Identifier || type === ChallengesKw || type === LCurly)) {
      for (let j = runStart; j < i; j++) if ((tokens[j]!.tokenType.CATEGORIES ?? []).includes(Modifier)) retag(tokens[j]!, RelationModifier);
    }
    runStart = -1;
  }
}

function retag(token: IToken, type: TokenType): void {
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx!;
}
