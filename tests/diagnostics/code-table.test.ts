import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';

const DOC = join(resolve(import.meta.dirname, '..', '..'), 'grammar', 'diagnostics.md');

/** Rows of the reference table: `| GSN201 | error | Duplicate element ID | ... |`. */
function documentedCodes(): Map<string, { severity: string; title: string }> {
  const rows = new Map<string, { severity: string; title: string }>();
  for (const line of readFileSync(DOC, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const code = cells[1];
    if (code && /^GSN\d{3}$/.test(code)) rows.set(code, { severity: cells[2] ?? '', title: cells[3] ?? '' });
  }
  return rows;
}

describe('grammar/diagnostics.md', () => {
  it('documents exactly the codes of the code table, with the same severity and title', () => {
    const documented = documentedCodes();
    const table = new Map([...CODES].map(([code, info]) => [code, { severity: info.severity, title: info.title }]));
    expect(documented).toEqual(table);
  });
});
