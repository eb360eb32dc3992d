/**
 * Syntax errors worded in GSN terms. Chevrotain calls this provider with the expected token,
 * the token found and the rule; the source context (which element a block belongs to, which
 * kind an ID follows) comes from the token vector of the parse in progress, set by parse().
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { ELEMENT_KINDS } from './ast.js';
import {
  ArgValue,
  Arrow,
  AtName,
  HyphenName,
  Identifier,
  Keyword,
  Kind,
  LCurly,
  LParen,
  RCurly,
  RParen,
  StringLiteral,
} from './tokens.js';

const KIND_LIST = ELEMENT_KINDS.join(', ');

/** The token vector being parsed, with a lazily built map from each token to its open block. */
class SourceContext {
  private openBlock: Int32Array | null = null;

  constructor(readonly tokens: IToken[]) {}

  /** Index of `token` in the vector (binary search on offsets), or -1 for EOF/inserted ones. */
  indexOf(token: IToken | undefined): number {
    if (token === undefined || !Number.isFinite(token.startOffset)) return -1;
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.tokens[mid]?.startOffset ?? 0;
      if (at === token.startOffset) return mid;
      if (at < token.startOffset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  at(index: number): IToken | undefined {
    return index >= 0 ? this.tokens[index] : undefined;
  }

  /** The ID of the element whose block is open at token `index` (the end when -1). */
  blockOwner(index: number): string | null {
    const table = this.openBlock ?? (this.openBlock = buildOpenBlocks(this.tokens));
    const i = index < 0 ? this.tokens.length : index;
    const brace = table[i] ?? -1;
    return brace < 0 ? null : elementIdBefore(this.tokens, brace);
  }
}

/** For each token position (and one past the end), the index of the innermost open '{'. */
function buildOpenBlocks(tokens: IToken[]): Int32Array {
  const table = new Int32Array(tokens.length + 1);
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]?.tokenType;
    if (type === RCurly) open.pop();
    table[i] = open[open.length - 1] ?? -1;
    if (type === LCurly) open.push(i);
  }
  table[tokens.length] = open[open.length - 1] ?? -1;
  return table;
}

/** The ID of the element a '{' opens: the token after the nearest kind keyword before it. */
function elementIdBefore(tokens: IToken[], brace: number): string | null {
  for (let i = brace - 1; i >= 0 && i > brace - 200; i--) {
    const t = tokens[i];
    if (t && isKind(t)) {
      const id = tokens[i + 1];
      return id && id.tokenType === Identifier ? id.image : null;
    }
    if (t && (t.tokenType === LCurly || t.tokenType === RCurly)) return null;
  }
  return null;
}

function isKind(token: IToken): boolean {
  return (token.tokenType.CATEGORIES ?? []).includes(Kind);
}

function isKeyword(token: IToken): boolean {
  return (token.tokenType.CATEGORIES ?? []).includes(Keyword);
}

/** How a found token is named in a message; user text is never echoed at length. */
export function describeToken(token: IToken | undefined): string {
  if (token === undefined || token.tokenType === EOF) return 'the end of the file';
  if (token.tokenType === StringLiteral) return 'a string';
  const image = token.image.length > 40 ? `${token.image.slice(0, 40)}...` : token.image;
  return `'${image}'`;
}

function labelOf(type: TokenType): string {
  return type.LABEL ?? type.name;
}

export class GsnErrorMessages implements IParserErrorMessageProvider {
  private context = new SourceContext([]);

  /** Called by parse() before each run: messages look at the tokens around an error. */
  setTokens(tokens: IToken[]): void {
    this.context = new SourceContext(tokens);
  }

  buildMismatchTokenMessage(options: {
    expected: TokenType;
    actual: IToken;
    previous: IToken;
    ruleName: string;
  }): string {
    const { expected, actual, previous, ruleName } = options;
    const found = describeToken(actual);
    if (expected === EOF) return this.statementMessage(actual);
    if (expected === ArgValue) return `an argument of ${this.annotationBefore(previous)} is an ID, a number or a "string", found ${found}`;
    if (expected === Identifier) return this.missingId(actual, previous, ruleName);
    if (expected === StringLiteral && ruleName === 'element') return this.missingText(previous, found);
    if (expected === Kind) return `expected an element kind (${KIND_LIST}) after '${previous.image}', found ${found}`;
    if (expected === Arrow) {
      return `expected '->' after ${previous.image}, found ${found}: at the top level a bare ID starts a link, as in ${previous.image} -> Sn1`;
    }
    if (expected === RParen && previous.tokenType === LParen) {
      return `an argument of ${this.annotationBefore(previous)} is an ID, a number or a "string", found ${found}`;
    }
    if (expected === RParen) return `expected ',' or ')' in the arguments of ${this.annotationBefore(previous)}, found ${found}`;
    return `expected ${labelOf(expected)}, found ${found}`;
  }

