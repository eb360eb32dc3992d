/**
 * Characters that must not reach a drawing unchanged: those XML 1.0 forbids, and the invisible
 * ones that make source and drawing read differently (bidi controls, zero-width characters).
 * A safety case must read the same in source and drawing.
 */
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Unicode's Bidi_Control set (U+061C, U+200E-200F, U+202A-202E, U+2066-2069), zero-width and
// other invisible format characters (U+180E, U+200B-200D, U+2060-2064, U+206A-206F, U+FEFF).
// C1 controls (U+007F-U+009F) are legal XML but invisible, and an HTML page reads their character
// references as Windows-1252 (&#x85; is an ellipsis there): drawn as U+FFFD like the others.
const CONTROL = /[\u007f-\u009f]/g;
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

export const REPLACEMENT = '\ufffd';

export interface Suspicious {
  /** Offset into the string. */
  offset: number;
  char: string;
  reason: 'xml-illegal' | 'control' | 'invisible';
}

/** Every suspicious character in `text`, in order. */
export function findSuspicious(text: string): Suspicious[] {
  const found: Suspicious[] = [];
  for (const m of text.matchAll(XML_ILLEGAL)) found.push({ offset: m.index, char: m[0], reason: 'xml-illegal' });
  for (const m of text.matchAll(CONTROL)) found.push({ offset: m.index, char: m[0], reason: 'control' });
  for (const m of text.matchAll(INVISIBLE)) found.push({ offset: m.index, char: m[0], reason: 'invisible' });
  return found.sort((a, b) => a.offset - b.offset);
}

/** The text as it is drawn: every suspicious character replaced by U+FFFD. */
export function sanitizeText(text: string): string {
  return text.replace(XML_ILLEGAL, REPLACEMENT).replace(CONTROL, REPLACEMENT).replace(INVISIBLE, REPLACEMENT);
}

/** `U+202E RIGHT-TO-LEFT OVERRIDE`-style name for messages. */
export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
