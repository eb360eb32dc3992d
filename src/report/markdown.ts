import type { Block, Inline, Inlines, ReportDocument } from './document.js';

/**
 * GitHub-flavoured Markdown: tables and lists, no raw HTML. User text is escaped so that it
 * renders as written and can neither break a table (pipes, line breaks) nor inject markup.
 */
export function toMarkdown(doc: ReportDocument): string {
  const parts = [`# ${escapeText(doc.title)}`];
  for (const block of doc.blocks) parts.push(renderBlock(block));
  return `${parts.join('\n\n')}\n`;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeText(block.text)}`;
    case 'paragraph':
      return escapeLineStart(inlines(block.content));
    case 'list':
      return block.items.map((item) => `- ${escapeLineStart(inlines(item))}`).join('\n');
    case 'table': {
      const header = `| ${block.header.map(escapeText).join(' | ')} |`;
      const rule = `|${block.header.map(() => ' --- ').join('|')}|`;
      const rows = block.rows.map((row) => `| ${row.map((cell) => inlines(cell) || ' ').join(' | ')} |`);
      return [header, rule, ...rows].join('\n');
    }
  }
}

function inlines(content: Inlines): string {
  return content.map(inline).join('');
}

function inline(piece: Inline): string {
  if (typeof piece === 'string') return escapeText(piece);
  if ('code' in piece) return codeSpan(piece.code);
  if ('strong' in piece) return `**${escapeText(piece.strong)}**`;
  if ('em' in piece) return `*${escapeText(piece.em)}*`;
  return `[${escapeText(piece.link)}](<${escapeHref(piece.href)}>)`;
}

/**
 * Escapes every character Markdown, GFM tables and GitHub's math could read as syntax, on one
 * line. Parentheses, `!` and `+` need no escape once brackets are escaped and lines start safely.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]#|~$]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A line starting with `-`, `+`, `1.` or `1)` would become a list; `=` could underline a heading. */
function escapeLineStart(line: string): string {
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function codeSpan(text: string): string {
  const clean = text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  const ticks = clean.includes('`') ? '``' : '`';
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${clean}${pad}${ticks}`;
}

/** Inside `<...>` a destination may hold anything but line breaks and angle brackets. */
function escapeHref(href: string): string {
  return href.replace(/[\s<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
