import type { Block, Inline, Inlines, ReportDocument } from './document.js';

/** One self-contained HTML page (inline style, no scripts, no external resources). */
export function toHtml(doc: ReportDocument): string {
  const body = doc.blocks.map(renderBlock).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gsnc">
<title>${escapeHtml(doc.title)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.45; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1f24; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: .75rem 0; } th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .9em; background: #f6f8fa; padding: 0 .2em; border-radius: 3px; }
strong { color: #9a2a00; }
</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
${body}
</body>
</html>
`;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inlines(block.content)}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${inlines(item)}</li>`).join('\n')}\n</ul>`;
    case 'table': {
      const header = `<tr>${block.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
      const rows = block.rows.map((row) => `<tr>${row.map((cell) => `<td>${inlines(cell)}</td>`).join('')}</tr>`);
      return `<table>\n<thead>\n${header}\n</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
  }
}

function inlines(content: Inlines): string {
  return content.map(inline).join('');
}

function inline(piece: Inline): string {
  if (typeof piece === 'string') return escapeHtml(piece);
  if ('code' in piece) return `<code>${escapeHtml(piece.code)}</code>`;
  if ('strong' in piece) return `<strong>${escapeHtml(piece.strong)}</strong>`;
  if ('em' in piece) return `<em>${escapeHtml(piece.em)}</em>`;
  return `<a href="${escapeHtml(piece.href)}" rel="noopener noreferrer">${escapeHtml(piece.link)}</a>`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
