import type { Span } from '../../src/diagnostics/types.js';
import type { Model, ModelElement } from '../../src/semantics/model.js';
import type { Annotation, AnnotationArg, ElementKind } from '../../src/syntax/ast.js';

/**
 * Builds a Model by hand, without the parser. Every element gets its own block of offsets
 * (element i lives in [i * 1000, i * 1000 + 999]), so a span can be traced back to the element
 * and annotation it came from with `where()`.
 */
export class ModelBuilder {
  private readonly elements: ModelElement[] = [];
  private readonly edges: Model['edges'] = [];

  add(kind: ElementKind, id: string, annotations: string[] = [], options: { text?: string; undeveloped?: boolean; url?: string } = {}): this {
    const base = this.elements.length * 1000;
    const idSpan = { start: base + 10, end: base + 10 + id.length };
    let at = base + 100;
    const parsed = annotations.map((written) => {
      const a = annotation(written, at);
      at += 50;
      return a;
    });
    this.elements.push({
      id,
      kind,
      text: options.text ?? `${kind} ${id}`,
      undeveloped: options.undeveloped ?? false,
      uninstantiated: false,
      url: options.url ?? null,
      classes: [],
      annotations: parsed,
      span: { start: base, end: base + 999 },
      idSpan,
    });
    return this;
  }

  goal(id: string, ...annotations: string[]): this {
    return this.add('goal', id, annotations);
  }
  strategy(id: string, ...annotations: string[]): this {
    return this.add('strategy', id, annotations);
  }
  solution(id: string, url?: string): this {
    return this.add('solution', id, [], url === undefined ? {} : { url });
  }
  context(id: string, ...annotations: string[]): this {
    return this.add('context', id, annotations);
  }
  undeveloped(id: string, ...annotations: string[]): this {
    return this.add('goal', id, annotations, { undeveloped: true });
  }

  /** `from` is supported by each of `to`. */
  support(from: string, ...to: string[]): this {
    for (const t of to) this.edges.push({ from, to: t, relation: 'supportedBy', span: { start: 0, end: 0 } });
    return this;
  }
  /** `from` is in the context of each of `to`. */
  inContext(from: string, ...to: string[]): this {
    for (const t of to) this.edges.push({ from, to: t, relation: 'inContextOf', span: { start: 0, end: 0 } });
    return this;
  }

  build(): Model {
    const supported = new Set(this.edges.filter((e) => e.relation === 'supportedBy').map((e) => e.to));
    return {
      module: null,
      elements: this.elements.map((e) => ({ ...e })),
      edges: this.edges.map((e) => ({ ...e })),
      topGoals: this.elements.filter((e) => e.kind === 'goal' && !supported.has(e.id)).map((e) => e.id),
    };
  }
}

/** `name`, `name(arg, ...)`; numbers and identifiers, "strings" in double quotes. */
function annotation(written: string, start: number): Annotation {
  const match = /^@?([a-z-]+)(?:\((.*)\))?$/.exec(written);
  if (!match) throw new Error(`bad annotation ${written}`);
  const name = match[1]!;
  let at = start + name.length + 2;
  const args: AnnotationArg[] = (match[2] === undefined ? [] : match[2].split(',').map((s) => s.trim())).map((raw) => {
    const span = { start: at, end: at + raw.length };
    at += raw.length + 2;
    if (/^".*"$/.test(raw)) return { type: 'string', value: raw.slice(1, -1), span };
    if (/^-?[0-9.]+(e-?[0-9]+)?$/.test(raw)) return { type: 'number', value: Number(raw), raw, span };
    return { type: 'identifier', value: raw, span };
  });
  return { type: 'annotation', name, nameSpan: { start: start + 1, end: start + 1 + name.length }, args, span: { start, end: at } };
}

/** Where a span points: `G3` (its ID), `G3@outcome` (an annotation) or `G3@risk[0]` (an argument). */
export function where(model: Model, span: Span): string {
  const e = model.elements[Math.floor(span.start / 1000)];
  if (!e) return '?';
  if (span.start === e.idSpan.start && span.end === e.idSpan.end) return e.id;
  for (const a of e.annotations) {
    if (a.span.start === span.start && a.span.end === span.end) return `${e.id}@${a.name}`;
    const i = a.args.findIndex((arg) => arg.span.start === span.start && arg.span.end === span.end);
    if (i >= 0) return `${e.id}@${a.name}[${i}]`;
  }
  return `${e.id}?`;
}
