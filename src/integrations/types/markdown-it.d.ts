// Types of gsnc/markdown-it (hand-written; copied to dist/markdown-it.d.ts by scripts/build.mjs).
import type { MarkdownIt } from 'markdown-it';

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

export interface FenceOptions {
  /** Name of the Markdown file in diagnostics. Default `env.file`, `env.relativePath`, else `<markdown>`. */
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
  /** Called once per compiled fence that has diagnostics. */
  onDiagnostics?: (diagnostics: Diagnostic[], fence: { index: number; line: number; file: string }) => void;
}

export interface GsncMarkdownItOptions extends FenceOptions {
  /** Compiled fences kept per markdown-it instance for reuse (default 256). */
  cacheSize?: number;
}

export interface CompiledFence {
  /** The diagram (`<div class="gsnc-diagram"><svg ...></div>`) or the error block. */
  html: string;
  svg: string | null;
  diagnostics: Diagnostic[];
  /** The library's full compile result (ast, model, layout, ...). */
  result: unknown;
}

/** Compiles every gsn fence of `src`, so that `md.render(src, env)` draws them. */
export declare function prepare(md: MarkdownIt, src: string, env?: Record<string, unknown>): Promise<CompiledFence[]>;

/** `prepare` then `md.render`. */
export declare function renderAsync(md: MarkdownIt, src: string, env?: Record<string, unknown>): Promise<string>;

interface GsncMarkdownIt {
  (md: MarkdownIt, options?: GsncMarkdownItOptions): void;
  prepare: typeof prepare;
  renderAsync: typeof renderAsync;
}

/** The plugin, for `md.use(gsnc, options)`. */
declare const gsnc: GsncMarkdownIt;
export default gsnc;
