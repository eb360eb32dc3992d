import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import gsncRemark, { type GsncRemarkOptions } from '../../src/integrations/remark.js';
import { expectGolden } from '../helpers/golden.js';
import { PAGE, expectSoundPage, summarised, svgsOf } from './page.js';

async function toHtml(value: string, path?: string, options?: GsncRemarkOptions) {
  const file = await unified()
    .use(remarkParse)
    .use(gsncRemark, options)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(new VFile({ value, path }));
  return { html: String(file), file };
}

describe('gsnc/remark', () => {
  it('replaces gsn code blocks with inline SVG and a broken one with an error block (golden)', async () => {
    const { html } = await toHtml(PAGE, 'page.md');
    expect(svgsOf(html)).toHaveLength(2);
    expectSoundPage(html);
    expectGolden('integrations/remark.html', summarised(html));
  });

  it('reports every diagnostic on the vfile at its Markdown position', async () => {
    const { html, file } = await toHtml(PAGE, 'page.md');
    expect(html).toContain('page.md:29:8: error GSN201');
    expect(html).not.toMatch(/<script/i);
    const messages = file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.source} ${m.fatal}`);
    expect(messages).toContain('29:8 GSN201 gsnc true');
    expect(file.messages).toHaveLength(4);
  });

  it('gives the same diagrams as the markdown-it plugin (same ids)', async () => {
    const MarkdownIt = (await import('markdown-it')).default;
    const gsncMarkdownIt = (await import('../../src/integrations/markdown-it.js')).default;
    const viaMarkdownIt = await gsncMarkdownIt.renderAsync(new MarkdownIt().use(gsncMarkdownIt), PAGE, { file: 'page.md' });
    const { html } = await toHtml(PAGE, 'page.md');
    expect(svgsOf(html)).toEqual(svgsOf(viaMarkdownIt));
  });

  it('leaves pages without gsn blocks alone and keeps ids apart for identical blocks', async () => {
    const plain = await toHtml('# Title\n\n```js\nx\n```\n');
    expect(plain.html).toBe('<h1>Title</h1>\n<pre><code class="language-js">x\n</code></pre>');
    const same = '```gsn\ngoal G1 "T" { solution Sn1 "E" }\n```\n\n```gsn\ngoal G1 "T" { solution Sn1 "E" }\n```\n';
    const { html } = await toHtml(same, undefined, { idPrefix: 'doc-' });
    expect(svgsOf(html)).toHaveLength(2);
    expectSoundPage(html);
    expect(html).toContain('id="doc-');
  });
});
