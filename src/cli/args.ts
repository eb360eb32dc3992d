import { parseArgs } from 'node:util';
import { THEMES, isThemeName, type ThemeName } from '../render/themes.js';

export type Command = string;
export type BuildFormat = 'svg' | 'json';
export type CheckFormat = 'text' | 'json';

export interface CliArgs {
  command: Command;
  files: string[];
  output: string | null;
  format: string | null;
  strict: boolean;
  quiet: boolean;
  /** Layout time limit in ms, or null for the default. */
  timeoutMs: number | null;
  /** build --format png: pixels per SVG unit, or null for the default (2). */
  scale: number | null;
  /** Colour theme of the SVG, or null for the default. */
  theme: ThemeName | null;
  /** build --watch: rebuild on every change until interrupted. */
  watch: boolean;
  /** Add the building-block ratings glyph to the AI safety-case framework's category badges. */
  ratings: boolean;
  /** --layer NAME (repeatable, or comma-separated): text layers to draw, in order. */
  layers: string[];
  /** --cache DIR: directory of cached compile results, or null for no cache. */
  cache: string | null;
  /** fmt --check: list the files that would change, write nothing. */
  check: boolean;
  /**
   * The gsn2x YAML inputs (`*.yaml`, `*.yml`), compiled together as one case. `files` keeps only
   * the first of them, where it was given, so commands treat the group as one input.
   */
  gsn2xFiles?: string[];
}

export class UsageError extends Error {}

const COMMANDS = new Set(['build', 'check', 'report', 'evidence', 'markdown', 'import', 'fmt', 'instantiate', 'lsp', 'help', 'version']);

/** Parses argv (without node and script). `gsnc FILE` means `gsnc build FILE`. */
export function parseCliArgs(argv: string[]): CliArgs {
  const first = argv[0];
  const explicit = first !== undefined && COMMANDS.has(first);
  const rest = explicit ? argv.slice(1) : argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        timeout: { type: 'string' },
        scale: { type: 'string' },
        theme: { type: 'string' },
        watch: { type: 'boolean', short: 'w' },
        ratings: { type: 'boolean' },
        layer: { type: 'string', short: 'l', multiple: true },
        cache: { type: 'string' },
        check: { type: 'boolean' },
        // gsnc lsp: editors' LSP clients pass --stdio; standard input and output is the only transport.
        stdio: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  let command: Command = explicit ? (first as Command) : 'build';
  if (values.help) command = 'help';
  else if (values.version) command = 'version';
  else if (!explicit && positionals.length === 0) command = 'help';
  const grouped = command === 'import' || command === 'fmt' || command === 'markdown' || command === 'instantiate' ? null : groupGsn2x(positionals);
  if (values.check && command !== 'fmt') throw new UsageError('--check applies to gsnc fmt only');
  if (values.stdio && command !== 'lsp') throw new UsageError('--stdio applies to gsnc lsp only');
  return {
    command,
    files: grouped?.files ?? positionals,
    output: values.output ?? null,
    format: values.format ?? null,
    strict: values.strict ?? false,
    quiet: values.quiet ?? false,
    timeoutMs: values.timeout === undefined ? null : parseTimeout(values.timeout),
    scale: values.scale === undefined ? null : parseScale(values.scale),
    theme: values.theme === undefined ? null : parseTheme(values.theme),
    watch: parseWatch(values.watch ?? false, command),
    ratings: values.ratings ?? false,
    layers: parseLayers(values.layer ?? [], command),
    cache: values.cache === undefined ? null : parseCache(values.cache),
    check: values.check ?? false,
    ...(grouped?.gsn2xFiles ? { gsn2xFiles: grouped.gsn2xFiles } : {}),
  };
}

/** A gsn2x YAML input, by its name. */
export function isGsn2xFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

/** All YAML inputs are one case: keep the first in `files`, list them all apart. */
function groupGsn2x(positionals: string[]): { files: string[]; gsn2xFiles?: string[] } {
  const yaml = positionals.filter(isGsn2xFile);
  if (yaml.length === 0) return { files: positionals };
  const first = positionals.findIndex(isGsn2xFile);
  return { files: positionals.filter((f, i) => i === first || !isGsn2xFile(f)), gsn2xFiles: yaml };
}

function parseTheme(text: string): ThemeName {
  if (!isThemeName(text)) throw new UsageError(`--theme takes ${THEMES.join(', ')}, not '${text}'`);
  return text;
}

/** `--layer a --layer b` or `--layer a,b`: the names in order, each once. */
function parseLayers(given: string[], command: Command): string[] {
  if (given.length > 0 && command !== 'build' && command !== 'markdown') throw new UsageError('--layer applies to gsnc build and gsnc markdown only');
  const names = given.flatMap((g) => g.split(',')).map((n) => n.trim());
  if (names.some((n) => n === '')) throw new UsageError('--layer takes a layer name, as in --layer owner (or several: --layer owner,status)');
  return [...new Set(names)];
}

