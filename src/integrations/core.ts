/**
 * What the Markdown integrations share (the markdown-it plugin, the remark plugin and
 * `gsnc markdown`): recognising ```gsn fences, a deterministic per-fence id prefix, moving
 * diagnostics from the fence's text to the Markdown file, and the HTML of the error block.
 * No I/O and no Node built-ins, so it also runs in a browser.
 */
import { LineIndex, compile, formatDiagnostic, type CompileOptions, type CompileResult, type Diagnostic, type Limits } from '../index.js';

/** Options every integration accepts. */
export interface FenceOptions {
  /**
   * The name of the Markdown file in diagnostics. Default: `env.file` (markdown-it), the
   * vfile's path (remark), else `<markdown>`.
   */
  file?: string;
  /**
   * Start of every per-fence id prefix (default `gsnc-`). Give each Markdown file its own
   * when several files end up on one HTML page.
   */
  idPrefix?: string;
  /** Treat warnings as errors: the fence shows the error block instead of the diagram. */
  strict?: boolean;
  limits?: Partial<Limits>;
  /** Colour theme of the diagrams: `default`, `dark`, `print` or `auto` (follows the reader's setting). */
  theme?: CompileOptions['theme'];
  /** AI safety-case framework: add the building-block ratings glyph to each category badge. */
  ratings?: boolean;
  /** Text layers to draw (see CompileOptions.layers). */
  layers?: readonly string[];
  /** Called once per fence with its diagnostics (positions in the Markdown file), if any. */
  onDiagnostics?: (diagnostics: Diagnostic[], fence: FenceInfo) => void;
}

export interface FenceInfo {
  /** 0-based position of the fence among the page's gsn fences. */
  index: number;
  /** 1-based line of the opening fence in the Markdown file. */
  line: number;
  file: string;
}

/** A gsn fence in a Markdown text. */
export interface Fence {
  /** The GSN text (the fence's content, container prefixes removed). */
  content: string;
  /** 0-based position among the gsn fences of the page. */
  index: number;
  /** 1-based line of the opening fence line. */
  openLine: number;
}

export interface CompiledFence {
  /** `<div class="gsnc-diagram">` with the inline SVG, or the error block. */
  html: string;
  /** The diagram, or null when the fence has errors. */
  svg: string | null;
  /** Diagnostics with file, line and column in the Markdown file. */
  diagnostics: Diagnostic[];
  result: CompileResult;
}

export const DEFAULT_FILE = '<markdown>';
export const DEFAULT_ID_PREFIX = 'gsnc-';

/** True for the info string of a gsn fence: its first word is `gsn` (`gsn`, `gsn title=x`, `{.gsn}`). */
export function isGsnInfo(info: string | null | undefined): boolean {
  const word = (info ?? '').trim().split(/\s+/, 1)[0] ?? '';
  return /^(?:gsn|\{\.?gsn(?:\}|$))$/i.test(word);
}

/** FNV-1a, 32 bits, as 8 hex digits: deterministic, small, no Node built-ins. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The id prefix of one fence: the base, a hash of its content and its index on the page. The
 * index alone keeps the fences of one page apart (two identical fences included); the hash keeps
 * a diagram's ids stable when fences before it change, and apart across pages that share a base.
 */
export function fenceIdPrefix(content: string, index: number, base = DEFAULT_ID_PREFIX): string {
  // Trailing line breaks are not part of the diagram (markdown-it keeps one, remark none).
  return `${sanitizePrefix(base)}${hashText(content.replace(/[\r\n]+$/, ''))}-${index}-`;
}

/** An id prefix must keep ids valid XML names: anything else becomes `_`. */
function sanitizePrefix(base: string): string {
  const cleaned = base.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `g${cleaned}`;
}

/**
 * Where a fence sits in its Markdown file: its text (for line contents), the line of its first
 * content line, and the column of the fence marker (the width of list or quote prefixes).
 */
export class FencePlace {
  private readonly contentLines: string[];

