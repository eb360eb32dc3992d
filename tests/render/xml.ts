/**
 * Parses rendered SVG strictly with @xmldom/xmldom (any warning or error fails) and checks it
 * against the renderer's allow-list.
 */
import { DOMParser } from '@xmldom/xmldom';
import { ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS } from '../../src/render/allow-list.js';

// Structural view of xmldom's nodes, enough for the checks (the DOM lib is not loaded).
export interface XNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<XNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
  getAttribute?(name: string): string | null;
}

// Characters outside XML 1.0's Char production. xmldom accepts some of them (NUL, lone
// surrogates) silently, while browsers reject the whole file, so they are checked here.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function parseSvg(svg: string): XNode {
  const problems: string[] = [];
  const illegal = NOT_XML_CHAR.exec(svg);
  if (illegal) problems.push(`error: character U+${illegal[0].charCodeAt(0).toString(16)} not allowed in XML at ${illegal.index}`);
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
  if (problems.length > 0) throw new Error(`SVG is not well-formed:\n${problems.join('\n')}`);
  return doc.documentElement as unknown as XNode;
}

export function* elements(root: XNode): Generator<XNode> {
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeType !== 1) continue;
    yield n;
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
}

export function attributes(n: XNode): Array<{ name: string; value: string }> {
  return Array.from(n.attributes ?? []);
}

/** Problems found: elements or attributes outside the allow-list, event handlers, scripts. */
export function inertnessProblems(root: XNode): string[] {
  const problems: string[] = [];
  for (const el of elements(root)) {
    if (!ALLOWED_ELEMENTS.has(el.nodeName)) problems.push(`element ${el.nodeName}`);
    for (const a of attributes(el)) {
      if (!ALLOWED_ATTRIBUTES.has(a.name)) problems.push(`attribute ${a.name} on ${el.nodeName}`);
      if (/^on/i.test(a.name)) problems.push(`event attribute ${a.name}`);
      if ((a.name === 'href' || a.name === 'xlink:href') && /^\s*(javascript|data|vbscript|file):/i.test(a.value)) {
        problems.push(`dangerous ${a.name}=${a.value}`);
      }
    }
  }
  return problems;
}

/** Concatenated text of a node (what a viewer decodes). */
export function textOf(n: XNode): string {
  if (n.nodeType === 3 || n.nodeType === 4) return n.nodeValue ?? '';
  let s = '';
  for (let i = 0; i < n.childNodes.length; i++) s += textOf(n.childNodes[i]!);
  return s;
}