function parseWatch(watch: boolean, command: Command): boolean {
  if (watch && command !== 'build' && command !== 'help' && command !== 'version') throw new UsageError('--watch applies to gsnc build only');
  return watch;
}

function parseScale(text: string): number {
  const scale = Number(text);
  if (!(text.trim() !== '' && Number.isFinite(scale) && scale > 0 && scale <= 32)) {
    throw new UsageError(`--scale takes a number of pixels per SVG unit above 0 and at most 32, not '${text}'`);
  }
  return scale;
}

function parseCache(text: string): string {
  if (text.trim() === '') throw new UsageError('--cache takes a directory');
  return text;
}

function parseTimeout(text: string): number {
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms <= 0) throw new UsageError(`--timeout takes a whole number of milliseconds, not '${text}'`);
  return ms;
}

export const HELP = `gsnc: compile GSN safety cases written as text into checked SVG diagrams

Usage:
  gsnc build FILE... [-o FILE|DIR] [--format svg|json|png|pdf|sacm] [--scale N] [--strict]
             [--theme default|dark|print|auto] [--watch] [--ratings] [--layer NAME]...
  gsnc FILE...                      same as gsnc build
  gsnc check FILE... [--format text|json] [--strict]
  gsnc report FILE [-o FILE] [--format md|html|json] [--strict]
             AI safety-case review report in the order of the six steps
             (format from -o's extension, else Markdown on standard output)
  gsnc evidence FILE [-o FILE] [--strict]
             Markdown table of every solution: ID, text, link, the claims it supports
             (standard output unless -o is given)
  gsnc markdown FILE.md -o OUT.md [--format svg|png] [--strict] [--ratings] [--layer NAME]...
             write each \`\`\`gsn fence of FILE.md as a diagram next to OUT.md
             (OUT-1.svg, OUT-2.svg, ...) and link it from OUT.md as an image
  gsnc import FILE.yaml... [-o DIR]
             convert gsn2x YAML files to .gsn notation, one FILE.gsn per input
             (next to each input unless -o DIR)
  gsnc fmt FILE... [-o FILE] [--check]
             rewrite .gsn files in the canonical layout (in place unless -o);
             --check lists the files that would change and exits 1, writing nothing
  gsnc instantiate PATTERN.gsn DATA.json|DATA.yaml [-o OUT.gsn]
             fill a GSN pattern's {placeholders}, many(key), optional and choice
             from a data file into a concrete argument (standard output unless -o)
  gsnc lsp [--stdio]
             language server for editors (LSP over standard input and output):
             diagnostics as you type, go to definition, hover, outline, completion,
             references, rename

  FILE       a .gsn file, or - for standard input; gsn2x YAML files (*.yaml,
             *.yml) are compiled together as one case, with the files their
             module: uses: lists
  -o, --output
             where to write: a file (one input), a directory (ends with / or exists),
             or - for standard output. Default: next to each input (FILE.svg);
             standard output when reading standard input.
  -f, --format
             build: svg (default); json (laid-out nodes, edges and diagnostics,
             schema/gsnc-diagram.schema.json); png; pdf (fonts embedded, text
             selectable); sacm (OMG SACM 2.x XMI, written as FILE.sacm.xml)
             check: text (default) or json ({ "diagnostics": [...] })
  --strict   treat warnings as errors (for CI gates)
  --theme default|dark|print|auto
             colours of the SVG; auto follows the reader's light/dark setting
  -w, --watch
             build: rebuild whenever an input changes, until Ctrl-C; an edit
             with errors prints them and keeps the last good output
  --scale N  build --format png: pixels per SVG unit (default 2)
  --ratings  AI safety-case framework: add to each category badge a three-bar
             glyph of its building block's practicality, maximum strength and
             scalability (Clymer et al. 2024, Figure 3)
  -l, --layer NAME
             draw the text layer NAME (@layer(NAME, "text"), gsn2x's extra keys)
             under each element's text as "NAME: text"; repeat it, or give
             several names separated by commas, for more layers, in that order
  --timeout MS
             stop compiling a file after MS milliseconds (default 120000)
  --cache DIR
             keep compiled results in DIR, keyed by a hash of the input, the
             options and the compiler: an unchanged input is not compiled again
  -q, --quiet
             do not print what was written
  -h, --help     this help
  -v, --version  the version

Exit codes: 0 ok (warnings allowed), 1 errors in the input, 2 usage, 70 internal error.
Outputs are written atomically: a failed build leaves an existing output untouched.
`;
