/**
 * `gsnc/remark`: a unified (remark) plugin that replaces ```gsn code blocks with their diagram.
 *
 *   unified().use(remarkParse).use(gsnc).use(remarkRehype, { allowDangerousHtml: true })
 *     .use(rehypeStringify, { allowDangerousHtml: true })
 *
 * Each gsn block becomes an mdast `html` node holding `<div class="gsnc-diagram"><svg ...>`, or
 * the error block when the GSN has errors (so remark-rehype and rehype-stringify need
 * `allowDangerousHtml`; the SVG is inert by construction: no scripts, no event attributes, URLs
 * allow-listed). Every diagnostic is also reported on the vfile (`file.messages`, source `gsnc`,
 * ruleId the diagnostic code, errors fatal) at its line and column in the Markdown file.
 * The transformer is asynchronous, which unified supports (`process`, `run`).
 */
import type { Code, Html, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { LineIndex } from '../index.js';
import { DEFAULT_FILE, compileFence, isGsnInfo, type FenceOptions } from './core.js';

export type GsncRemarkOptions = FenceOptions;

const gsncRemark: Plugin<[GsncRemarkOptions?], Root> = function (options?: GsncRemarkOptions) {
  const settings: GsncRemarkOptions = { ...options };
  return async (tree: Root, file: VFile) => {
    const blocks: { node: Code; parent: Parent; index: number }[] = [];
    visit(tree, 'code', (node, index, parent) => {
      if (parent && index !== undefined && isGsnInfo(node.lang)) blocks.push({ node, parent, index });
    });
    if (blocks.length === 0) return;
    const name = settings.file ?? fileName(file);
    const markdown = new LineIndex(String(file.value ?? ''));
    for (const [position, { node, parent, index }] of blocks.entries()) {
      const openLine = node.position?.start.line ?? 1;
      const compiled = await compileFence(
        { content: node.value, index: position, openLine },
        { ...settings, file: name, markdown },
      );
      for (const d of compiled.diagnostics) {
        const message = file.message(`${d.code}: ${d.message}`, {
          place: { start: { line: d.line, column: d.column }, end: { line: d.endLine, column: d.endColumn } },
          ruleId: d.code,
          source: 'gsnc',
        });
        message.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
      }
      const replacement: Html = { type: 'html', value: compiled.html.trimEnd() };
      if (node.position) replacement.position = node.position;
      parent.children[index] = replacement;
    }
  };
};

/** The vfile's path, relative to its cwd when inside it; `<markdown>` without one. */
function fileName(file: VFile): string {
  const path = file.path;
  if (!path) return DEFAULT_FILE;
  const cwd = file.cwd.endsWith('/') ? file.cwd : `${file.cwd}/`;
  return path.startsWith(cwd) ? path.slice(cwd.length) : path;
}

export default gsncRemark;
export type { FenceOptions } from './core.js';
