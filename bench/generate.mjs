// Generates a realistic GSN case of exactly `count` elements: goals argued through strategies
// over 3-4 sub-goals, solutions at the leaves, a context on every third goal, an assumption or
// justification on strategies now and then. Deterministic for a given count.

const WORDS = ['hazard', 'braking', 'sensor', 'fault', 'mitigated', 'verified', 'software', 'timing',
  'controller', 'redundant', 'channel', 'tested', 'analysis', 'failure', 'mode', 'operator'];

function sentence(seed, length) {
  const out = [];
  for (let i = 0; i < length; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  const text = out.join(' ');
  return text[0].toUpperCase() + text.slice(1);
}

export function generateCase(count) {
  const lines = [];
  let made = 0;
  const next = (prefix) => `${prefix}${++made}`;
  // Breadth-first so every level is filled before the next: wide trees, like real cases.
  const queue = [{ id: next('G'), kind: 'goal', depth: 0 }];
  const children = new Map();
  const order = [queue[0]];
  while (queue.length > 0 && made < count) {
    const node = queue.shift();
    const kids = [];
    children.set(node.id, kids);
    // Goals are argued through a strategy until most of the budget is spent, then by evidence.
    const argued = node.kind === 'goal' && made + queue.length * 6 < count;
    const want = node.kind === 'strategy' ? 3 + (made % 2) : argued ? 1 : 1 + (made % 2);
    for (let i = 0; i < want && made < count; i++) {
      const kind = node.kind === 'strategy' ? 'goal' : argued ? 'strategy' : 'solution';
      const child = { id: next(kind === 'goal' ? 'G' : kind === 'strategy' ? 'S' : 'Sn'), kind, depth: node.depth + 1 };
      kids.push(child);
      order.push(child);
      if (kind !== 'solution') queue.push(child);
    }
    if (node.kind === 'goal' && made % 3 === 0 && made < count) kids.unshift({ id: next('C'), kind: 'context', depth: node.depth });
    else if (node.kind === 'strategy' && made % 5 === 0 && made < count) kids.unshift({ id: next('J'), kind: 'justification', depth: node.depth });
  }
  const write = (node, indent) => {
    const kids = children.get(node.id) ?? [];
    const developed = kids.some((k) => k.kind !== 'context' && k.kind !== 'justification');
    const modifier = !developed && (node.kind === 'goal' || node.kind === 'strategy') ? 'undeveloped ' : '';
    const head = `${indent}${modifier}${node.kind} ${node.id} "${sentence(made + node.id.length + indent.length, 6 + (node.id.length % 5))}"`;
    if (kids.length === 0) {
      lines.push(head);
      return;
    }
    lines.push(`${head} {`);
    for (const kid of kids) write(kid, `${indent}  `);
    lines.push(`${indent}}`);
  };
  write(order[0], '');
  return `module Bench${count} "Generated case with ${made} elements"\n\n${lines.join('\n')}\n`;
}
