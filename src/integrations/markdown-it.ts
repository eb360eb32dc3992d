/**
 * `gsnc/markdown-it`: a markdown-it plugin that renders ```gsn fences as inline SVG.
 *
 *   import MarkdownIt from 'markdown-it';
 *   import gsnc from 'gsnc/markdown-it';
 *   const md = new MarkdownIt().use(gsnc);
 *   const html = await gsnc.renderAsync(md, source, { file: 'case.md' });
 *
 * markdown-it renders synchronously, but compiling a diagram is asynchronous (ELK lays out
 * through a promise). The plugin therefore splits the work: `prepare(md, src, env)` parses the
 * page, compiles every gsn fence and keeps the results; the synchronous fence rule installed by
 * `md.use(gsnc)` only looks them up. `renderAsync` does both. A fence that was not prepared
 * renders a notice saying so, never a broken page. (Driving ELK synchronously would mean
 * reaching into elkjs's fake worker, which dispatches through setTimeout; the pre-pass keeps the
 * compiler's public, asynchronous API.)
 */
import type { MarkdownIt, Token } from 'markdown-it';
import { LineIndex } from '../index.js';
import { DEFAULT_FILE, compileFence, escapeHtml, isGsnInfo, type CompiledFence, type Fence, type FenceOptions } from './core.js';

export interface GsncMarkdownItOptions extends FenceOptions {
  /** How many compiled fences each markdown-it instance keeps for reuse (default 256). */
  cacheSize?: number;
}

interface PluginState {
  options: GsncMarkdownItOptions;
  cache: Map<string, CompiledFence>;
}

type Env = Record<string, unknown> | undefined;

const STATES = new WeakMap<object, PluginState>();

/** The plugin: `md.use(gsnc, options)`. */
function gsncMarkdownIt(md: MarkdownIt, options: GsncMarkdownItOptions = {}): void {
  const state: PluginState = { options: { ...options }, cache: new Map() };
  STATES.set(md, state);
  const previous = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, opts, env: Env, self) => {
    const token = tokens[idx];
    if (!token || !isGsnInfo(token.info)) {
      return previous ? previous(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
    }
    const found = fenceAt(tokens, idx);
    const compiled = state.cache.get(cacheKey(found, fileOf(env, state.options)));
    if (compiled) return compiled.html;
    return notPrepared();
  };
}

/**
 * Compiles every gsn fence of `src` so that a following `md.render(src, env)` draws them.
 * Resolves to the compiled fences in page order (with their diagnostics). Never rejects for
 * bad GSN: a fence with errors gets an error block.
 */
async function prepare(md: MarkdownIt, src: string, env: Env = {}): Promise<CompiledFence[]> {
  const state = STATES.get(md);
  if (!state) throw new Error('gsnc: call md.use(gsnc) before prepare()');
  const text = String(src);
  const file = fileOf(env, state.options);
  const markdown = new LineIndex(text);
  const tokens = md.parse(text, env ?? {});
  const compiled: CompiledFence[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'fence' || !isGsnInfo(token.info)) continue;
    const found = fenceAt(tokens, i);
    const key = cacheKey(found, file);
    let result = state.cache.get(key);
    if (result) state.cache.delete(key);
    else result = await compileFence(found, { ...state.options, file, markdown });
    state.cache.set(key, result);
    compiled.push(result);
  }
  const limit = Math.max(state.options.cacheSize ?? 256, compiled.length);
  for (const key of state.cache.keys()) {
    if (state.cache.size <= limit) break;
    state.cache.delete(key);
  }
  return compiled;
}

/** `prepare`, then `md.render`: the page with every gsn fence drawn. */
async function renderAsync(md: MarkdownIt, src: string, env: Env = {}): Promise<string> {
  const environment = env ?? {};
  await prepare(md, src, environment);
  return md.render(String(src), environment);
}

/** The gsn fence at `idx`, with its index among the page's gsn fences. */
function fenceAt(tokens: Token[], idx: number): Fence {
  let index = 0;
  for (let i = 0; i < idx; i++) {
    const t = tokens[i]!;
    if (t.type === 'fence' && isGsnInfo(t.info)) index++;
  }
  const token = tokens[idx]!;
  return { content: token.content, index, openLine: token.map ? token.map[0] + 1 : 1 };
}

/** The fence rule finds what prepare compiled by file, index, line and content. */
function cacheKey(fence: Fence, file: string): string {
  return `${file}\u0000${fence.index}\u0000${fence.openLine}\u0000${fence.content}`;
}

function fileOf(env: Env, options: FenceOptions): string {
  if (options.file !== undefined) return options.file;
  const named = env?.file ?? env?.relativePath;
  return typeof named === 'string' && named !== '' ? named : DEFAULT_FILE;
}

function notPrepared(): string {
  const message =
    'gsnc: this GSN diagram was not compiled. markdown-it renders synchronously and gsnc lays out ' +
    'asynchronously: render with `await gsnc.renderAsync(md, src, env)`, or call ' +
    '`await gsnc.prepare(md, src, env)` before `md.render(src, env)`.';
  return `<div class="gsnc-error gsnc-not-prepared" role="alert"><p>${escapeHtml(message)}</p></div>\n`;
}

type GsncMarkdownIt = typeof gsncMarkdownIt & { prepare: typeof prepare; renderAsync: typeof renderAsync };
const plugin = gsncMarkdownIt as GsncMarkdownIt;
plugin.prepare = prepare;
plugin.renderAsync = renderAsync;

export default plugin;
export { prepare, renderAsync };
export type { CompiledFence, FenceOptions } from './core.js';
