// Baseline: Graphviz `dot` (the WebAssembly build in @hpcc-js/wasm-graphviz) on the same graph
// as the naive ELK run: fixed-size boxes labelled with the element ID, every edge plain, default
// top-to-bottom ranking. Writes the SVG. Run as its own process and timed whole.
// Usage: node bench/graphviz.mjs graph.json out.svg
import { readFileSync, writeFileSync } from 'node:fs';
import { Graphviz } from '@hpcc-js/wasm-graphviz';

const [input, output] = process.argv.slice(2);
const graph = JSON.parse(readFileSync(input, 'utf8'));
const inch = (px) => (px / 72).toFixed(3);
const quote = (s) => `"${s.replace(/["\\]/g, '\\$&')}"`;
const lines = ['digraph G {', '  node [shape=box, fixedsize=true, fontsize=10];'];
for (const n of graph.nodes) lines.push(`  ${quote(n.id)} [width=${inch(n.width)}, height=${inch(n.height)}];`);
for (const e of graph.edges) lines.push(`  ${quote(e.from)} -> ${quote(e.to)};`);
lines.push('}');
const graphviz = await Graphviz.load();
writeFileSync(output, graphviz.dot(lines.join('\n'), 'svg'));
