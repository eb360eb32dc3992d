// Compiles the files named in argv with the BUILT library (dist/index.js) and prints, for each,
// the SVG, the full result as JSON and the CLI's --format json document, as one JSON line.
// Used by the determinism and no-I/O suites to run compile() in a fresh process.
//
// GSNC_PERTURB=1: Math.random and the clock return other values than usual, to show that
// nothing in the output depends on them.
// GSNC_NO_IO=1: after the library is imported, every function of fs, net, http(s), dns,
// child_process and friends (and fetch) throws, new module loads are recorded, and the output
// says what was attempted.
import { readFileSync } from 'node:fs';
import { createRequire, register, syncBuiltinESMExports } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const [distUrl, ...files] = process.argv.slice(2);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const { compile } = await import(distUrl);

if (process.env.GSNC_PERTURB === '1') {
  let x = 0.5;
  Math.random = () => (x = (x * 9301 + 0.49297) % 1);
  const RealDate = Date;
  const shift = 123_456_789_000;
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      super(...(args.length === 0 ? [RealDate.now() - shift] : args));
    }
    static now() {
      return RealDate.now() - shift;
    }
  };
  performance.now = () => 42;
}

const attempts = [];
const loaded = [];
const require = createRequire(import.meta.url);
let cachedBefore = 0;
if (process.env.GSNC_NO_IO === '1') {
  for (const name of ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'dns/promises', 'child_process', 'worker_threads', 'inspector']) {
    const mod = require(`node:${name}`);
    const targets = [mod];
    if (name === 'fs') targets.push(mod.promises);
    for (const target of targets) {
      for (const key of Object.keys(target)) {
        if (typeof target[key] !== 'function' || /^[A-Z]/.test(key)) continue; // keep classes and constants
        target[key] = (...args) => {
          const what = `${name}.${key}(${typeof args[0] === 'string' ? JSON.stringify(args[0]) : ''})`;
          attempts.push(what);
          throw new Error(`I/O attempted: ${what}`);
        };
      }
    }
  }
  syncBuiltinESMExports();
  globalThis.fetch = (...args) => {
    attempts.push(`fetch(${String(args[0])})`);
    throw new Error('network attempted');
  };
  // Modules loaded from here on (a lazy import would read a file).
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => loaded.push(url));
  port1.unref();
  const hooks = `let port; export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) { const r = await next(specifier, context); port.postMessage(r.url); return r; }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { port: port2 }, transferList: [port2] });
  cachedBefore = Object.keys(require.cache).length;
}

const out = [];
for (const [i, text] of texts.entries()) {
  const result = await compile(text, { file: files[i] });
  out.push({ file: files[i], svg: result.svg, json: JSON.stringify(result) });
}
// Let the loader hook report anything still in flight.
await new Promise((r) => setTimeout(r, 50));
const cachedAfter = Object.keys(require.cache).length;
process.stdout.write(`${JSON.stringify({ out, attempts, loaded, newRequires: cachedAfter - cachedBefore, tz: Intl.DateTimeFormat().resolvedOptions().timeZone, cwd: process.cwd() })}\n`);
