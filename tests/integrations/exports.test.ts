/**
 * The published entry points, through package.json "exports" (dist/, built by scripts/build.mjs
 * in pretest): gsnc/markdown-it and gsnc/remark load, share the library's dist/index.js, and
 * ship type declarations.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { types: string; default: string }> };

describe('package exports for the Markdown integrations', () => {
  it.each(['./markdown-it', './remark'])('%s points at built JavaScript and types', (entry) => {
    const target = pkg.exports[entry]!;
    expect(existsSync(join(ROOT, target.default)), target.default).toBe(true);
    expect(existsSync(join(ROOT, target.types)), target.types).toBe(true);
    const code = readFileSync(join(ROOT, target.default), 'utf8');
    expect(code).toContain('from "./index.js"');
    expect(code).not.toContain('function compile(');
  });

  it('loads through the package name and renders a page', async () => {
    const MarkdownIt = (await import('markdown-it')).default;
    const gsnc = (await import('gsnc/markdown-it' as string)).default as {
      (md: unknown): void;
      renderAsync(md: unknown, src: string): Promise<string>;
    };
    const html = await gsnc.renderAsync(new MarkdownIt().use(gsnc as never), '```gsn\ngoal G1 "T" { solution Sn1 "E" }\n```\n');
    expect(html).toContain('<svg');
    const remark = (await import('gsnc/remark' as string)).default;
    expect(typeof remark).toBe('function');
  });
});
