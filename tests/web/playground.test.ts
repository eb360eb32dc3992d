/**
 * End-to-end test of the browser playground in real headless Chromium (Debian's `chromium`,
 * driven by playwright-core): the page is built (scripts/build-web.mjs) into a temporary
 * directory and served on 127.0.0.1 by a tiny HTTP server.
 *
 * Skipped only when /usr/bin/chromium is missing AND this is not CI; under CI (.ci/run installs
 * chromium) it always runs, so a missing browser fails loudly there.
 * GSNC_SCREENSHOT_DIR=DIR keeps the screenshots (default: a temporary directory, removed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, type Diagnostic } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SKIP = !existsSync(CHROMIUM) && !process.env.CI;
if (SKIP) console.warn(`tests/web/playground.test.ts: SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium); under CI this test runs`);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
};

/** Serves `dir` read-only on 127.0.0.1 at a free port. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

interface PlaygroundHandle {
  compile(text: string, options: object): Promise<{ svg: string | null; diagnostics: Diagnostic[] }>;
  examples: Array<{ name: string; text: string }>;
  setText(text: string): void;
}
declare const window: { gsncPlayground: PlaygroundHandle };
declare const document: { querySelector(s: string): { selectionStart: number; selectionEnd: number; value: string } | null };

describe.skipIf(SKIP)('browser playground (headless Chromium)', () => {
  let work: string;
  let shots: string;
  let server: Server;
  let url: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const offsite: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gsnc-web-'));
    shots = process.env.GSNC_SCREENSHOT_DIR ? resolve(process.env.GSNC_SCREENSHOT_DIR) : join(work, 'shots');
    mkdirSync(shots, { recursive: true });
    const site = join(work, 'site');
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs'), '--outdir', site, '--quiet'], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build-web failed:\n${built.stderr}${built.stdout}`);
    ({ server, url } = await serve(site));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    page.on('request', (request) => {
      const target = request.url();
      if (!target.startsWith(url) && !target.startsWith('blob:') && !target.startsWith('data:')) offsite.push(target);
    });
    await page.goto(url);
    await page.waitForSelector('#diagram svg .gsn-goal');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('type a case, see the diagram; break it, see and click a diagnostic', async () => {
    const editor = page.locator('#editor');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    const typed = 'goal G7 "The typed claim holds" {\n  context C7 "Where it holds"\nsolution Sn7 "Evidence for it"\n}\n';
    await page.keyboard.type(typed);
    await page.waitForSelector('#diagram svg #gsn-node-G7.gsn-goal');
    await page.waitForSelector('#diagram svg #gsn-node-Sn7.gsn-solution');
    expect(await page.locator('#diagram svg .gsn-node').count()).toBe(3);
    expect((await page.locator('#diagram').getAttribute('class')) ?? '').not.toContain('stale');
    // Highlighted: the element keyword and the string have their own colours.
    expect(await page.locator('#highlight .t-storage').first().textContent()).toBe('goal');
    expect(await page.locator('#highlight .t-string').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'playground-typed.png') });

    // Break it: a reference to an element that does not exist, on line 4.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.type('\n  Missing9');
    const diagnostic = page.locator('#diagnostics .diagnostic.error').first();
    await diagnostic.waitFor();
    const position = diagnostic.locator('button.position');
    expect(await position.textContent()).toBe('4:3');
    expect(await diagnostic.textContent()).toContain('Missing9');
    // The last good diagram stays, marked stale.
    await page.waitForSelector('#diagram.stale svg #gsn-node-G7');
    expect(await page.locator('#status').textContent()).toMatch(/1 error/);

    // Clicking the position selects the reported span in the editor.
    await page.keyboard.press('Control+Home');
    await position.click();
    const selection = await page.evaluate(() => {
      const area = document.querySelector('#editor')!;
      return { start: area.selectionStart, end: area.selectionEnd, text: area.value.slice(area.selectionStart, area.selectionEnd) };
    });
    const text = await editor.inputValue();
    const lineStart = text.split('\n').slice(0, 3).join('\n').length + 1;
    expect(selection.start).toBe(lineStart + 2);
    expect(selection.text).toBe('Missing9');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('editor');
    await page.screenshot({ path: join(shots, 'playground-diagnostic.png') });
  });

  it('compiles every example to the same bytes as Node', async () => {
    const examples = await page.evaluate(() => window.gsncPlayground.examples);
    const onDisk = existsSync(join(ROOT, 'examples')) ? examples.length : 0;
    expect(onDisk).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      for (const theme of ['default', 'dark']) {
        const options = { file: example.name, theme };
        const inBrowser = await page.evaluate(([text, o]) => window.gsncPlayground.compile(text, o), [example.text, options] as const);
        const inNode = await compile(example.text, options as { file: string; theme: 'default' | 'dark' });
        expect(inBrowser.diagnostics, `${example.name} (${theme}) diagnostics`).toEqual(inNode.diagnostics);
        expect(inBrowser.svg, `${example.name} (${theme}) SVG`).toBe(inNode.svg);
      }
    }
  });

  it('picks an example, switches theme, downloads SVG and PNG', async () => {
    await page.selectOption('#example', 'hazard-directed.gsn');
    await page.waitForSelector('#diagram svg .gsn-strategy');
    const text = await page.locator('#editor').inputValue();
    expect(text).toBe(readFileSync(join(ROOT, 'examples', 'hazard-directed.gsn'), 'utf8'));

    await page.selectOption('#theme', 'dark');
    await page.waitForFunction(() => /#0d1117/.test((globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('#diagram svg style')?.textContent ?? ''));
    await page.screenshot({ path: join(shots, 'playground-dark.png') });

    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
    expect(svgDownload.suggestedFilename()).toBe('hazard-directed.svg');
    const svgPath = join(work, 'download.svg');
    await svgDownload.saveAs(svgPath);
    const expected = await compile(text, { file: 'case.gsn', theme: 'dark' });
    expect(readFileSync(svgPath, 'utf8')).toBe(expected.svg);

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-png')]);
    expect(pngDownload.suggestedFilename()).toBe('hazard-directed.png');
    const pngPath = join(shots, 'download.png');
    await pngDownload.saveAs(pngPath);
    const png = readFileSync(pngPath);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Twice the SVG's size (2 pixels per unit), from the PNG header.
    const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(expected.svg!)![1]);
    expect(png.readUInt32BE(16)).toBe(Math.ceil(width * 2));

    await page.selectOption('#theme', 'default');
  });

  it('loads nothing from outside the page and logs no errors', () => {
    expect(offsite).toEqual([]);
    expect(problems).toEqual([]);
  });
});
