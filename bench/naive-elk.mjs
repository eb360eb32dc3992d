// Baseline: the naive use of ELK. Loads a graph JSON (see graph.mjs), hands every element as a
// fixed-size node and every edge (contexts included) as a plain edge to elkjs, layered with
// otherwise default options, and writes ELK's result. Run as its own process and timed whole.
// Usage: node bench/naive-elk.mjs graph.json out.json
import { readFileSync, writeFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';

const [input, output] = process.argv.slice(2);
const graph = JSON.parse(readFileSync(input, 'utf8'));
const elkGraph = {
  id: 'root',
  layoutOptions: { 'elk.algorithm': 'layered' },
  children: graph.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
  edges: graph.edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
};
const result = await new ELK().layout(elkGraph);
writeFileSync(output, JSON.stringify(result));