  constructor(
    readonly markdown: LineIndex,
    readonly file: string,
    readonly openLine: number,
    content: string,
  ) {
    this.contentLines = content.split(/\r\n|\r|\n/);
  }

  /** A position in the fence's content (1-based) as a position in the Markdown file. */
  map(line: number, column: number): { line: number; column: number } {
    const mdLine = Math.min(this.openLine + line, Math.max(this.markdown.lineCount, 1));
    return { line: mdLine, column: column + this.offsetOf(line, mdLine) };
  }

  /** How many characters of the Markdown line come before the content line (indent, `> `). */
  private offsetOf(contentLine: number, mdLine: number): number {
    const text = this.contentLines[contentLine - 1] ?? '';
    const original = this.markdown.lineText(mdLine);
    if (text.length > 0 && original.endsWith(text)) return original.length - text.length;
    const opener = this.markdown.lineText(this.openLine);
    const marker = /[`~]{3}/.exec(opener);
    return Math.min(marker ? marker.index : 0, original.length);
  }

  translate(d: Diagnostic): Diagnostic {
    if (d.file !== this.file) return d;
    const start = this.map(d.line, d.column);
    const end = this.map(d.endLine, d.endColumn);
    const moved: Diagnostic = { ...d, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    if (d.related) {
      moved.related = d.related.map((r) => {
        if (r.file !== this.file) return r;
        const from = this.map(r.line, r.column);
        const to = this.map(r.endLine, r.endColumn);
        return { ...r, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
      });
    }
    return moved;
  }
}

export interface CompileFenceOptions extends FenceOptions {
  /** The whole Markdown text, for positions and excerpts. */
  markdown: LineIndex;
  /** The compiler; default the library's compile() (the CLI passes its worker). */
  compiler?: (text: string, options: CompileOptions) => Promise<CompileResult>;
}

/** Compiles one fence: the diagram as HTML, or the error block; diagnostics in Markdown terms. */
export async function compileFence(fence: Fence, options: CompileFenceOptions): Promise<CompiledFence> {
  const file = options.file ?? DEFAULT_FILE;
  const place = new FencePlace(options.markdown, file, fence.openLine, fence.content);
  const run = options.compiler ?? compile;
  const result = await run(fence.content, {
    file,
    strict: options.strict,
    limits: options.limits,
    theme: options.theme,
    ...(options.ratings ? { ratings: true } : {}),
    ...(options.layers?.length ? { layers: options.layers } : {}),
    idPrefix: fenceIdPrefix(fence.content, fence.index, options.idPrefix),
  });
  const diagnostics = result.diagnostics.map((d) => place.translate(d));
  if (diagnostics.length > 0) options.onDiagnostics?.(diagnostics, { index: fence.index, line: fence.openLine, file });
  const svg = result.svg;
  const html = svg ? diagramHtml(svg) : errorBlockHtml(diagnostics, options.markdown, file);
  return { html, svg, diagnostics, result };
}

/** The inline diagram, wrapped so pages can style it. */
export function diagramHtml(svg: string): string {
  return `<div class="gsnc-diagram">${svg.trim()}</div>\n`;
}

/**
 * The readable error block shown instead of a diagram: a title, then each diagnostic as
 * `file:line:col: severity CODE: message` with the Markdown line and a caret under the spot.
 * Everything from the user is escaped.
 */
export function errorBlockHtml(diagnostics: readonly Diagnostic[], markdown?: LineIndex, file?: string): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const what = errors > 0 ? plural(errors, 'error') : plural(diagnostics.length, 'problem');
  const title = `<p class="gsnc-error-title"><strong>gsnc</strong>: this GSN diagram was not drawn (${what})</p>`;
  const body = diagnostics.map((d) => escapeHtml(formatDiagnostic(d, d.file === file ? markdown : undefined))).join('\n');
  return (
    `<div class="gsnc-error" role="alert" style="border:1px solid #b00020;border-radius:4px;padding:0.5em 1em;color:#5f0010;background:#fff4f5">` +
    `${title}<pre class="gsnc-error-details"><code>${body}</code></pre></div>\n`
  );
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
