// Builds the library and the CLI into dist/ with esbuild. Runs from `npm ci` (prepare), so a
// fresh clone has a working `bin/gsnc.js`. Dependencies stay external: they are installed.
import { copyFileSync } from 'node:fs';
import { build } from 'esbuild';

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

await build({ ...common, entryPoints: { index: 'src/index.ts', cli: 'src/cli/main.ts', 'compile-worker': 'src/cli/compile-worker.ts' }, outdir: 'dist' });

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
