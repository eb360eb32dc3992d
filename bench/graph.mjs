// The graph the baselines lay out: every element as a node of a plausible fixed size for its
// kind, every relation (SupportedBy and InContextOf alike) as a plain edge. Derived from the
// .gsn text by gsnc's parse + check (no gsnc layout involved), before any timing starts.
import { parse, check, DEFAULT_LIMITS } from '../dist/index.js';

// Typical drawn sizes (px) of a GSN element with one or two sentences of text.
export const NODE_SIZE = {
  goal: { width: 200, height: 90 },
  strategy: { width: 220, height: 80 },
  solution: { width: 100, height: 100 },
  context: { width: 190, height: 70 },
  assumption: { width: 180, height: 80 },
  justification: { width: 180, height: 80 },
};

const LIMITS = { ...DEFAULT_LIMITS, maxElements: 1_000_000 };

/** Elements and edges of a .gsn text: { nodes, edges, source }. */
export function extractGraph(text) {
  const model = check(parse(text, { limits: LIMITS }).value, { limits: LIMITS }).value;
  if (model && model.elements.length > 0) {
    const scanned = scanGenerated(text);
    const agrees = scanned.nodes.length === model.elements.length && scanned.edges.length === model.edges.length;
    return {
      source: agrees ? 'gsnc parse+check' : `gsnc parse+check (${scanned.nodes.length} elements, ${scanned.edges.length} edges by text scan)`,
      nodes: model.elements.map((e) => ({ id: e.id, kind: e.kind, ...NODE_SIZE[e.kind] })),
      edges: model.edges.map((e) => ({ from: e.from, to: e.to, relation: e.relation })),
    };
  }
  return { source: 'text scan (parse/check returned no elements)', ...scanGenerated(text) };
}

// Fallback for while the parser is a stub: reads the nesting of bench/generate.mjs's output
// (one element per line, `{` opens its children, `}` closes them). Not a GSN parser.
function scanGenerated(text) {
  const nodes = [];
  const edges = [];
  const stack = [];
  const CONTEXTUAL = new Set(['context', 'assumption', 'justification']);
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '}') {
      stack.pop();
      continue;
    }
    const m = /^(?:(?:undeveloped|uninstantiated)\s+)*(goal|strategy|solution|context|assumption|justification)\s+([A-Za-z_][\w.-]*)/.exec(line);
    if (!m) continue;
    const [, kind, id] = m;
    nodes.push({ id, kind, ...NODE_SIZE[kind] });
    const parent = stack[stack.length - 1];
    if (parent) edges.push({ from: parent, to: id, relation: CONTEXTUAL.has(kind) ? 'inContextOf' : 'supportedBy' });
    if (line.endsWith('{')) stack.push(id);
  }
  return { nodes, edges };
}
