// svgdom ships no type declarations. Only what dom.ts uses is declared; the window is handed
// to svg.js (`withWindow`), which has its own types.
declare module 'svgdom' {
  export function createSVGWindow(): unknown;
}
