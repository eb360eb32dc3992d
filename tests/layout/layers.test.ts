/**
 * Text layers (`@layer(name, "text")`, gsn2x's extra keys) are drawn only when asked for, as
 * gsn2x's `--layers` draws them: `NAME: text` after the element's text, in the order asked for.
 * The model in the result keeps the element's own text whatever is drawn.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, compileGsn2x } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CASE = `goal G1 "Top claim" @layer(owner, "Safety team") @layer(status, "Reviewed") {
  solution Sn1 "Evidence" @layer(status, "Draft")
}
`;

/** The text of each node of a compiled case, lines joined by spaces. */
function nodeTexts(layout: NonNullable<Awaited<ReturnType<typeof compile>>['layout']>): Map<string, string> {
  return new Map(layout.nodes.map((n) => [n.id, n.lines.map((l) => l.runs.map((r) => r.text).join('')).join(' ')]));
}

describe('text layers', () => {
  it('are not drawn unless asked for', async () => {
    const plain = await compile(CASE, { file: 'case.gsn' });
    expect(plain.svg).not.toContain('Safety team');
    expect(plain.svg).not.toContain('OWNER');
    const none = await compile(CASE, { file: 'case.gsn', layers: ['nothing-has-this'] });
    expect(none.svg).toBe(plain.svg);
  });

  it('draws the layers asked for, in that order, after the text; the model keeps the text as written', async () => {
    const result = await compile(CASE, { file: 'case.gsn', layers: ['status', 'owner'] });
    const texts = nodeTexts(result.layout!);
    expect(texts.get('G1')).toBe('Top claim STATUS: Reviewed OWNER: Safety team');
    expect(texts.get('Sn1')).toMatch(/^Evidence STATUS: Draft$/);
    expect(result.model!.elements.find((e) => e.id === 'G1')!.text).toBe('Top claim');
    // The layer's name is italic, as gsn2x draws it.
    const g1 = result.layout!.nodes.find((n) => n.id === 'G1')!;
    const label = g1.lines.flatMap((l) => l.runs).find((r) => r.text.startsWith('STATUS'))!;
    expect(label.italic).toBe(true);
    // Taller boxes for the extra lines.
    const plain = await compile(CASE, { file: 'case.gsn' });
    expect(g1.height).toBeGreaterThan(plain.layout!.nodes.find((n) => n.id === 'G1')!.height);
  });

  it('draws the layers of gsn2x YAML', async () => {
    const yaml = `G1:\n  text: Goal one\n  supportedBy: [Sn1]\n  layer1: First layer of G1\nSn1:\n  text: Evidence\n  layer1: First layer of Sn1\n`;
    const result = await compileGsn2x([{ name: 'case.gsn.yaml', text: yaml }], { layers: ['layer1'] });
    expect(nodeTexts(result.layout!).get('G1')).toBe('Goal one LAYER1: First layer of G1');
  });

  it('gsnc build --layer draws them; --layer elsewhere or empty is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gsnc-layers-'));
    writeFileSync(join(dir, 'case.gsn'), CASE);
    const gsnc = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'gsnc.js'), ...args], { cwd: dir, encoding: 'utf8' });
    const built = gsnc('build', 'case.gsn', '-o', 'case.svg', '--layer', 'owner', '-l', 'status');
    expect(built.status, built.stderr).toBe(0);
    const svg = readFileSync(join(dir, 'case.svg'), 'utf8');
    expect(svg.indexOf('OWNER:')).toBeGreaterThan(0);
    expect(svg.indexOf('STATUS:')).toBeGreaterThan(svg.indexOf('OWNER:'));
    const check = gsnc('check', 'case.gsn', '--layer', 'owner');
    expect(check.status).toBe(2);
    expect(check.stderr).toContain('--layer applies to gsnc build and gsnc markdown only');
    const empty = gsnc('build', 'case.gsn', '--layer', 'owner,');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('--layer takes a layer name');
  });
});
