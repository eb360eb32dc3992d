/** Small helpers for creating elements with constant (non-document) attributes. */
import type { DomElement, ElementName, SvgDocument } from './dom.js';

/**
 * Creates `<name>` with `attributes` set in the order given (object key order), which is the
 * order they are written. Values must not contain document text: use user-text.ts for that.
 */
export function element(doc: SvgDocument, name: ElementName, attributes: Readonly<Record<string, string>>): DomElement {
  const el = doc.element(name);
  for (const key in attributes) el.setAttribute(key, attributes[key]!);
  return el;
}

export function append(parent: DomElement, children: readonly DomElement[]): void {
  for (const child of children) parent.appendChild(child);
}
