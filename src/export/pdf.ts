/**
 * SVG -> PDF through pdfkit and svg-to-pdfkit (no browser). The bundled DejaVu fonts are
 * embedded (subset), so the text is real, selectable and searchable, and set in the font the
 * layout measured. The output is byte-identical for the same SVG: the document's dates are
 * fixed at the epoch (pdfkit derives the file ID from them) and nothing else varies.
 */
import type { FontFiles } from './fonts.js';

/** One SVG unit (CSS px) is 0.75 pt, as svg-to-pdfkit assumes. */
const PT_PER_PX = 72 / 96;
const FIXED_DATE = new Date(0);

export interface PdfOptions {
  /** The document title in the PDF's metadata (e.g. the module name). */
  title?: string;
}

export async function svgToPdf(svg: string, fonts: FontFiles, options: PdfOptions = {}): Promise<Uint8Array> {
  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([import('pdfkit'), import('svg-to-pdfkit')]);
  const { width, height } = svgSize(svg);
  const size: [number, number] = [round(width * PT_PER_PX), round(height * PT_PER_PX)];
  const info: PDFKit.DocumentInfo = { Producer: 'gsnc', Creator: 'gsnc', CreationDate: FIXED_DATE, ModDate: FIXED_DATE };
  if (options.title) info.Title = options.title;
  const doc = new PDFDocument({ size, margin: 0, info, autoFirstPage: true, compress: true, pdfVersion: '1.4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const families = {
    sans: register(doc, 'gsnc-sans', fonts.sans),
    bold: register(doc, 'gsnc-sans-bold', fonts.sansBold),
    oblique: register(doc, 'gsnc-sans-oblique', fonts.sansOblique),
    boldOblique: register(doc, 'gsnc-sans-bold-oblique', fonts.sansBoldOblique),
    mono: register(doc, 'gsnc-mono', fonts.mono),
  };
  SVGtoPDF(doc, forSvgToPdfkit(svg), 0, 0, {
    width: size[0],
    height: size[1],
    assumePt: false,
    warningCallback: () => {},
    fontCallback: (family, bold, italic) => {
      // Code runs name DejaVu Sans Mono and are measured in its regular face whatever they say.
      if (/mono|monospace/i.test(family)) return families.mono;
      if (bold) return italic ? families.boldOblique : families.bold;
      return italic ? families.oblique : families.sans;
    },
  });
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

function register(doc: PDFKit.PDFDocument, name: string, font: FontFiles[keyof FontFiles]): string {
  doc.registerFont(name, Buffer.from(font.data.buffer, font.data.byteOffset, font.data.byteLength));
  return name;
}

/** The root element's width and height in SVG units (gsnc always writes both). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const read = (name: string) => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(root)?.[1] ?? NaN);
  const width = read('width');
  const height = read('height');
  if (!(width > 0 && height > 0)) throw new Error('the SVG has no width and height on its root element');
  return { width, height };
}

/**
 * svg-to-pdfkit understands only simple selectors (`.a`, `text`, `.a.b`), not the descendant
 * selectors gsnc scopes its stylesheet with (`.gsn-diagram .gsn-shape`): unchanged, every rule
 * would be dropped and the shapes drawn as black boxes. Inside the one diagram being converted
 * the scope is redundant, so it is removed from the stylesheet (and nowhere else).
 */
export function forSvgToPdfkit(svg: string): string {
  return svg.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g, (_m, open: string, css: string, close: string) => {
    return open + css.replace(/\.gsn-diagram\s+/g, '') + close;
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
