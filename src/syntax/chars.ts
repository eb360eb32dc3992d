/**
 * Describing characters in messages. Invisible and control characters are named by their code
 * point (U+200B), never echoed raw: a raw NUL or bidi override in a terminal or an editor's
 * problem list would hide or reorder the message itself.
 */

const INVISIBLE = /^[\p{C}\p{Z}]$/u;

/** `'§'` for a visible character, `U+200B` for an invisible one, one code point at a time. */
export function describeChar(ch: string): string {
  if (ch === ' ') return 'a space';
  if (INVISIBLE.test(ch) || ch.length === 0) return codePointName(ch);
  if (ch === "'") return `"'"`;
  return `'${ch}'`;
}

function codePointName(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Describes a run of characters; long runs are cut short so a message stays one line. */
export function describeRun(text: string, limit = 8): string {
  const points = Array.from(text);
  const shown = points.slice(0, limit);
  const allVisible = shown.every((ch) => !INVISIBLE.test(ch) && ch !== "'");
  const more = points.length > limit ? ` and ${points.length - limit} more` : '';
  if (allVisible) return `'${shown.join('')}'${more}`;
  return shown.map(describeChar).join(' ') + more;
}

/** A hint for characters people commonly type by mistake, or '' when there is none. */
export function hintFor(ch: string): string {
  switch (ch) {
    case "'":
      return '; strings use double quotes: "..."';
    case '\u201c':
    case '\u201d':
    case '\u201e':
      return '; this is a typographic quote: strings use plain double quotes "..."';
    case '@':
      return '; an annotation is @ followed directly by its name, e.g. @outcome';
    case '-':
      return "; a link is written with '->', e.g. G1 -> Sn1";
    case '.':
      return "; an ID cannot end with '.'";
    case ';':
      return '; gsnc needs no semicolons';
    case '#':
      return '; comments start with // or /*';
    default:
      return '';
  }
}
