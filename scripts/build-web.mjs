// Builds the browser playground into dist/web/ (or --outdir DIR): index.html, playground.js,
// playground.css and the DejaVu fonts, all local (no CDN). The compiler is bundled for the
// browser: src/render/dom.ts (svgdom) is swapped for web/dom-browser.ts (the page's document),
// and the build fails if any Node built-in or svgdom would end up in the bundle.
// Usage: node scripts/build-web.mjs [--outdir DIR]
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { elkWithoutCastChecks } from './elk-cast-checks.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--outdir');
const OUT = resolve(at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : join(ROOT, 'dist', 'web'));

const NODE_DOM = join(ROOT, 'src', 'render', 'dom.ts');
const BROWSER_DOM = join(ROOT, 'web', 'dom-browser.ts');
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf', 'DejaVuSansMono.ttf', 'LICENSE-DejaVu'];

/** examples/*.gsn, sorted by name, embedded in the page. */
function examples() {
  const dir = join(ROOT, 'examples');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.gsn'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** The TextMate grammar for highlighting, or null when there is none (plain text then). */
function grammar() {
  const path = join(ROOT, 'grammar', 'gsn.tmLanguage.json');
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.warn(`build-web: ignoring ${relative(ROOT, path)}: ${error.message}`);
    return null;
  }
}

const browserPlugin = {
  name: 'gsnc-browser',
  setup(builder) {
    // The svgdom-based DOM module, however it is imported, becomes the real-document one.
    builder.onResolve({ filter: /(^|\/)dom\.js$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return target === NODE_DOM ? { path: BROWSER_DOM } : undefined;
    });
    builder.onResolve({ filter: /^gsnc:(examples|grammar)$/ }, (args) => ({ path: args.path, namespace: 'gsnc-virtual' }));
    builder.onLoad({ filter: /.*/, namespace: 'gsnc-virtual' }, (args) => ({
      contents: JSON.stringify(args.path === 'gsnc:examples' ? examples() : grammar()),
      loader: 'json',
    }));
  },
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'fonts'), { recursive: true });

const result = await build({
  entryPoints: { playground: join(ROOT, 'web', 'main.ts') },
  outdir: OUT,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // elkjs's bundled build mentions the optional 'web-worker' package only when asked for a
  // worker, which gsnc never does.
  external: ['web-worker'],
  // ELK without GWT's run-time cast checks, as in every gsnc bundle (scripts/elk-cast-checks.mjs).
  plugins: [browserPlugin, elkWithoutCastChecks()],
});

const inputs = Object.keys(result.metafile.inputs);
const forbidden = inputs.filter((path) => /node_modules\/svgdom\/|^node:|src\/cli\/|src\/render\/dom\.ts$/.test(path));
if (forbidden.length > 0) throw new Error(`build-web: the browser bundle must not contain ${forbidden.join(', ')}`);
for (const output of Object.values(result.metafile.outputs)) {
  const nodeImports = (output.imports ?? []).filter((i) => i.path.startsWith('node:') || i.path === 'svgdom');
  if (nodeImports.length > 0) throw new Error(`build-web: the bundle imports ${nodeImports.map((i) => i.path).join(', ')}`);
}

copyFileSync(join(ROOT, 'web', 'index.html'), join(OUT, 'index.html'));
copyFileSync(join(ROOT, 'web', 'playground.css'), join(OUT, 'playground.css'));
for (const font of FONTS) copyFileSync(join(ROOT, 'fonts', font), join(OUT, 'fonts', font));

if (!process.argv.includes('--quiet')) console.log(`build-web: wrote ${relative(process.cwd(), OUT) || '.'}/`);
