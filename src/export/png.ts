/**
 * SVG -> PNG through resvg (no browser). resvg is given only the bundled DejaVu files and no
 * system fonts, so the picture is the same on every machine and matches the layout's metrics.
 */
import type { FontFiles } from './fonts.js';
import { MONO_FAMILY, SANS_FAMILY } from './fonts.js';

export interface PngOptions {
  /** Pixels per SVG unit; default 2 (sharp on high-density screens and in print at ~190 dpi). */
  scale?: number;
}

export const DEFAULT_PNG_SCALE = 2;
/** A PNG is one bitmap in memory: width * height * 4 bytes. Keep it below ~1 GiB. */
export const MAX_PNG_PIXELS = 256 * 1024 * 1024;

export async function svgToPng(svg: string, fonts: FontFiles, options: PngOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? DEFAULT_PNG_SCALE;
  if (!(Number.isFinite(scale) && scale > 0)) throw new RangeError(`PNG scale must be a positive number, not ${scale}`);
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: Object.values(fonts).map((f) => f.path),
      defaultFontFamily: SANS_FAMILY,
      sansSerifFamily: SANS_FAMILY,
      monospaceFamily: MONO_FAMILY,
    },
    fitTo: { mode: 'zoom', value: scale },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  const pixels = Math.ceil(resvg.width * scale) * Math.ceil(resvg.height * scale);
  if (pixels > MAX_PNG_PIXELS) {
    throw new RangeError(`the PNG would have ${pixels} pixels, more than the limit of ${MAX_PNG_PIXELS}; lower --scale`);
  }
  return new Uint8Array(resvg.render().asPng());
}
