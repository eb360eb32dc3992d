/**
 * A small TextMate tokenizer, enough to test grammar/gsn.tmLanguage.json without vscode-textmate:
 * match rules with captures, begin/end rules (kept across lines) with begin/end captures,
 * `include` of `#repository` entries and `$self`. Regexes run as JavaScript regexes, which the
 * grammar keeps to the syntax Oniguruma and JavaScript share. Like TextMate it scans one line at
 * a time, takes the earliest match, prefers the end pattern on a tie, then the first rule.
 */

export interface Rule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, { name?: string }>;
  beginCaptures?: Record<string, { name?: string }>;
  endCaptures?: Record<string, { name?: string }>;
  patterns?: Rule[];
  include?: string;
  comment?: string;
}

export interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

interface Frame {
  rule: Rule;
  end: RegExp;
  scopes: string[];
}

const cache = new Map<string, RegExp>();

export function compileRegex(source: string): RegExp {
  let re = cache.get(source);
  if (!re) {
    re = new RegExp(source, 'dg');
    cache.set(source, re);
  }
  return re;
}

/** Every rule reachable by includes, flattened; a repository entry without match/begin is its patterns. */
export function expand(grammar: Grammar, rules: readonly Rule[], seen = new Set<string>()): Rule[] {
  const out: Rule[] = [];
  for (const rule of rules) {
    if (rule.include === undefined) {
      out.push(rule);
      continue;
    }
    if (seen.has(rule.include)) continue;
    const target = rule.include === '$self' ? { patterns: grammar.patterns } : grammar.repository[rule.include.slice(1)];
    if (!target) throw new Error(`include ${rule.include} has no repository entry`);
    const inner = new Set(seen).add(rule.include);
    if (target.match !== undefined || target.begin !== undefined) out.push(target);
    else out.push(...expand(grammar, target.patterns ?? [], inner));
  }
  return out;
}

/** Scopes for every character of `text`: one array of scope names (outermost first) per UTF-16 unit. */
export function tokenize(grammar: Grammar, text: string): string[][] {
  const root = [grammar.scopeName];
  const stack: Frame[] = [];
  const scopes: string[][] = [];
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  for (const rawLine of lines) {
    const line = rawLine.replace(/\r?\n$|\r$/, '');
    const lineScopes: string[][] = Array.from({ length: line.length }, () => []);
    let pos = 0;
    let emptySteps = 0;
    while (pos <= line.length) {
      const frame = stack.at(-1);
      const base = frame ? frame.scopes.concat(frame.rule.contentName ? [frame.rule.contentName] : []) : root;
      const rules = expand(grammar, frame ? (frame.rule.patterns ?? []) : grammar.patterns);
      let best: { m: RegExpExecArray; rule: Rule | null } | null = null;
      if (frame) {
        frame.end.lastIndex = pos;
        const m = frame.end.exec(line);
        if (m) best = { m, rule: null };
      }
      for (const rule of rules) {
        const re = compileRegex((rule.match ?? rule.begin)!);
        re.lastIndex = pos;
        const m = re.exec(line);
        if (m && (!best || m.index < best.m.index)) best = { m, rule };
      }
      if (!best) {
        for (let i = pos; i < line.length; i++) lineScopes[i] = base;
        break;
      }
      const { m, rule } = best;
      for (let i = pos; i < m.index; i++) lineScopes[i] = base;
      const start = m.index;
      const stop = m.index + m[0].length;
      if (rule === null) {
        const outer = frame!.scopes;
        paint(lineScopes, start, stop, outer, m, frame!.rule.endCaptures ?? frame!.rule.captures);
        stack.pop();
      } else if (rule.match !== undefined) {
        const scoped = rule.name ? base.concat(rule.name) : base;
        paint(lineScopes, start, stop, scoped, m, rule.captures);
      } else {
        const scoped = rule.name ? base.concat(rule.name) : base;
        paint(lineScopes, start, stop, scoped, m, rule.beginCaptures ?? rule.captures);
        stack.push({ rule, end: compileRegex(rule.end!), scopes: scoped });
      }
      if (stop > pos) pos = stop;
      else if (rule !== null && rule.match !== undefined) {
        // An empty match must not stall the scan.
        if (pos < line.length) lineScopes[pos] = base;
        pos++;
      } else if (++emptySteps > 1000) throw new Error('a begin or end rule loops on empty matches');
    }
    scopes.push(...lineScopes, ...(rawLine.length > line.length ? Array.from({ length: rawLine.length - line.length }, () => stack.at(-1)?.scopes ?? root) : []));
  }
  return scopes;
}

function paint(
  into: string[][],
  start: number,
  stop: number,
  scoped: string[],
  m: RegExpExecArray,
  captures: Record<string, { name?: string }> | undefined,
): void {
  for (let i = start; i < stop; i++) into[i] = scoped;
  if (!captures) return;
  const groups = Object.keys(captures)
    .map(Number)
    .sort((a, b) => a - b);
  for (const group of groups) {
    const name = captures[String(group)]?.name;
    const range = m.indices?.[group];
    if (!name || !range) continue;
    for (let i = range[0]; i < range[1]; i++) into[i] = (into[i] ?? scoped).concat(name);
  }
}
