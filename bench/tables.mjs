// Markdown table and number formatting.

/** rows: arrays of cells (strings); align: 'l' or 'r' per column. */
export function markdownTable(headers, rows, align = headers.map((_, i) => (i === 0 ? 'r' : 'r'))) {
  const widths = headers.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => String(r[i] ?? '').length)));
  const pad = (cell, i) => (align[i] === 'l' ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]));
  const line = (cells) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'l' ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`;
  return [line(headers), rule, ...rows.map((r) => line(r.map((c) => c ?? '')))].join('\n');
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Milliseconds: two decimals under 10, one under 100, whole and grouped above. */
export function ms(n) {
  if (n == null || Number.isNaN(n)) return '—';
  if (n < 10) return n.toFixed(2);
  if (n < 100) return n.toFixed(1);
  return grouped.format(n);
}

export function mb(bytes) {
  return bytes == null ? '—' : grouped.format(bytes / 1024 / 1024);
}

export function kb(bytes) {
  return bytes == null ? '—' : grouped.format(bytes / 1024);
}

export function count(n) {
  return n == null ? '—' : grouped.format(n);
}

export function ratio(a, b) {
  if (a == null || b == null || !(b > 0)) return '—';
  const r = a / b;
  return `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}×`;
}
