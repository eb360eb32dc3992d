/**
 * A fast path past Chevrotain for text without syntax errors. The grammar (parser.ts) is flat
 * and LL(2), so a loop over the tokens can build the very CST the CstParser would (the document's
 * children in source order rather than grouped by name, an element as its parts rather than a
 * node), and the tree builder cannot tell the two apart. On a 5 MB file that takes a fraction of the CstParser's time,
 * which spends most of its time on the general machinery (lookahead functions, recovery
 * bookkeeping, rule stacks).
 *
 * It never reports anything: at the first token the grammar would not accept here, it gives up
 * (null), and parse.ts runs the CstParser, whose recovery and GSN-worded messages stay the one
 * source of syntax errors. So the only contract is: when this returns a CST, it is the CST the
 * CstParser builds for the same tokens, with no errors (tests/syntax/fast-cst.test.ts compares
 * the two on the examples, the fixtures, generated programs, mutants and token soup).
 *
 * Keys follow Chevrotain's CST: children are keyed by the name of the token type or rule the
 * grammar consumes (the token type's own name, `Import` for ImportKw; a category's name, not the
 * concrete token's: `Kind`, not `Goal`), in order.
 */
import { tokenMatcher, type CstElement, type CstNode, type IToken, type TokenType } from 'chevrotain';
import type { DocumentPart, ElementParts } from './cst-to-ast.js';
import {
  ArgValue,
  Arrow,
  AtName,
  ChallengesKw,
  Comma,
  ContractKw,
  Identifier,
  ImportKw,
  Kind,
  LCurly,
  LParen,
  Modifier,
  ModuleKw,
  RCurly,
  RelationModifier,
  RParen,
  StringLiteral,
} from './tokens.js';

type Children = Record<string, CstElement[]>;

/** Shared by every element without modifiers, labels or annotations; never written to. */
const NONE: never[] = [];

/** Thrown to abandon the fast path; caught in fastCst only. */
const GIVE_UP = Symbol('give up');

/**
 * The children of `document`'s CST for `tokens`, in source order (Chevrotain groups them by
 * name; the tree builder would only have to undo that), or null when the tokens hold anything
 * but what the grammar accepts.
 */
export function fastCst(tokens: readonly IToken[]): DocumentPart[] | null {
  try {
    return new FlatReader(tokens).document();
  } catch (error) {
    if (error === GIVE_UP) return null;
    throw error;
  }
}

class FlatReader {
  private at = 0;

  constructor(private readonly tokens: readonly IToken[]) {}

  document(): DocumentPart[] {
    const parts: DocumentPart[] = [];
    if (this.is(ModuleKw)) parts.push({ key: 'moduleHeader', part: this.moduleHeader() });
    while (this.at < this.tokens.length) this.statement(parts);
    return parts;
  }

  /** One alternative of the document's statement loop, chosen as the CstParser's OR chooses. */
  private statement(parts: DocumentPart[]): void {
    const put = (key: string, part: CstElement | ElementParts) => parts.push({ key, part });
    const token = this.tokens[this.at]!;
    const type = token.tokenType;
    if (type === RelationModifier) {
      put(RelationModifier.name, this.take(RelationModifier));
      if (this.is(LParen)) put('modifierLabel', this.modifierLabel());
    } else if (type === Identifier) {
      const next = this.tokens[this.at + 1]?.tokenType;
      if (next === Arrow) put('linkStatement', this.linkStatement());
      else if (next === ChallengesKw) put('challengeStatement', this.challengeStatement());
      else put(Identifier.name, this.take(Identifier));
    } else if (type === LCurly) {
      put(LCurly.name, this.take(LCurly));
    } else if (type === RCurly) {
      put(RCurly.name, this.take(RCurly));
    } else if (type === ChallengesKw) {
      put('challengeStatement', this.challengeStatement());
    } else if (tokenMatcher(token, Kind) || tokenMatcher(token, Modifier)) {
      put('element', this.element());
    } else if (type === ModuleKw) {
      put('moduleHeader', this.moduleHeader());
    } else if (type === ImportKw) {
      put('importStatement', this.importStatement());
    } else if (type === ContractKw) {
      put('contractStatement', this.contractStatement());
    } else {
      throw GIVE_UP; // a stray token: the CstParser reports it
    }
  }

