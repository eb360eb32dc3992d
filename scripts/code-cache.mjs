// Writes dist/compile-worker.cache, V8's code cache of dist/compile-worker.cjs, for
// src/cli/worker-loader.ts. Made after one compile of an example, so it also holds the functions
// V8 compiles lazily during a compile (parser, checks, ELK, svgdom). Run by scripts/build.mjs.
import { rmSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const { BUNDLE, CODE_CACHE, V8_FLAGS, runBundle } = await import('../dist/worker-loader.js');
setFlagsFromString(V8_FLAGS); // as the CLI does: V8 accepts a cache only under the flags it was made with
rmSync(CODE_CACHE, { force: true });
const { script, exports } = runBundle();
// A small case that reaches the common paths: kinds, contexts, markup, a framework annotation.
const example = `goal G1 "The **system** is acceptably safe to operate" @risk(0.001) {
  context C1 "Operating context: [urban roads](https://example.org)"
  assumption A1 "Staff follow the review protocol"
  strategy S1 "Argue over each identified hazard" {
    justification J1 "Hazard list is complete"
    goal G2 "Hazard H1 is mitigated" {
      solution Sn1 "Test report TR-1"
    }
    undeveloped goal G3 "Hazard H2 is mitigated"
  }
}
`;
const result = await exports.compile(example, { file: 'example.gsn' });
if (!result.svg) throw new Error(`code cache: the example did not compile (${BUNDLE})`);
writeFileSync(CODE_CACHE, script.createCachedData());
