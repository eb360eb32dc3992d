/**
 * Syntax highlighting for the playground editor: a small interpreter for the TextMate grammar in
 * grammar/gsn.tmLanguage.json (whose regexes are written to mean the same in JavaScript). It
 * supports what that grammar uses: `match` with `captures`, `begin`/`end` with
 * `beginCaptures`/`endCaptures`, nested `patterns`, `include` of `#repository` rules and
 * `$self`. Lines are tokenised one at a time; begin/end rules (block comments, strings,
 * annotation arguments) carry over line ends. Without a grammar the text is shown plain.
 */

export interface GrammarRule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, { name?: string }>;
  beginCaptures?: Record<string, { name?: string }>;
  endCaptures?: Record<string, { name?: string }>;
  patterns?: GrammarRule[];
  include?: string;
}

export interface Grammar {
  patterns: GrammarRule[];
  repository?: Record<string, GrammarRule>;
}

/** A run of text and the scopes it is in (outermost first). */
export interface Token {
  text: string;
  scopes: string[];
}

interface Compiled {
  rule: GrammarRule;
  regex: RegExp;
  end: string | null;
}

interface Frame {
  rule: GrammarRule;
  end: RegExp;
  /** Scopes of the begin and end matches (with the rule's name). */
  ruleScopes: string[];
  /** Scopes of the text between them (plus contentName). */
  scopes: string[];
  inner: Compiled[];
}

/** Safety net against a pathological grammar: at most this many tokens a line. */
const MAX_STEPS_PER_LINE = 10_000;

export class Highlighter {
  private readonly cache = new Map<GrammarRule[], Compiled[]>();
  private readonly root: Compiled[];

  constructor(private readonly grammar: Grammar) {
    this.root = this.compile(grammar.patterns);
  }

  /** Tokens of each line of `text` (split on \n; the newline itself is not in any token). */
  tokenize(text: string): Token[][] {
    const stack: Frame[] = [];
    const lines: Token[][] = [];
    for (const line of text.split('\n')) lines.push(this.tokenizeLine(line, stack));
    return lines;
  }

  private tokenizeLine(line: string, stack: Frame[]): Token[] {
    // One scope list a character, merged into runs at the end.
    const scopesAt: string[][] = new Array(line.length);
    const fill = (from: number, to: number, scopes: string[]) => {
      for (let i = from; i < to; i++) scopesAt[i] = scopes;
    };
    const paintCaptures = (match: RegExpExecArray, captures: GrammarRule['captures'], base: string[]) => {
      if (!captures || !match.indices) return;
      for (const [group, capture] of Object.entries(captures)) {
        const span = match.indices[Number(group)];
        if (!span || !capture.name) continue;
        for (let i = span[0]; i < span[1]; i++) scopesAt[i] = [...(scopesAt[i] ?? base), capture.name];
      }
    };

    let pos = 0;
    for (let steps = 0; pos <= line.length && steps < MAX_STEPS_PER_LINE; steps++) {
      const top = stack[stack.length - 1];
      const baseScopes = top ? top.scopes : [];
      const candidates = top ? top.inner : this.root;
      // Earliest match wins; on a tie the end pattern, then the first pattern in order.
      let best: { match: RegExpExecArray; compiled: Compiled | null } | null = null;
      if (top) {
        top.end.lastIndex = pos;
        const m = top.end.exec(line);
        if (m) best = { match: m, compiled: null };
      }
      for (const compiled of candidates) {
        compiled.regex.lastIndex = pos;
        const m = compiled.regex.exec(line);
        if (m && (!best || m.index < best.match.index)) best = { match: m, compiled };
      }
      if (!best) {
        fill(pos, line.length, baseScopes);
        break;
      }
      const { match, compiled } = best;
      const start = match.index;
      const stop = start + match[0].length;
      fill(pos, start, baseScopes);
      if (compiled === null) {
        // End of the innermost begin/end rule.
        const frame = stack.pop()!;
        const scopes = frame.ruleScopes;
        fill(start, stop, scopes);
        paintCaptures(match, frame.rule.endCaptures ?? frame.rule.captures, scopes);
      } else if (compiled.end !== null) {
        const rule = compiled.rule;
        const scopes = rule.name ? [...baseScopes, rule.name] : baseScopes;
        fill(start, stop, scopes);
        paintCaptures(match, rule.beginCaptures ?? rule.captures, scopes);
        stack.push({
          rule,
          end: toRegExp(compiled.end) ?? /$/dg,
          ruleScopes: scopes,
          scopes: rule.contentName ? [...scopes, rule.contentName] : scopes,
          inner: this.compile(rule.patterns ?? []),
        });
      } else {
        const scopes = compiled.rule.name ? [...baseScopes, compiled.rule.name] : baseScopes;
        fill(start, stop, scopes);
        paintCaptures(match, compiled.rule.captures, scopes);
      }
      // An empty match must still move on, or the loop would never end.
      pos = stop > pos ? stop : pos + 1;
      if (stop === start && start >= line.length) break;
    }
    return merge(line, scopesAt);
  }

