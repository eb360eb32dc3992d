// Types of gsnc/remark (hand-written; copied to dist/remark.d.ts by scripts/build.mjs).
import type { Root } from 'mdast';
import type { Plugin } from 'unified';

/** A diagnostic, positioned in the Markdown file (1-based, end exclusive). */
export interface Diagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related?: { message: string; file: string; line: number; column: number; endLine: number; endColumn: number }[];
}

export interface GsncRemarkOptions {
  /** Name of the Markdown file in diagnostics. Default the vfile's path, else `<markdown>`. */
  file?: string;
  /** Start of every per-fence id prefix (default `gsnc-`). */
  idPrefix?: string;
  /** Treat warnings as errors. */
  strict?: boolean;
  limits?: { maxInputLength?: number; maxDepth?: number; maxElements?: number; layoutTimeoutMs?: number };
  /** Colour theme of the diagrams; `auto` follows the reader's light/dark setting. */
  theme?: 'default' | 'dark' | 'print' | 'auto';
  /** AI safety-case framework: add the building-block ratings glyph to each category badge. */
  ratings?: boolean;
  /** Text layers to draw (`@layer(name, "text")`), in order, as `NAME: text` under each element's text. */
  layers?: readonly string[];
  /** Called once per fence that has diagnostics (they are also vfile messages). */
  onDiagnostics?: (diagnostics: Diagnostic[], fence: { index: number; line: number; file: string }) => void;
}

/** Replaces ```gsn code blocks with their diagram (raw HTML: use allowDangerousHtml downstream). */
declare const gsncRemark: Plugin<[GsncRemarkOptions?], Root>;
export default gsncRemark;
