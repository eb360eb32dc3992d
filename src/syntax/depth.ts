/**
 * The nesting guard (limits.maxDepth). Parser and tree builder no longer recurse per level, but
 * every later stage walks the tree, so the limit is enforced here, before parsing: an iterative
 * scan of the token vector cuts the input at the first brace past the limit, and only the part
 * before it is parsed. The blocks open at the cut are left open (the builder knows why).
 */
import type { IToken } from 'chevrotain';
import type { StageDiagnostic } from '../diagnostics/types.js';
import { LCurly, RCurly } from './tokens.js';

export interface DepthGuardResult {
  tokens: IToken[];
  diagnostic: StageDiagnostic | null;
}

/**
 * Counts every '{' as one level (even a stray one the parser would reject), which can only
 * make the guard stricter than the real nesting, never looser.
 */
export function guardDepth(tokens: IToken[], maxDepth: number): DepthGuardResult {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]?.tokenType;
    if (type === RCurly && depth > 0) depth--;
    if (type !== LCurly) continue;
    depth++;
    if (depth > maxDepth) return cutAt(tokens, i, maxDepth);
  }
  return { tokens, diagnostic: null };
}

/** Keeps the tokens before the brace at `index`; the blocks open there stay open. */
function cutAt(tokens: IToken[], index: number, maxDepth: number): DepthGuardResult {
  const at = tokens[index]?.startOffset ?? 0;
  return {
    tokens: tokens.slice(0, index),
    diagnostic: {
      code: 'GSN902',
      message: `blocks are nested more than ${maxDepth} levels deep here; the rest of the file was not read (limits.maxDepth is ${maxDepth})`,
      span: { start: at, end: at + 1 },
    },
  };
}
