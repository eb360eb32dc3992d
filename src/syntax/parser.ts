/**
 * The grammar, and nothing else: a Chevrotain CstParser with error recovery. Building the AST
 * is cst-to-ast.ts's job; wording the errors is messages.ts's. grammar/grammar.ebnf has one rule
 * per rule here, under the same name (checked by tests/syntax/grammar-sync.test.ts). Text without
 * syntax errors is read by fast-cst.ts instead, a loop that builds the same CST; a change here
 * needs the same change there (tests/syntax/fast-cst.test.ts fails until both agree).
 *
 * Blocks are read FLAT: '{' and '}' are statements of their own, and the tree builder matches
 * them with an explicit stack ('{' opens the block of the element just before it). Chevrotain
 * spends about 20 stack frames per nested rule call, so a recursive `block` rule overflows
 * Node's default stack at about 850 levels, below the default limits.maxDepth of 1000. Flat,
 * the parser's stack use does not depend on the input, and a broken element cannot drag its
 * enclosing block into recovery. For the same reason, tokens that cannot start a statement are
 * consumed as Stray statements rather than left to Chevrotain's in-repetition recovery, which
 * recurses once per recovery. And ending `element` with its annotation loop (no '{' after it)
 * keeps Chevrotain from computing recovery follow sets after every element without a block.
 */
import { CstParser, EOF, type IParserErrorMessageProvider } from 'chevrotain';
import {
  allTokens,
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
  Stray,
  StringLiteral,
} from './tokens.js';

export class GsnParser extends CstParser {
  constructor(errorMessageProvider?: IParserErrorMessageProvider) {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 2,
      ...(errorMessageProvider ? { errorMessageProvider } : {}),
    });
    this.performSelfAnalysis();
  }

  /**
   * A module header anywhere but first is parsed too, so that the tree builder can say exactly
   * what is wrong with it (GSN212 when repeated) instead of a generic syntax error. Consuming
   * EOF explicitly gives the statement loop a follow token, which enables its error recovery.
   */
  public document = this.RULE('document', (): void => {
    this.OPTION(() => this.SUBRULE(this.moduleHeader));
    this.MANY(() => {
      this.OR([
        // A modifier before a relation (`defeated Sn1`, `defeated G1 -> Sn1`, `defeated
        // challenges G2`; re-tagged by parse.ts) is a statement of its own that the tree
        // builder attaches to the statement after it.
        {
          ALT: () => {
            this.CONSUME(RelationModifier);
            this.OPTION2(() => this.SUBRULE3(this.modifierLabel));
          },
        },
        { ALT: () => this.SUBRULE(this.element) },
        { ALT: () => this.SUBRULE(this.linkStatement) }, // ID '->' ...: tried before a bare ID
        { ALT: () => this.SUBRULE(this.challengeStatement) }, // ID? 'challenges' ...: before a bare ID
        { ALT: () => this.CONSUME(Identifier) }, // a bare ID: a reference, inside a block
        { ALT: () => this.CONSUME(LCurly) }, // opens the block of the element just before
        { ALT: () => this.CONSUME(RCurly) }, // closes the innermost open block
        { ALT: () => this.SUBRULE2(this.moduleHeader) },
        { ALT: () => this.SUBRULE(this.importStatement) }, // modular extension: after the header
        { ALT: () => this.SUBRULE(this.contractStatement) }, // modular extension
        { ALT: () => this.CONSUME(Stray) }, // reported by the tree builder, once per run
      ]);
    });
    this.CONSUME(EOF);
  });

  public moduleHeader = this.RULE('moduleHeader', (): void => {
    this.CONSUME(ModuleKw);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
  });

  /**
   * Modular extension: `import Name`, the module named Name (the CLI reads Name.gsn beside the
   * file), or `import "path/to/file.gsn"`, the file at that path relative to this one.
   */
  public importStatement = this.RULE('importStatement', (): void => {
    this.CONSUME(ImportKw);
    this.OR([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(StringLiteral) }]);
  });

  /**
   * Modular extension: `contract module Name "..."`, the header of a contract module, or
   * `contract Name`, a contract module reference (in the block of the goal it supports). One
   * rule, so that what follows `contract` is decided after it, and a mistake there is reported
   * at that token.
   */
  public contractStatement = this.RULE('contractStatement', (): void => {
    this.CONSUME(ContractKw);
    this.OR([{ ALT: () => this.SUBRULE(this.moduleHeader) }, { ALT: () => this.CONSUME(Identifier) }]);
  });

  /** An element; a '{' right after it (a statement of its own) opens its block. */
  public element = this.RULE('element', (): void => {
    this.MANY(() => {
      this.CONSUME(Modifier);
      this.OPTION(() => this.SUBRULE(this.modifierLabel));
    });
    this.CONSUME(Kind);
    this.CONSUME(Identifier);
    this.CONSUME(StringLiteral);
    this.MANY2(() => this.SUBRULE(this.annotation));
  });

  /** Pattern extension: the label of a modifier, `many(n)`, `choice("1 of 3")`. */
  public modifierLabel = this.RULE('modifierLabel', (): void => {
    this.CONSUME(LParen);
    this.CONSUME(ArgValue);
    this.CONSUME(RParen);
  });

  public linkStatement = this.RULE('linkStatement', (): void => {
    this.CONSUME(Identifier);
    this.CONSUME(Arrow);
    this.CONSUME2(Identifier);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.CONSUME3(Identifier);
    });
  });

  /** `CG1 challenges G2, G1 -> Sn1` (top level) or `challenges G2` (in the challenger's block). */
  public challengeStatement = this.RULE('challengeStatement', (): void => {
    this.OPTION(() => this.CONSUME(Identifier));
    this.CONSUME(ChallengesKw);
    this.SUBRULE(this.challengeTarget);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.challengeTarget);
    });
  });

  /** An element (`G2`) or a relation (`G1 -> Sn1`). */
  public challengeTarget = this.RULE('challengeTarget', (): void => {
    this.CONSUME(Identifier);
    this.OPTION(() => {
      this.CONSUME(Arrow);
      this.CONSUME2(Identifier);
    });
  });

  public annotation = this.RULE('annotation', (): void => {
    this.CONSUME(AtName);
    this.OPTION(() => {
      this.CONSUME(LParen);
      this.OPTION2(() => {
        this.CONSUME(ArgValue);
        this.MANY(() => {
          this.CONSUME(Comma);
          this.CONSUME2(ArgValue);
        });
      });
      this.CONSUME(RParen);
    });
  });
}
