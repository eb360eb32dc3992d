import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import gsnc, { prepare, renderAsync } from '../../src/integrations/markdown-it.js';
import type { Diagnostic } from '../../src/index.js';
import { expectGolden } from '../helpers/golden.js';
import { PAGE, expectSoundPage, summarised, svgsOf } from './page.js';

const TWO_SAME = ['```gsn', 'goal G1 "Top" {', '  solution Sn1 "E"', '}', '```', '', '```gsn', 'goal G1 "Top" {', '  solution Sn1 "E"', '}', '```', ''].join('\n');

describe('gsnc/markdown-it', () => {
  it('renders gsn fences as inline SVG and a broken one as an error block (golden)', async () => {
    const md = new MarkdownIt().use(gsnc);
    const html = await renderAsync(md, PAGE, { file: 'page.md' });
    expect(svgsOf(html)).toHaveLength(2);
    expectSoundPage(html);
    expectGolden('integrations/markdown-it.html', summarised(html));
  });

  it('points the error block at the Markdown file, escaped', async () => {
    const md = new MarkdownIt().use(gsnc);
    const html = await renderAsync(md, PAGE, { file: 'page.md' });
    const block = /<div class="gsnc-error"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    expect(block).toContain('page.md:29:8: error GSN201: duplicate ID G1');
    expect(block).toContain('page.md:26:8: note:');
    expect(block).toContain('  29 | &gt; goal G1 &quot;Again&quot; &lt;script&gt;');
    expect(block).not.toContain('<script');
    expect(html).not.toMatch(/<script/i);
  });

  it('keeps ids apart for identical fences and is deterministic', async () => {
    const md = new MarkdownIt().use(gsnc);
    const first = await renderAsync(md, TWO_SAME);
    const [a, b] = svgsOf(first);
    expect(a!.replace(/gsnc-[0-9a-f]{8}-\d+-/g, '')).toBe(b!.replace(/gsnc-[0-9a-f]{8}-\d+-/g, ''));
    expectSoundPage(first);
    const again = await renderAsync(new MarkdownIt().use(gsnc), TWO_SAME);
    expect(again).toBe(first);
  });

  it('uses the idPrefix option as the start of every id', async () => {
    const md = new MarkdownIt().use(gsnc, { idPrefix: 'chapter-2-' });
    const html = await renderAsync(md, TWO_SAME);
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    expect(ids.every((id) => /^chapter-2-[0-9a-f]{8}-[01]-/.test(id))).toBe(true);
  });

  it('renders a notice, not a broken page, when render runs without prepare', () => {
    const md = new MarkdownIt().use(gsnc);
    const html = md.render(TWO_SAME);
    expect(html).toContain('gsnc-not-prepared');
    expect(html).toContain('renderAsync');
  });

  it('leaves other fences to markdown-it, and works through prepare + render and the static helpers', async () => {
    const plain = new MarkdownIt().render('```js\nlet a = "<b>";\n```\n');
    const md = new MarkdownIt().use(gsnc);
    const env = { file: 'doc.md' };
    const compiled = await prepare(md, `${TWO_SAME}\n\`\`\`js\nlet a = "<b>";\n\`\`\`\n`, env);
    expect(compiled).toHaveLength(2);
    const html = md.render(`${TWO_SAME}\n\`\`\`js\nlet a = "<b>";\n\`\`\`\n`, env);
    expect(html).toContain(plain.trim());
    expect(svgsOf(html)).toHaveLength(2);
    expect(gsnc.prepare).toBe(prepare);
    expect(gsnc.renderAsync).toBe(renderAsync);
  });

  it('reports diagnostics through onDiagnostics, in Markdown positions', async () => {
    const seen: Diagnostic[] = [];
    const md = new MarkdownIt().use(gsnc, { onDiagnostics: (d: Diagnostic[]) => seen.push(...d) });
    await renderAsync(md, 'Text\n\n  ```gsn\n  goal G1 "Top" {\n    goal G2 "Open"\n  }\n  ```\n', { file: 'w.md' });
    expect(seen.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['w.md:5:10 GSN301']);
  });

  it('finds fences in lists and quotes, with the info string forms gsn and {.gsn}', async () => {
    const md = new MarkdownIt().use(gsnc);
    const html = await renderAsync(md, '- item\n\n  ```gsn\n  goal G1 "A" { solution Sn1 "E" }\n  ```\n\n> ```{.gsn}\n> goal G1 "B" { solution Sn1 "E" }\n> ```\n');
    expect(svgsOf(html)).toHaveLength(2);
    expectSoundPage(html);
  });

  it('passes the ratings and layers options to every fence', async () => {
    const page = '```gsn\ngoal G1 "Top" @layer(owner, "Safety team") {\n  solution Sn1 "E"\n}\n```\n';
    const plain = await renderAsync(new MarkdownIt().use(gsnc), page);
    expect(plain).not.toContain('OWNER:');
    const layered = await renderAsync(new MarkdownIt().use(gsnc, { layers: ['owner'] }), page);
    expect(layered).toContain('OWNER:');
    expect(layered).toContain('Safety team');
  });
});
