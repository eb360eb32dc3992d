/**
 * V8 flags of the CLI process, set before the worker's isolate is made (and when the code
 * cache is made, which V8 accepts only under the same flags). ELK is a big GWT program run
 * once per process: V8 waits 500 calls after a type-feedback change before optimising a
 * function, and most of a cold ELK run is that wait. 100 takes ~5-10% off a 1,000-element build.
 */
export const V8_FLAGS = '--minimum-invocations-after-ic-update=100';
