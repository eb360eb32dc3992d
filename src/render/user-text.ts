/**
 * The ONE module that puts document text (IDs, element text, titles, URLs, classes) into the SVG.
 * Everything here is written so any string is safe:
 *
 * - `sanitizeText` first: XML-illegal characters (NUL and other C0 controls, lone surrogates,
 *   U+FFFE/U+FFFF) and invisible bidi/zero-width characters become U+FFFD. svgdom writes such
 *   characters through unchanged, which makes the file ill-formed.
 * - URLs must pass `isAllowedUrl` (http, https, mailto, relative) after sanitising, or no link
 *   is drawn at all.
 * - Classes must be CSS identifiers; anything else is dropped rather than split into classes.
 * - Escaping happens when the tree is written (serialize.ts calls `escapeText` and
 *   `escapeAttribute` below for every string, user or not). svgdom's own serialiser escapes
 *   `& < > "` only: tab, newline and carriage return in attributes and carriage return in text
 *   come back changed after parsing (attribute-value normalisation, line-end normalisation), so
 *   we write them as character references, and never rely on svgdom's output.
 */
import { isAllowedUrl } from '../text/url.js';
import { sanitizeText } from '../text/sanitize.js';
import { XLINK_NS, type DomElement, type SvgDocument } from './dom.js';

/** Appends `text` (document text) to `parent` as a text node. */
export function appendUserText(doc: SvgDocument, parent: DomElement, text: string): void {
  parent.appendChild(doc.text(sanitizeText(String(text))));
}

/** Attributes that may carry document text. `href` goes through `createLink` only. */
export type UserAttribute = 'id' | 'data-from' | 'data-to' | 'font-family';

/** Sets an attribute whose value contains document text (an ID, a font family...). */
export function setUserAttribute(element: DomElement, name: UserAttribute, value: string): void {
  element.setAttribute(name, sanitizeText(String(value)));
}

// A CSS identifier (ASCII letters, digits, '-', '_' and non-ASCII), not starting with a digit
// or '--'. U+FFFD is excluded: a sanitised class is not the class the user wrote.
const CSS_IDENT = /^-?[A-Za-z_\u00a0-\ufffc][A-Za-z0-9_\u00a0-\ufffc-]*$/;

/** `class` = the renderer's own classes, then the valid user classes, without duplicates. */
export function setClasses(element: DomElement, own: string, user: readonly string[]): void {
  const seen = new Set(own.split(' '));
  let value = own;
  for (const raw of user) {
    const name = String(raw);
    if (sanitizeText(name) !== name || !CSS_IDENT.test(name) || seen.has(name)) continue;
    seen.add(name);
    value += ` ${name}`;
  }
  element.setAttribute('class', value);
}

/** The URL as it will be written, or null when it must not be a link. */
export function allowedHref(url: string | null | undefined): string | null {
  if (url == null) return null;
  const clean = sanitizeText(String(url));
  return clean.length > 0 && isAllowedUrl(clean) ? clean : null;
}

/**
 * An `<a>` linking to `url` (href, and xlink:href for SVG 1.1 viewers), or null when the URL is
 * not allowed: the content is then drawn without a link.
 */
export function createLink(doc: SvgDocument, url: string | null | undefined, className: string): DomElement | null {
  const href = allowedHref(url);
  if (href === null) return null;
  const a = doc.element('a');
  a.setAttribute('class', className);
  a.setAttribute('href', href);
  a.setAttributeNS(XLINK_NS, 'xlink:href', href);
  return a;
}

// Characters needing work when writing: markup, whitespace that parsers would normalise, U+FFFD,
// and (defence in depth, should a string bypass sanitizeText) anything XML forbids.
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u001f\u0085\u2028\u2029\ud800-\udfff\ufffd-\uffff]/;
// eslint-disable-next-line no-control-regex
const TEXT_ESCAPES = /[&<>\r\u0085\u2028\u2029\ufffd]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex
const ATTRIBUTE_ESCAPES = /[&<>"\t\n\r\u0085\u2028\u2029\ufffd]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;', // also breaks `]]>`, which is not allowed in character data
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
  // Line ends to an XML 1.1 parser (and to xmldom): written raw, they would be read back as
  // '\n'. A character reference is never normalised.
  '\u0085': '&#x85;',
  '\u2028': '&#x2028;',
  '\u2029': '&#x2029;',
  // Written as a reference so a replaced character reads as deliberate, not as a decoding error
  // (XML tools warn on a raw U+FFFD).
  '\ufffd': '&#xFFFD;',
}

const reference = (char: string): string => REFERENCES[char] ?? '&#xFFFD;';

/** Character data for an element's content. */
export function escapeText(text: string): string {
  return NEEDS_WORK.test(text) ? text.replace(TEXT_ESCAPES, reference) : text;
}

/** A value written inside double quotes. */
export function escapeAttribute(value: string): string {
  return NEEDS_WORK.test(value) ? value.replace(ATTRIBUTE_ESCAPES, reference) : value;
}
