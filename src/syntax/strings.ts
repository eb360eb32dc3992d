/**
 * Decoding string literals. The lexer hands over the raw image (quotes included); this turns it
 * into the text the diagram shows and reports escapes the notation does not define.
 */
import type { StageDiagnostic } from '../diagnostics/types.js';
import { describeChar } from './chars.js';

export interface DecodedString {
  value: string;
  /** False when the string has no closing quote (the lexer ended it at its line's end). */
  terminated: boolean;
  diagnostics: StageDiagnostic[];
}

const ESCAPES = new Map<string, string>([
  ['"', '"'],
  ['\\', '\\'],
  ['n', '\n'],
]);

/**
 * Decodes `image`, which starts at `offset` in the source. Written line breaks (CRLF, CR or LF)
 * all become `\n`, so a file saved on Windows draws the same as one saved elsewhere.
 */
export function decodeString(image: string, offset: number): DecodedString {
  const terminated = isTerminated(image);
  const end = terminated ? image.length - 1 : image.length;
  // Fast path: most strings have no escape and no carriage return.
  if (image.indexOf('\\') < 0 && image.indexOf('\r') < 0) {
    return { value: image.slice(1, end), terminated, diagnostics: [] };
  }
  let value = '';
  const diagnostics: StageDiagnostic[] = [];
  for (let i = 1; i < end; i++) {
    const ch = image.charAt(i);
    if (ch === '\r') {
      value += '\n';
      if (image.charAt(i + 1) === '\n') i++;
    } else if (ch !== '\\') {
      value += ch;
    } else if (i + 1 < end) {
      const next = escapedChar(image, i + 1);
      const known = ESCAPES.get(next);
      if (known === undefined) diagnostics.push(unknownEscape(next, offset + i));
      value += known ?? (next === '\r\n' || next === '\r' ? '\n' : next);
      i += next.length;
    }
  }
  return { value, terminated, diagnostics };
}

/** The character after a backslash: a whole code point, or a whole CRLF. */
function escapedChar(image: string, at: number): string {
  if (image.startsWith('\r\n', at)) return '\r\n';
  const cp = image.codePointAt(at) ?? 0;
  return String.fromCodePoint(cp).length === 2 && image.length > at + 1 ? image.slice(at, at + 2) : image.charAt(at);
}

/** A string is closed when it ends with a quote that is not itself escaped. */
function isTerminated(image: string): boolean {
  if (image.length < 2 || !image.endsWith('"')) return false;
  let backslashes = 0;
  for (let i = image.length - 2; i >= 1 && image.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 0;
}

function unknownEscape(next: string, at: number): StageDiagnostic {
  const shown = next === '\r\n' || next === '\n' || next === '\r' ? 'a line break' : describeChar(next);
  return {
    code: 'GSN104',
    message: `unknown escape: a backslash followed by ${shown}; the escapes are \\", \\\\ and \\n (write \\\\ for a backslash)`,
    span: { start: at, end: at + 1 + next.length },
  };
}
