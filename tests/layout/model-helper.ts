/** Builds Models by hand for layout tests: `el('goal', 'G1', 'text', { children... })`. */
import type { Model, ModelEdge, ModelElement, Relation } from '../../src/semantics/model.js';
import type { ElementKind } from '../../src/syntax/ast.js';

export interface Spec {
  kind: ElementKind;
  id: string;
  text?: string;
  undeveloped?: boolean;
  uninstantiated?: boolean;
  url?: string | null;
  children?: (Spec | string)[];
}

const SUPPORT = new Set<ElementKind>(['goal', 'strategy', 'solution']);

export function el(kind: ElementKind, id: string, text = `${id} text`, rest: Omit<Spec, 'kind' | 'id' | 'text'> = {}): Spec {
  return { kind, id, text, ...rest };
}

/** A model from nested specs (bare strings are references) plus extra links `[from, to]`. */
export function model(roots: Spec[], links: [string, string][] = []): Model {
  const elements: ModelElement[] = [];
  const edges: ModelEdge[] = [];
  const kinds = new Map<string, ElementKind>();
  const pending: { from: string; to: string }[] = [];
  const span = { start: 0, end: 0 };
  const stack: Spec[] = [...roots].reverse();
  // Pre-order, iterative, so element order is source order.
  const queue: { spec: Spec; parent: string | null }[] = roots.map((r) => ({ spec: r, parent: null })).reverse();
  void stack;
  while (queue.length > 0) {
    const { spec, parent } = queue.pop()!;
    elements.push({
      id: spec.id,
      kind: spec.kind,
      text: spec.text ?? '',
      undeveloped: spec.undeveloped ?? false,
      uninstantiated: spec.uninstantiated ?? false,
      url: spec.url ?? null,
      classes: [],
      annotations: [],
      span,
      idSpan: span,
    });
    kinds.set(spec.id, spec.kind);
    if (parent) pending.push({ from: parent, to: spec.id });
    const kids = spec.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i]!;
      if (typeof kid === 'string') continue;
      queue.push({ spec: kid, parent: spec.id });
    }
    // References are recorded in order relative to nested children below.
    (spec as Spec & { _refs?: string[] })._refs = kids.filter((k): k is string => typeof k === 'string');
  }
  // Rebuild edges in source order: for each element, its children in written order.
  const byId = new Map<string, Spec>();
  const walk: Spec[] = [...roots];
  while (walk.length > 0) {
    const s = walk.pop()!;
    byId.set(s.id, s);
    for (const k of s.children ?? []) if (typeof k !== 'string') walk.push(k);
  }
  void pending;
  for (const e of elements) {
    for (const k of byId.get(e.id)!.children ?? []) {
      const to = typeof k === 'string' ? k : k.id;
      edges.push({ from: e.id, to, relation: relationTo(kinds.get(to)), span });
    }
  }
  for (const [from, to] of links) edges.push({ from, to, relation: relationTo(kinds.get(to)), span });
  const supported = new Set(edges.filter((e) => e.relation === 'supportedBy').map((e) => e.to));
  const topGoals = elements.filter((e) => e.kind === 'goal' && !supported.has(e.id)).map((e) => e.id);
  return { module: null, elements, edges, topGoals };
}

function relationTo(kind: ElementKind | undefined): Relation {
  return kind && SUPPORT.has(kind) ? 'supportedBy' : 'inContextOf';
}

/** A deterministic pseudo-random tree: branching 1-5, contexts, assumptions, decorations. */
export function randomTree(seed: number, size: number): Model {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = ['safety', 'the', 'system', 'hazard', 'mitigated', 'evidence', 'argument', 'over', 'each', 'Ωμέγα', '安全', 'x'.repeat(40)];
  const text = () => Array.from({ length: 1 + Math.floor(rnd() * 14) }, () => words[Math.floor(rnd() * words.length)]).join(' ');
  let count = 0;
  const root: Spec = el('goal', 'G0', text());
  const queue: Spec[] = [root];
  let qi = 0;
  while (count < size && qi < queue.length) {
    const spec = queue[qi++]!;
    spec.children = [];
    for (const kind of ['context', 'assumption', 'justification'] as const) {
      if (rnd() < 0.25) spec.children.push(el(kind, `${kind[0]!.toUpperCase()}${++count}`, text()));
    }
    const k = 1 + Math.floor(rnd() * 5);
    for (let i = 0; i < k; i++) {
      const kind = spec.kind === 'strategy' ? 'goal' : (['goal', 'strategy', 'solution'] as const)[Math.floor(rnd() * 3)]!;
      const child = el(kind, `N${++count}`, text(), { uninstantiated: rnd() < 0.1 });
      spec.children.splice(Math.floor(rnd() * (spec.children.length + 1)), 0, child);
      if (kind !== 'solution') queue.push(child);
    }
  }
  for (const spec of queue.slice(qi)) if (spec.kind !== 'solution' && rnd() < 0.5) spec.undeveloped = true;
  return model([root]);
}
