// Builds the library and the CLI into dist/ with esbuild. Runs from `npm ci` (prepare), so a
// fresh clone has a working `bin/gsnc.js`. The library's dependencies stay external (they are
// installed); the CLI bundles the compiler's own (see CLI_BUNDLED below).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { elkWithoutCastChecks } from './elk-cast-checks.mjs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

// ELK without GWT's run-time cast checks (see scripts/elk-cast-checks.mjs), for the library as
// for the CLI: the one package bundled into dist/index.js, so every user of the library (the
// Markdown plugins included) lays out with it. The other packages stay external (installed).
await build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir: 'dist', plugins: [elkWithoutCastChecks()] });

// The CLI: dist/cli.js (main thread), dist/compile-worker.js (the compiler, in a worker) and the
// chunks they share or load on demand (splitting). Start-up is most of a small compile, and
// loading chevrotain (lodash-es), elkjs and svgdom as installed packages, hundreds of files
// resolved one by one, cost about 1 s of CPU per thread; bundled, the worker loads in about
// 0.2 s. Only the packages below are bundled: plain JavaScript that reads no files of its own.
// Everything else (resvg's native addon, pdfkit's font data, the optional Markdown packages)
// stays external and is loaded only by the commands and formats that use it.
const CLI_BUNDLED = /^(chevrotain|@chevrotain\/[^/]+|lodash-es|elkjs|svgdom|sax|@svgdotjs\/svg\.js)(\/|$)/;
// svgdom imports fontkit and image-size at load time but needs them only to measure text and
// images, which gsnc never asks of it: they are loaded from the installed packages on first use.
const LAZY = {
  fontkit: ['openSync', 'open', 'create'],
  'image-size': ['default'],
};
const cliPackages = {
  name: 'gsnc-cli-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path in LAZY && /[\\/]node_modules[\\/]svgdom[\\/]/.test(args.importer)) return { path: args.path, namespace: 'gsnc-lazy' };
      if (args.path.startsWith('node:') || !CLI_BUNDLED.test(args.path)) return { path: args.path, external: true };
      return undefined;
    });
    builder.onLoad({ filter: /.*/, namespace: 'gsnc-lazy' }, (args) => ({
      loader: 'js',
      contents: [
        `import { createRequire } from 'node:module';`,
        `let loaded;`,
        // Resolved from svgdom's own directory, as svgdom itself would.
        `const load = () => (loaded ??= createRequire(createRequire(import.meta.url).resolve('svgdom'))(${JSON.stringify(args.path)}));`,
        ...LAZY[args.path].map((name) =>
          name === 'default'
            ? `export default function lazy(...a) { const m = load(); return (m.default ?? m)(...a); }`
            : `export function ${name}(...a) { return load().${name}(...a); }`,
        ),
      ].join('\n'),
    }));
    // svgdom finds its fonts relative to its own file; bundled, that file is no longer there.
    builder.onLoad({ filter: /[\\/]node_modules[\\/]svgdom[\\/]src[\\/]utils[\\/]defaults\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const from = 'const fileDirname = dirname(fileURLToPath(import.meta.url))';
      if (!source.includes(from)) throw new Error(`svgdom changed: ${args.path} no longer has "${from}"`);
      const to = `const fileDirname = join(dirname(__gsncRequire.resolve('svgdom')), 'src', 'utils')`;
      return { loader: 'js', contents: `import { createRequire as __gsncCreateRequire } from 'node:module';\nconst __gsncRequire = __gsncCreateRequire(import.meta.url);\n${source.replace(from, to)}` };
    });
  },
};
const cli = await build({
  ...common,
  packages: undefined,
  entryPoints: { cli: 'src/cli/main.ts', 'worker-loader': 'src/cli/worker-loader.ts', 'compile-worker': 'src/cli/compile-worker.ts', 'elk-worker': 'src/cli/elk-worker.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  plugins: [cliPackages, elkWithoutCastChecks()],
});
// Chunk names are content hashes: remove those of earlier builds (after writing, so a CLI that
// is running meanwhile never misses a chunk of the current build).
const written = new Set(Object.keys(cli.metafile.outputs).map((path) => resolve(path)));
for (const name of readdirSync('dist/chunks')) {
  if (!written.has(resolve('dist/chunks', name))) rmSync(resolve('dist/chunks', name), { force: true });
}

// The compile worker once more, as one CommonJS file that src/cli/worker-loader.ts runs with a
// V8 code cache (written below by scripts/code-cache.mjs): an ES module cannot be given one in
// Node 20. import.meta.url becomes the loader's URL of this file.
await build({
  ...common,
  packages: undefined,
  format: 'cjs',
  entryPoints: { 'compile-worker': 'src/cli/compile-worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__gsncModuleUrl' },
  plugins: [cliPackages, elkWithoutCastChecks()],
});
const cache = spawnSync(process.execPath, ['scripts/code-cache.mjs'], { stdio: 'inherit' });
if (cache.status !== 0) process.exit(cache.status ?? 1);

// The Markdown integrations (gsnc/markdown-it, gsnc/remark): their import of the library entry
// stays an import of dist/index.js, so a page using them and the library shares one compiler
// (one parser, one warm ELK) instead of bundling a second copy. Types are hand-written.
const libraryExternal = {
  name: 'gsnc-library-external',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      /[\\/]src[\\/]integrations$/.test(args.resolveDir) ? { path: './index.js', external: true } : undefined,
    );
  },
};
await build({
  ...common,
  entryPoints: { 'markdown-it': 'src/integrations/markdown-it.ts', remark: 'src/integrations/remark.ts' },
  outdir: 'dist',
  plugins: [libraryExternal],
});
for (const name of ['markdown-it', 'remark']) {
  copyFileSync(`src/integrations/types/${name}.d.ts`, `dist/${name}.d.ts`);
}

// Type declarations of the library (package.json "types"), unless asked not to: the test run
// rebuilds the bundles before every run and does not need them.
if (!process.argv.includes('--no-types')) {
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
