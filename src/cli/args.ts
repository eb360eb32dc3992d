import { parseArgs } from 'node:util';

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
}

export class UsageError extends Error {}

const COMMANDS = new Set(['build', 'check', 'report', 'help', 'version']);

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
  return {
    command,
    files: positionals,
    output: values.output ?? null,
    format: values.format ?? null,
    strict: values.strict ?? false,
    quiet: values.quiet ?? false,
    timeoutMs: values.timeout === undefined ? null : parseTimeout(values.timeout),
  };
}

function parseTimeout(text: string): number {
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms <= 0) throw new UsageError(`--timeout takes a whole number of milliseconds, not '${text}'`);
  return ms;
}

export const HELP = `gsnc: compile GSN safety cases written as text into checked SVG diagrams

Usage:
  gsnc build FILE... [-o FILE|DIR] [--format svg|json] [--strict]
  gsnc FILE...                      same as gsnc build
  gsnc check FILE... [--format text|json] [--strict]
  gsnc report FILE [-o FILE] [--format md|html|json] [--strict]
             AI safety-case review report in the order of the six steps
             (format from -o's extension, else Markdown on standard output)

  FILE       a .gsn file, or - for standard input
  -o, --output
             where to write: a file (one input), a directory (ends with / or exists),
             or - for standard output. Default: next to each input (FILE.svg);
             standard output when reading standard input.
  -f, --format
             build: svg (default) or json (laid-out nodes, edges and diagnostics)
             check: text (default) or json ({ "diagnostics": [...] })
  --strict   treat warnings as errors (for CI gates)
  --timeout MS
             stop compiling a file after MS milliseconds (default 120000)
  -q, --quiet
             do not print what was written
  -h, --help     this help
  -v, --version  the version

Exit codes: 0 ok (warnings allowed), 1 errors in the input, 2 usage, 70 internal error.
Outputs are written atomically: a failed build leaves an existing output untouched.
`;