  private missingId(actual: IToken, previous: IToken, ruleName: string): string {
    if (isKeyword(actual)) return `'${actual.image}' is a keyword and cannot be used as an ID`;
    if (actual.tokenType === HyphenName) {
      return `'${actual.image}' cannot be an ID: an ID has letters, digits, '_' and '.', but no '-'`;
    }
    const found = describeToken(actual);
    if (ruleName === 'moduleHeader') return `expected the module's name after 'module', found ${found}: module Name "description"`;
    if (ruleName === 'importStatement') return importMessage(found);
    if (ruleName === 'linkStatement') return `expected the ID of an element after '${previous.image}', found ${found}`;
    const kind = previous.image || 'an element';
    return `${kind} needs an ID before its text, found ${found}: ${kind} G1 "..."`;
  }

  private missingText(previous: IToken, found: string): string {
    const index = this.context.indexOf(previous);
    const kindToken = this.context.at(index - 1);
    const kind = kindToken && isKind(kindToken) ? kindToken.image : 'element';
    const id = previous.tokenType === Identifier && previous.image ? previous.image : 'G1';
    return `${kind} ${id} needs its text in double quotes: ${kind} ${id} "...", found ${found}`;
  }

  /** Something that starts no statement: worded for the block it is in, or the top level. */
  private statementMessage(actual: IToken): string {
    const owner = this.context.blockOwner(this.context.indexOf(actual));
    if (owner === null || actual.tokenType === RCurly || actual.tokenType === EOF) return topLevelMessage(actual);
    return `expected an element kind (${KIND_LIST}), a bare ID or '}' inside the block of ${owner}, found ${describeToken(actual)}`;
  }

  private annotationBefore(previous: IToken): string {
    const index = this.context.indexOf(previous);
    for (let i = index; i >= 0 && i > index - 1000; i--) {
      const t = this.context.at(i);
      if (t?.tokenType === AtName) return t.image;
    }
    return 'the annotation';
  }

  buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
    return topLevelMessage(options.firstRedundant);
  }

  buildNoViableAltMessage(options: {
    expectedPathsPerAlt: TokenType[][][];
    actual: IToken[];
    previous: IToken;
    customUserDescription?: string;
    ruleName: string;
  }): string {
    if (options.ruleName === 'importStatement') return importMessage(describeToken(options.actual[0]));
    if (options.ruleName === 'contractStatement') return contractMessage(describeToken(options.actual[0]));
    return this.statementMessage(options.actual[0] ?? options.previous);
  }

  buildEarlyExitMessage(options: {
    expectedIterationPaths: TokenType[][];
    actual: IToken[];
    previous: IToken;
    customUserDescription?: string;
    ruleName: string;
  }): string {
    return `unexpected ${describeToken(options.actual[0])}`;
  }
}

/** Modular extension: what may follow `import`. */
function importMessage(found: string): string {
  return `expected the name of a module or a "path" after 'import', found ${found}: import Name, or import "path/to/file.gsn"`;
}

/** Modular extension: what may follow `contract`. */
function contractMessage(found: string): string {
  return `expected the name of a contract module after 'contract' (contract Name, in the block of the goal it supports) or 'module' (contract module Name, a contract module's header), found ${found}`;
}

/** Something at the top level that starts no element, link or header. */
export function topLevelMessage(token: IToken | undefined): string {
  if (token?.tokenType === RCurly) return "unexpected '}': there is no open block to close here";
  if (token?.tokenType === LCurly) return "unexpected '{': a block follows an element, as in goal G1 \"...\" { ... }";
  const found = describeToken(token);
  return `expected an element (${KIND_LIST}), a link such as G1 -> Sn1 or the module header at the top level, found ${found}`;
}
