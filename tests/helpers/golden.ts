import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden');

/** True when goldens should be rewritten: `UPDATE_GOLDEN=1 npm test`. Review the diff after. */
export const updating = process.env.UPDATE_GOLDEN === '1';

/**
 * Compares `actual` with tests/golden/<name>. On mismatch writes <name>.got beside it (ignored
 * by git) so the difference can be inspected with any diff tool.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_ROOT, name);
  const got = `${path}.got`;
  if (updating || !existsSync(path)) {
    if (!updating && process.env.CI) throw new Error(`golden file ${name} is missing (run UPDATE_GOLDEN=1 npm test)`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    rmSync(got, { force: true });
    return;
  }
  const expected = readFileSync(path, 'utf8');
  if (expected !== actual) {
    writeFileSync(got, actual);
  } else {
    rmSync(got, { force: true });
  }
  expect(actual, `golden ${name} differs; see ${name}.got (UPDATE_GOLDEN=1 to accept)`).toBe(expected);
}

/** Stable JSON for goldens: two-space indent, trailing newline. */
export function toGoldenJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