  /** An element as its parts; lists that stay empty are one shared array (most elements have no modifier). */
  private element(): ElementParts {
    let modifiers: IToken[] = NONE;
    let labels: CstNode[] = NONE;
    while (this.is(Modifier)) {
      if (modifiers === NONE) modifiers = [];
      modifiers.push(this.take(Modifier));
      if (this.is(LParen)) {
        if (labels === NONE) labels = [];
        labels.push(this.modifierLabel());
      }
    }
    const kind = this.take(Kind);
    const id = this.take(Identifier);
    const text = this.take(StringLiteral);
    let annotations: CstNode[] = NONE;
    while (this.is(AtName)) {
      if (annotations === NONE) annotations = [];
      annotations.push(this.annotation());
    }
    return { modifiers, labels, kind, id, text, annotations };
  }

  private annotation(): CstNode {
    const children: Children = {};
    add(children, AtName.name, this.take(AtName));
    if (this.is(LParen)) {
      add(children, LParen.name, this.take(LParen));
      if (this.is(ArgValue)) {
        add(children, ArgValue.name, this.take(ArgValue));
        while (this.is(Comma)) {
          add(children, Comma.name, this.take(Comma));
          add(children, ArgValue.name, this.take(ArgValue));
        }
      }
      add(children, RParen.name, this.take(RParen));
    }
    return node('annotation', children);
  }

  private modifierLabel(): CstNode {
    const children: Children = {};
    add(children, LParen.name, this.take(LParen));
    add(children, ArgValue.name, this.take(ArgValue));
    add(children, RParen.name, this.take(RParen));
    return node('modifierLabel', children);
  }

  private linkStatement(): CstNode {
    const children: Children = {};
    add(children, Identifier.name, this.take(Identifier));
    add(children, Arrow.name, this.take(Arrow));
    add(children, Identifier.name, this.take(Identifier));
    while (this.is(Comma)) {
      add(children, Comma.name, this.take(Comma));
      add(children, Identifier.name, this.take(Identifier));
    }
    return node('linkStatement', children);
  }

  private challengeStatement(): CstNode {
    const children: Children = {};
    if (this.is(Identifier)) add(children, Identifier.name, this.take(Identifier));
    add(children, ChallengesKw.name, this.take(ChallengesKw));
    add(children, 'challengeTarget', this.challengeTarget());
    while (this.is(Comma)) {
      add(children, Comma.name, this.take(Comma));
      add(children, 'challengeTarget', this.challengeTarget());
    }
    return node('challengeStatement', children);
  }

  private challengeTarget(): CstNode {
    const children: Children = {};
    add(children, Identifier.name, this.take(Identifier));
    if (this.is(Arrow)) {
      add(children, Arrow.name, this.take(Arrow));
      add(children, Identifier.name, this.take(Identifier));
    }
    return node('challengeTarget', children);
  }

  private moduleHeader(): CstNode {
    const children: Children = {};
    add(children, ModuleKw.name, this.take(ModuleKw));
    add(children, Identifier.name, this.take(Identifier));
    if (this.is(StringLiteral)) add(children, StringLiteral.name, this.take(StringLiteral));
    return node('moduleHeader', children);
  }

  private importStatement(): CstNode {
    const children: Children = {};
    add(children, ImportKw.name, this.take(ImportKw));
    if (this.is(Identifier)) add(children, Identifier.name, this.take(Identifier));
    else add(children, StringLiteral.name, this.take(StringLiteral));
    return node('importStatement', children);
  }

  private contractStatement(): CstNode {
    const children: Children = {};
    add(children, ContractKw.name, this.take(ContractKw));
    if (this.is(ModuleKw)) add(children, 'moduleHeader', this.moduleHeader());
    else add(children, Identifier.name, this.take(Identifier));
    return node('contractStatement', children);
  }

  private is(type: TokenType): boolean {
    const token = this.tokens[this.at];
    return token !== undefined && tokenMatcher(token, type);
  }

  /** The next token, which must match `type` (keyed under `type.name`, as Chevrotain keys it). */
  private take(type: TokenType): IToken {
    const token = this.tokens[this.at];
    if (token === undefined || !tokenMatcher(token, type)) throw GIVE_UP;
    this.at++;
    return token;
  }
}

function node(name: string, children: Children): CstNode {
  return { name, children };
}

function add(children: Children, key: string, element: CstElement): void {
  const list = children[key];
  if (list) list.push(element);
  else children[key] = [element];
}
