import { basename, dirname, extname, join } from 'node:path';
import { escapeForTerminal } from '../../diagnostics/format.js';
import { LineIndex } from '../../diagnostics/locate.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { compileFence, type CompiledFence } from '../../integrations/core.js';
import { MissingMarkdownIt, altText, findFences, imageLink, replaceFences } from '../../integrations/markdown-file.js';
import { UsageError, type CliArgs } from '../args.js';
import type { FontFiles } from '../../export/fonts.js';
import { readBundledFonts, readSource, writeAtomically } from '../io.js';
import { printDiagnostics } from '../print.js';
import { EXIT, requireFiles, type Compiler } from '../shared.js';

/** The image formats `gsnc markdown` writes. */
const FORMATS = new Set(['svg', 'png']);

/**
 * `gsnc markdown FILE.md -o OUT.md`: each ```gsn fence becomes a diagram file next to OUT.md
 * (OUT-1.svg, OUT-2.svg, ... in fence order; .png with --format png) and an image link to it,
 * for renderers that do not run plugins (GitHub, Confluence, Pandoc). If any fence has errors,
 * their diagnostics are printed with positions in FILE.md and nothing is written. All images
 * are produced in memory before the first file is written.
 */
export async function markdown(args: CliArgs, compiler: Compiler): Promise<number> {
  const format = args.format ?? 'svg';
  if (!FORMATS.has(format)) throw new UsageError(`markdown --format takes svg or png, not '${args.format}'`);
  if (args.scale !== null && format !== 'png') throw new UsageError('--scale applies to --format png only');
  requireFiles(args);
  if (args.files.length !== 1) throw new UsageError('markdown takes one input file');
  const output = args.output;
  if (output === null || output === '-') throw new UsageError('markdown needs -o OUT.md: the diagrams are written next to it');
  const file = args.files[0]!;
  const { name, text } = readSource(file);

  let fences;
  try {
    fences = await findFences(text);
  } catch (error) {
    if (error instanceof MissingMarkdownIt) throw new UsageError(error.message);
    throw error;
  }
  const index = new LineIndex(text);
  const limits = args.timeoutMs === null ? undefined : { layoutTimeoutMs: args.timeoutMs };
  const compiled: CompiledFence[] = [];
  const theme = args.theme ?? undefined;
  for (const fence of fences) {
    compiled.push(await compileFence(fence, { file: name, strict: args.strict, limits, theme, ratings: args.ratings, layers: args.layers, markdown: index, compiler }));
  }
  const diagnostics: Diagnostic[] = compiled.flatMap((c) => c.diagnostics);
  printDiagnostics(diagnostics, text, name);
  if (diagnostics.some((d) => d.code === 'GSN999')) return EXIT.internal;
  if (compiled.some((c) => c.svg === null)) return EXIT.inputErrors;

  // Everything compiled: write the diagrams, then the Markdown that links to them.
  const stem = basename(output, extname(output));
  const links: string[] = [];
  const written: string[] = [];
  const images: { path: string; content: string | Uint8Array }[] = [];
  const fonts = format === 'png' ? readBundledFonts() : null;
  for (const [i, fence] of compiled.entries()) {
    const image = `${stem}-${i + 1}.${format}`;
    images.push({ path: join(dirname(output), image), content: fonts ? await png(fence.svg!, fonts, args) : fence.svg! });
    links.push(imageLink(altText(fence.result.model, i), image));
  }
  for (const { path, content } of images) {
    writeAtomically(path, content);
    written.push(path);
  }
  writeAtomically(output, replaceFences(text, fences, links));
  written.push(output);
  if (!args.quiet) for (const path of written) process.stderr.write(`gsnc: wrote ${escapeForTerminal(path)}\n`);
  return EXIT.ok;
}

/** PNG through the export stage (resvg with the bundled fonts), loaded only when asked for. */
async function png(svg: string, fonts: FontFiles, args: CliArgs): Promise<Uint8Array> {
  const { svgToPng } = await import('../../export/png.js');
  try {
    return await svgToPng(svg, fonts, { scale: args.scale ?? undefined });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}
