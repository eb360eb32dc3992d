// Modules that scripts/build-web.mjs makes at build time.
declare module 'gsnc:examples' {
  /** examples/*.gsn (not examples/invalid/), by file name. */
  const examples: ReadonlyArray<{ name: string; text: string }>;
  export default examples;
}
declare module 'gsnc:grammar' {
  /** grammar/gsn.tmLanguage.json, or null when the build found none. */
  const grammar: unknown;
  export default grammar;
}
