import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBundledFonts } from '../../src/cli/io.js';
import { svgToPdf, forSvgToPdfkit, svgSize } from '../../src/export/pdf.js';
import { svgToPng } from '../../src/export/png.js';
import type { FontFiles } from '../../src/export/fonts.js';
import { compile, type CompileResult } from '../../src/index.js';
import { ROOT, decodePng, pdfText } from './helpers.js';

let fonts: FontFiles;
let minimal: CompileResult;
let multilingual: CompileResult;

async function compileExample(name: string) {
  const file = `examples/${name}.gsn`;
  return compile(readFileSync(join(ROOT, file), 'utf8'), { file });
}

beforeAll(async () => {
  fonts = readBundledFonts();
  minimal = await compileExample('minimal');
  multilingual = await compileExample('multilingual');
});

/** The same drawing without any text, to find where text was drawn. */
function withoutText(svg: string): string {
  return svg.replace(/<text\b[\s\S]*?<\/text>/g, '');
}

describe('PNG export (resvg, bundled fonts only)', () => {
  it('draws the text: pixels differ from the text-less drawing, and only inside the shapes', async () => {
    const svg = minimal.svg!;
    const scale = 2;
    const full = decodePng(await svgToPng(svg, fonts, { scale }));
    const bare = decodePng(await svgToPng(withoutText(svg), fonts, { scale }));
    const { width, height } = svgSize(svg);
    expect(Math.abs(full.width - width * scale)).toBeLessThanOrEqual(1);
    expect(Math.abs(full.height - height * scale)).toBeLessThanOrEqual(1);
    expect([bare.width, bare.height]).toEqual([full.width, full.height]);
    const boxes = minimal.layout!.nodes.map((n) => ({ ...n, x: n.x * scale, y: n.y * scale, width: n.width * scale, height: n.height * scale }));
    const inside = (x: number, y: number) => boxes.some((b) => x >= b.x - 4 && x <= b.x + b.width + 24 && y >= b.y - 4 && y <= b.y + b.height + 4);
    let differing = 0;
    let outside = 0;
    const perNode = new Map<string, number>();
    for (let y = 0; y < full.height; y++) {
      for (let x = 0; x < full.width; x++) {
        const i = (y * full.width + x) * 4;
        if (full.pixels[i] === bare.pixels[i] && full.pixels[i + 1] === bare.pixels[i + 1] && full.pixels[i + 2] === bare.pixels[i + 2]) continue;
        differing++;
        if (!inside(x, y)) outside++;
        for (const b of boxes) if (x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) perNode.set(b.id, (perNode.get(b.id) ?? 0) + 1);
      }
    }
    expect(differing).toBeGreaterThan(full.width * full.height * 0.01);
    expect(outside).toBe(0);
    // Every element has text drawn in it (its ID at least).
    for (const node of minimal.layout!.nodes) expect(perNode.get(node.id) ?? 0, node.id).toBeGreaterThan(200);
  });

  it('honours the scale and is deterministic', async () => {
    const one = decodePng(await svgToPng(minimal.svg!, fonts, { scale: 1 }));
    const { width } = svgSize(minimal.svg!);
    expect(Math.abs(one.width - width)).toBeLessThanOrEqual(1);
    const a = await svgToPng(minimal.svg!, fonts, { scale: 1 });
    const b = await svgToPng(minimal.svg!, fonts, { scale: 1 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    await expect(svgToPng(minimal.svg!, fonts, { scale: 0 })).rejects.toThrow(RangeError);
  });
});

describe('PDF export (pdfkit + svg-to-pdfkit, bundled fonts embedded)', () => {
  it('has extractable text: every ID and every text line of the diagram', async () => {
    const pdf = await svgToPdf(minimal.svg!, fonts);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const node of minimal.layout!.nodes) {
      expect(text).toContain(node.id);
      for (const line of node.lines) expect(text).toContain(line.runs.map((r) => r.text).join('').replace(/\s+/g, ''));
    }
  });

  it('embeds the DejaVu faces the diagram uses, and no standard-14 fallback font', async () => {
    const latin1 = Buffer.from(await svgToPdf(multilingual.svg!, fonts)).toString('latin1');
    for (const face of ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSansMono']) {
      expect(latin1).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${face}\\b`));
    }
    expect(latin1).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it('keeps bold, italic, code and non-Latin text of the multilingual example', async () => {
    const text = pdfText(await svgToPdf(multilingual.svg!, fonts));
    const squashed = text.replace(/\s+/g, '');
    expect(squashed).toContain('motion-planner5.1');
    expect(squashed).toContain('Betriebserlaubnis');
    expect(squashed).toMatch(/[α-ω]/);
  });

  it('is byte-identical for the same input (fixed dates, derived file ID)', async () => {
    const a = Buffer.from(await svgToPdf(minimal.svg!, fonts));
    const b = Buffer.from(await svgToPdf(minimal.svg!, fonts));
    expect(a.equals(b)).toBe(true);
  });

  it('sizes the page to the diagram (1 SVG unit = 0.75 pt)', async () => {
    const latin1 = Buffer.from(await svgToPdf(minimal.svg!, fonts)).toString('latin1');
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(latin1);
    const { width, height } = svgSize(minimal.svg!);
    expect(Number(box?.[1])).toBeCloseTo(width * 0.75, 1);
    expect(Number(box?.[2])).toBeCloseTo(height * 0.75, 1);
  });

  it('rewrites only the stylesheet for svg-to-pdfkit', () => {
    const svg = '<svg width="1" height="1"><style>.gsn-diagram .gsn-shape{fill:#fff}</style><title>.gsn-diagram .x</title></svg>';
    expect(forSvgToPdfkit(svg)).toBe('<svg width="1" height="1"><style>.gsn-shape{fill:#fff}</style><title>.gsn-diagram .x</title></svg>');
  });
});
