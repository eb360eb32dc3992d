/**
 * A small document model the review report is built in, so that Markdown and HTML are two
 * renderings of one structure and cannot drift apart. User text stays plain strings here; each
 * renderer escapes it for its own format.
 */

export type Inline =
  | string
  | { code: string }
  | { strong: string }
  | { em: string }
  | { link: string; href: string };

/** A run of inline pieces: a paragraph, a list item or a table cell. */
export type Inlines = Inline[];

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; content: Inlines }
  | { type: 'list'; items: Inlines[] }
  | { type: 'table'; header: string[]; rows: Inlines[][] };

export interface ReportDocument {
  title: string;
  blocks: Block[];
}

export const code = (text: string): Inline => ({ code: text });
export const strong = (text: string): Inline => ({ strong: text });
export const em = (text: string): Inline => ({ em: text });
export const link = (text: string, href: string): Inline => ({ link: text, href });

/** `A, B and C` as inlines, each ID as code. */
export function ids(list: readonly string[], empty: Inline = '—'): Inlines {
  if (list.length === 0) return [empty];
  const out: Inlines = [];
  list.forEach((id, i) => {
    if (i > 0) out.push(i === list.length - 1 ? ' and ' : ', ');
    out.push(code(id));
  });
  return out;
}

/** Collapses line breaks and runs of spaces: report cells and list items are one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
