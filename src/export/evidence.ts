/**
 * `gsnc evidence`: every solution of a case as a Markdown table, with its plain text, its URL
 * (as a link) and the claims it supports. A pure function of the compiled case: solutions in
 * source order, supported elements in the order their links were written.
 */
import type { CompileResult } from '../index.js';

export function evidenceMarkdown(result: Pick<CompileResult, 'model' | 'layout'>, source = ''): string {
  const model = result.model;
  if (!model) return '';
  const plain = plainTexts(result);
  const supports = new Map<string, string[]>();
  for (const edge of model.edges) {
    if (edge.relation !== 'supportedBy') continue;
    const list = supports.get(edge.to) ?? [];
    if (!list.includes(edge.from)) list.push(edge.from);
    supports.set(edge.to, list);
  }
  const solutions = model.elements.filter((e) => e.kind === 'solution');
  const linked = solutions.filter((e) => e.url !== null).length;
  const name = model.module?.name ?? source;
  const lines = [
    `# Evidence${name ? ` for ${escapeInline(name)}` : ''}`,
    '',
    `${count(solutions.length, 'solution')}, ${linked} with a link.`,
    '',
  ];
  if (solutions.length === 0) return `${lines.join('\n')}`;
  lines.push('| ID | Evidence | Link | Supports |', '|---|---|---|---|');
  for (const solution of solutions) {
    const supported = (supports.get(solution.id) ?? []).map((id) => `${escapeCell(id)} (${escapeCell(plain.get(id) ?? '')})`);
    lines.push(
      `| ${escapeCell(solution.id)} | ${escapeCell(plain.get(solution.id) ?? '')} | ${solution.url === null ? '' : link(solution.url)} | ${supported.length > 0 ? supported.join('; ') : 'nothing (unused)'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The element's text without markup, on one line: the layout's title, else the model text. */
function plainTexts(result: Pick<CompileResult, 'model' | 'layout'>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const e of result.model?.elements ?? []) texts.set(e.id, e.text);
  for (const n of result.layout?.nodes ?? []) texts.set(n.id, n.title);
  for (const [id, text] of texts) texts.set(id, text.replace(/\s+/g, ' ').trim());
  return texts;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Backslash-escapes the ASCII punctuation that means something inside a line of Markdown (emphasis,
 * code, links, HTML, table cells, strike-through, heading ends), and writes `&` as an entity, so
 * user text is never read as markup, a link, HTML or an entity. Text never starts a line here,
 * so block markers (`-`, `+`, `1.`, `>`) need nothing.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/** Inside a table cell: `|` must never end the cell (escaped above), and no line breaks. */
function escapeCell(text: string): string {
  return escapeInline(text).trim();
}

/** `[url](url)`: the destination percent-encodes what would end it or break the table. */
function link(url: string): string {
  const destination = url.replace(/[\s()<>|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeCell(url)}](${destination})`;
}