  /** The leaf rules (match or begin/end) of a pattern list, includes expanded, regexes built. */
  private compile(patterns: GrammarRule[], seen = new Set<GrammarRule>()): Compiled[] {
    const cached = this.cache.get(patterns);
    if (cached) return cached;
    const out: Compiled[] = [];
    for (const rule of patterns) {
      if (rule.include !== undefined) {
        const target = this.resolveInclude(rule.include);
        if (!target || seen.has(target)) continue;
        seen.add(target);
        if (target.match !== undefined || target.begin !== undefined) out.push(...this.compile([target], seen));
        else out.push(...this.compile(target.patterns ?? [], seen));
        seen.delete(target);
        continue;
      }
      const source = rule.match ?? rule.begin;
      if (source === undefined) {
        if (rule.patterns) out.push(...this.compile(rule.patterns, seen));
        continue;
      }
      const regex = toRegExp(source);
      if (!regex) continue;
      out.push({ rule, regex, end: rule.begin !== undefined ? rule.end ?? '$' : null });
    }
    if (seen.size === 0) this.cache.set(patterns, out);
    return out;
  }

  private resolveInclude(include: string): GrammarRule | null {
    if (include === '$self' || include === '$base') return { patterns: this.grammar.patterns };
    if (include.startsWith('#')) return this.grammar.repository?.[include.slice(1)] ?? null;
    return null;
  }
}

function toRegExp(source: string): RegExp | null {
  try {
    return new RegExp(source, 'dg');
  } catch {
    return null; // A regex JavaScript cannot read is skipped, not fatal.
  }
}

function merge(line: string, scopesAt: string[][]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const scopes = scopesAt[i] ?? [];
    let j = i + 1;
    while (j < line.length && sameScopes(scopesAt[j] ?? [], scopes)) j++;
    tokens.push({ text: line.slice(i, j), scopes });
    i = j;
  }
  return tokens;
}

function sameScopes(a: string[], b: string[]): boolean {
  return a === b || (a.length === b.length && a.every((s, k) => s === b[k]));
}

/** CSS classes for a token: `t-` plus the first one and two parts of each scope name. */
export function classesFor(scopes: string[]): string {
  const classes = new Set<string>();
  for (const scope of scopes) {
    const parts = scope.split('.');
    if (parts[0] === 'meta') continue;
    classes.add(`t-${parts[0]}`);
    if (parts.length > 2) classes.add(`t-${parts[0]}-${parts[1]}`);
  }
  return [...classes].join(' ');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** The editor text as HTML: one span a token, lines joined by newlines. */
export function highlightHtml(highlighter: Highlighter | null, text: string): string {
  if (!highlighter) return escapeHtml(text);
  return highlighter
    .tokenize(text)
    .map((tokens) =>
      tokens
        .map((t) => {
          const classes = classesFor(t.scopes);
          return classes ? `<span class="${classes}">${escapeHtml(t.text)}</span>` : escapeHtml(t.text);
        })
        .join(''),
    )
    .join('\n');
}
