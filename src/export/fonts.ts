/**
 * The bundled DejaVu fonts, as the exporters need them. The layout measures text with DejaVu
 * Sans metrics, so PNG and PDF must draw with exactly these files: never a system font.
 * The exporters do no I/O; the caller (the CLI, src/cli/io.ts) reads the files from the
 * package's fonts/ directory.
 */
export interface FontFile {
  /** Absolute path of the TTF (resvg loads fonts by path). */
  path: string;
  /** The file's bytes (pdfkit embeds them). */
  data: Uint8Array;
}

export interface FontFiles {
  sans: FontFile;
  sansBold: FontFile;
  sansOblique: FontFile;
  sansBoldOblique: FontFile;
  mono: FontFile;
}

/** File names in the package's fonts/ directory. */
export const FONT_FILE_NAMES: Readonly<Record<keyof FontFiles, string>> = {
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  sansOblique: 'DejaVuSans-Oblique.ttf',
  sansBoldOblique: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/** The family every diagram names first (src/layout/style.ts FONT_FAMILY). */
export const SANS_FAMILY = 'DejaVu Sans';
export const MONO_FAMILY = 'DejaVu Sans Mono';
