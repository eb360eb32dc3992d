/**
 * The pure part of `gsnc markdown`: find the gsn fences of a Markdown file and rewrite the file
 * with each fence replaced by an image link. No I/O; the command in src/cli writes the files.
 *
 * Fences are found with markdown-it's block parser (an optional peer dependency, loaded only
 * here and only when needed), so fences inside lists and block quotes are found and fences
 * inside other code blocks or HTML blocks are not, exactly as a CommonMark renderer sees them.
 */
import type { Model } from '../index.js';
import { isGsnInfo, type Fence } from './core.js';

/** A gsn fence with the lines it occupies (0-based, end exclusive) and its line prefix. */
export interface FileFence extends Fence {
  startLine: number;
  endLine: number;
  /** What precedes the fence marker on its opening line: indentation, `> `, `- `. */
  prefix: string;
}

export class MissingMarkdownIt extends Error {}

/** Every gsn fence of `text`, in order. */
export async function findFences(text: string): Promise<FileFence[]> {
  let MarkdownIt: typeof import('markdown-it').default;
  try {
    MarkdownIt = (await import('markdown-it')).default;
  } catch {
    throw new MissingMarkdownIt('gsnc markdown needs the markdown-it package to read Markdown (npm install markdown-it)');
  }
  const md = new MarkdownIt('commonmark');
  const lines = splitLines(text).map((l) => l.text);
  const fences: FileFence[] = [];
  for (const token of md.parse(text, {})) {
    if (token.type !== 'fence' || !isGsnInfo(token.info) || !token.map) continue;
    const [startLine, endLine] = token.map;
    const opener = lines[startLine] ?? '';
    const marker = /(`{3,}|~{3,})/.exec(opener);
    fences.push({
      content: token.content,
      index: fences.length,
      openLine: startLine + 1,
      startLine,
      endLine,
      prefix: marker ? opener.slice(0, marker.index) : '',
    });
  }
  return fences;
}

/** Replaces each fence's lines by one line: its prefix and the fence's replacement. */
export function replaceFences(text: string, fences: readonly FileFence[], replacements: readonly string[]): string {
  const lines = splitLines(text);
  const out: string[] = [];
  let line = 0;
  for (const [i, fence] of fences.entries()) {
    for (; line < fence.startLine && line < lines.length; line++) out.push(lines[line]!.text + lines[line]!.end);
    const last = lines[Math.min(fence.endLine, lines.length) - 1];
    const end = last?.end || lines[fence.startLine]?.end || '';
    out.push(`${fence.prefix}${replacements[i] ?? ''}${end}`);
    line = Math.max(line, fence.endLine);
  }
  for (; line < lines.length; line++) out.push(lines[line]!.text + lines[line]!.end);
  return out.join('');
}

/** A Markdown image link to `path` (relative, `/`-separated), its alt text escaped. */
export function imageLink(alt: string, path: string): string {
  const escapedAlt = alt.replace(/[\\[\]]/g, (c) => `\\${c}`);
  const target = encodeURI(path).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  return `![${escapedAlt}](${target})`;
}

/** Alt text for a diagram: the module's description or name, else the top goal, else a number. */
export function altText(model: Model | null, index: number): string {
  const fallback = `GSN diagram ${index + 1}`;
  if (!model) return fallback;
  let text: string | null = model.module?.description ?? model.module?.name ?? null;
  if (!text) {
    const top = model.elements.find((e) => e.id === model.topGoals[0]);
    if (top) text = `${top.id}: ${top.text}`;
  }
  if (!text) return fallback;
  const plain = text
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 120 ? `${plain.slice(0, 119)}…` : plain || fallback;
}

function splitLines(text: string): { text: string; end: string }[] {
  const lines: { text: string; end: string }[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    lines.push({ text: text.slice(start, m.index), end: m[0] });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), end: '' });
  return lines;
}
