/**
 * Comments, which the lexer skips. Between two tokens there is only whitespace and comments (a
 * string or anything else would be a token), so a gap is scanned with the lexer's own rules:
 * `//` to the end of the line, `/*` to the first `*\/`.
 */

export interface Comment {
  /** `// ...` (true) or a block comment. */
  line: boolean;
  /** As it will be written: trailing spaces removed (per line), line ends as LF. */
  text: string;
  start: number;
  end: number;
}

/** The comments in source[from, to), which must hold only whitespace and comments. */
export function commentsBetween(source: string, from: number, to: number): Comment[] {
  const found: Comment[] = [];
  let i = from;
  while (i < to) {
    const c = source.charCodeAt(i);
    if (c === 0x2f && source.charCodeAt(i + 1) === 0x2f) {
      let end = i + 2;
      while (end < to && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
      found.push({ line: true, text: source.slice(i, end).replace(/\s+$/, ''), start: i, end });
      i = end;
    } else if (c === 0x2f && source.charCodeAt(i + 1) === 0x2a) {
      const close = source.indexOf('*/', i + 2);
      const end = close < 0 || close + 2 > to ? to : close + 2;
      const text = source
        .slice(i, end)
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.replace(/\s+$/, ''))
        .join('\n');
      found.push({ line: false, text, start: i, end });
      i = end;
    } else {
      i++; // whitespace (a BOM included)
    }
  }
  return found;
}
