/**
 * Writes elements as XML. We do not use svgdom's `outerHTML` (or svg.js's `svg()`, which adds
 * `svgjs:data` attributes): this writer escapes every string the same way (user-text.ts), keeps
 * attributes in the order they were set, self-closes empty elements, and refuses any element or
 * attribute outside the allow-list, so output is deterministic and inert by construction. It
 * reads only standard DOM members, so it works on a browser DOM too.
 *
 * `openTag`/`closeTag` let render.ts stream: each diagram element is built, written and dropped
 * before the next, so the DOM never holds the whole diagram (see dom.ts on speed).
 */
import { ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS } from './allow-list.js';
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom.js';
import { escapeAttribute, escapeText } from './user-text.js';

/** `element` and everything in it. */
export function serialize(element: DomElement): string {
  const out: string[] = [];
  // Iterative walk: a pathological layout cannot overflow the stack.
  const stack: Array<DomNode | string> = [element];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
    } else if (item.nodeType === TEXT_NODE) {
      out.push(escapeText(item.nodeValue ?? ''));
    } else if (item.nodeType === ELEMENT_NODE) {
      const el = item as DomElement;
      const children = el.childNodes;
      if (children.length === 0) {
        out.push(`${start(el)}/>`);
        continue;
      }
      out.push(`${start(el)}>`);
      stack.push(closeTag(el));
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else {
      throw new Error(`render: unexpected node type ${item.nodeType}`);
    }
  }
  return out.join('');
}

/** `<name attributes>`, ignoring children. */
export function openTag(element: DomElement): string {
  return `${start(element)}>`;
}

export function closeTag(element: DomElement): string {
  return `</${element.localName}>`;
}

function start(element: DomElement): string {
  const name = element.localName;
  if (!ALLOWED_ELEMENTS.has(name)) throw new Error(`render: element <${name}> is not allowed`);
  let open = `<${name}`;
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    if (!ALLOWED_ATTRIBUTES.has(attribute.name)) throw new Error(`render: attribute ${attribute.name} is not allowed`);
    open += ` ${attribute.name}="${escapeAttribute(String(attribute.value))}"`;
  }
  return open;
}
