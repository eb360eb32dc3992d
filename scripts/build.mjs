// Builds the library and the CLI into dist/ with esbuild. Runs from `npm ci` (prepare), so a
// fresh clone has a working `bin/gsnc.js`. Dependencies stay external: they are installed.
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
