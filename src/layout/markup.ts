/**
 * The inline markup of element text: `**bold**`, `*italic*`, `` `code` ``, `[label](url)`,
 * hard line breaks, and lines starting with `- ` as bullet items. Parsing is linear in the
 * text and never fails: anything that does not form markup stays literal text.
 */
import { isAllowedUrl } from '../text/url.js';
import type { TextRun } from './types.js';

export interface Paragraph {
  /** The line started with `- `: drawn with a bullet, continuation lines indented. */
  bullet: boolean;
  /** Styled runs; spaces collapsed, no leading or trailing space, adjacent equal styles merged. */
  runs: TextRun[];
}

const LINK = /\[([^[\]\n]*)\]\(([^()\s]*)\)/y;

/** Parses decoded element text into paragraphs (one per line of the text). */
export function parseMarkup(text: string): Paragraph[] {
  // Lines: leading indentation (e.g. of continuation lines of a multi-line string) is ignored.
  const rawLines = text.replace(/\r\n?/g, '\n').split('\n');
  const lines: { bullet: boolean; text: string }[] = [];
  for (const raw of rawLines) {
    let line = raw.replace(/^[ \t\f\v]+/, '').replace(/[ \t\f\v]+$/, '');
    let bullet = false;
    if (line.startsWith('- ') || line === '-') {
      bullet = true;
      line = line.slice(2);
    }
    lines.push({ bullet, text: line });
  }
  while (lines.length > 0 && lines[0]!.text === '' && !lines[0]!.bullet) lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.text === '' && !lines[lines.length - 1]!.bullet) lines.pop();

  // Inline markup runs over the whole text, so bold or italic may span a line break.
  const joined = lines.map((l) => l.text).join('\n');
  const lastDouble = joined.lastIndexOf('**');
  const lastStar = joined.lastIndexOf('*');
  const paragraphs: Paragraph[] = lines.map((l) => ({ bullet: l.bullet, runs: [] }));
  let para = 0;
  let bold = false;
  let italic = false;
  let buffer = '';
  const flush = () => {
    if (buffer !== '') push(paragraphs[para]!, { text: buffer, bold, italic, code: false, href: null });
    buffer = '';
  };
  const isSpace = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\n' || ch === '\t';
  let i = 0;
  while (i < joined.length) {
    const ch = joined[i]!;
    if (ch === '\n') {
      flush();
      para++;
      i++;
    } else if (ch === '*' && joined[i + 1] === '*') {
      const closing = bold && !isSpace(joined[i - 1]);
      const opening = !bold && !isSpace(joined[i + 2]) && lastDouble > i + 1;
      if (closing || opening) {
        flush();
        bold = !bold;
      } else buffer += '**';
      i += 2;
    } else if (ch === '*') {
      const closing = italic && !isSpace(joined[i - 1]);
      const opening = !italic && !isSpace(joined[i + 1]) && lastStar > i;
      if (closing || opening) {
        flush();
        italic = !italic;
      } else buffer += '*';
      i++;
    } else if (ch === '`') {
      const end = joined.indexOf('`', i + 1);
      const lineEnd = joined.indexOf('\n', i + 1);
      if (end > i + 1 && (lineEnd === -1 || end < lineEnd)) {
        flush();
        push(paragraphs[para]!, { text: joined.slice(i + 1, end), bold, italic, code: true, href: null });
        i = end + 1;
      } else {
        buffer += ch;
        i++;
      }
    } else if (ch === '[') {
      LINK.lastIndex = i;
      const m = LINK.exec(joined);
      if (m && m[1] !== '') {
        flush();
        const href = isAllowedUrl(m[2]!) && m[2] !== '' ? m[2]! : null;
        push(paragraphs[para]!, { text: m[1]!, bold, italic, code: false, href });
        i += m[0].length;
      } else {
        buffer += ch;
        i++;
      }
    } else {
      // Copy a stretch of plain characters at once.
      let j = i + 1;
      while (j < joined.length && !'*`[\n'.includes(joined[j]!)) j++;
      buffer += joined.slice(i, j);
      i = j;
    }
  }
  flush();
  for (const p of paragraphs) p.runs = tidy(p.runs);
  return paragraphs;
}

function push(p: Paragraph, run: TextRun): void {
  p.runs.push(run);
}

function sameStyle(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.href === b.href;
}

/** Collapses runs of white space (also across runs), trims the ends, merges equal styles. */
function tidy(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  let lastWasSpace = true; // drops leading space
  for (const run of runs) {
    let text = run.text.replace(/[ \t\f\v]+/g, ' ');
    if (lastWasSpace && text.startsWith(' ')) text = text.slice(1);
    if (text === '') continue;
    lastWasSpace = text.endsWith(' ');
    const prev = out[out.length - 1];
    if (prev && sameStyle(prev, run)) prev.text += text;
    else out.push({ ...run, text });
  }
  // Trailing space.
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.text.replace(/ +$/, '');
    if (trimmed === '') out.pop();
    else {
      last.text = trimmed;
      break;
    }
  }
  return out;
}

/** The text with markup removed, for the element's <title>: one line per paragraph. */
export function plainText(paragraphs: Paragraph[]): string {
  return paragraphs.map((p) => (p.bullet ? '\u2022 ' : '') + p.runs.map((r) => r.text).join('')).join('\n');
}
