/**
 * A test-only AST builder, so the semantics tests do not depend on the parser. `doc()` prints
 * the built tree as gsnc source and gives every node the span it has in that text, so tests can
 * assert what a diagnostic points at with `at(source, span)`.
 */
import type {
  Annotation,
  AnnotationArg,
  ChallengeStatement,
  ChildItem,
  Document,
  ElementKind,
  ElementNode,
  LinkStatement,
  ModifierName,
  Reference,
  TopItem,
} from '../../src/syntax/ast.js';
import type { Span } from '../../src/diagnostics/types.js';

const NO_SPAN: Span = { start: 0, end: 0 };

export interface ElementOptions {
  children?: ChildItem[];
  modifiers?: ModifierName[];
  annotations?: Annotation[];
}

export function element(kind: ElementKind, id: string, text: string | null = `${id} text`, options: ElementOptions = {}): ElementNode {
  return {
    type: 'element',
    kind,
    kindSpan: NO_SPAN,
    modifiers: (options.modifiers ?? []).map((name) => ({ name, span: NO_SPAN })),
    id,
    idSpan: NO_SPAN,
    text: text === null ? null : { value: text, span: NO_SPAN },
    annotations: options.annotations ?? [],
    children: options.children ?? [],
    span: NO_SPAN,
  };
}

type Maker = (id: string, text?: string | null, options?: ElementOptions) => ElementNode;
const maker = (kind: ElementKind): Maker => (id, text, options) => element(kind, id, text === undefined ? `${id} text` : text, options);
export const goal = maker('goal');
export const strategy = maker('strategy');
export const solution = maker('solution');
export const context = maker('context');
export const assumption = maker('assumption');
export const justification = maker('justification');

export function ref(id: string): Reference {
  return { type: 'reference', id, span: NO_SPAN };
}

export function link(from: string, to: string[]): LinkStatement {
  return { type: 'link', from: ref(from), to: to.map(ref), span: NO_SPAN };
}

export function ident(value: string): AnnotationArg {
  return { type: 'identifier', value, span: NO_SPAN };
}

/** `ann('url', 'https://x')`: a JS string is a string argument, a JS number a number. */
export function ann(name: string, ...args: (AnnotationArg | string | number)[]): Annotation {
  return {
    type: 'annotation',
    name,
    nameSpan: NO_SPAN,
    args: args.map((a) =>
      typeof a === 'string' ? { type: 'string', value: a, span: NO_SPAN } : typeof a === 'number' ? { type: 'number', value: a, raw: String(a), span: NO_SPAN } : a,
    ),
    span: NO_SPAN,
  };
}

export interface Built {
  doc: Document;
  source: string;
}

/** Prints `items` (and a module header) as source, setting every span in place. */
export function doc(items: TopItem[], options: { module?: { name: string; description?: string } } = {}): Built {
  const out = new Printer();
  let module: Document['module'] = null;
  if (options.module) {
    const start = out.offset;
    out.write('module ');
    const nameSpan = out.write(options.module.name);
    let description = null;
    if (options.module.description !== undefined) {
      out.write(' ');
      description = { value: options.module.description, span: out.string(options.module.description) };
    }
    module = { type: 'module', name: options.module.name, nameSpan, description, span: { start, end: out.offset } };
    out.write('\n\n');
  }
  for (const item of items) {
    if (item.type === 'element') printElement(out, item);
    else if (item.type === 'challenge') printChallenge(out, item);
    else printLink(out, item);
    out.write('\n');
  }
  const source = out.text();
  return { doc: { type: 'document', module, items, span: { start: 0, end: source.length } }, source };
}

/** The source text a span covers. */
export function at(source: string, span: Span): string {
  return source.slice(span.start, span.end);
}

class Printer {
  private readonly chunks: string[] = [];
  offset = 0;

  write(text: string): Span {
    const start = this.offset;
    this.chunks.push(text);
    this.offset += text.length;
    return { start, end: this.offset };
  }

  /** A string literal with `\\`, `\"` and `\n` escapes; the span includes the quotes. */
  string(value: string): Span {
    return this.write(`"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  }

  text(): string {
    return this.chunks.join('');
  }
}

/** Iterative, so 10,000-deep test trees print without recursion. */
function printElement(out: Printer, root: ElementNode): void {
  type Task = { node: ChildItem; depth: number } | { close: ElementNode; depth: number };
  const stack: Task[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const task = stack.pop()!;
    const indent = '  '.repeat(Math.min(task.depth, 40));
    if ('close' in task) {
      out.write(`${indent}}`);
      task.close.span = { start: task.close.span.start, end: out.offset };
      if (task.depth > 0) out.write('\n');
      continue;
    }
    out.write(indent);
    const node = task.node;
    if (node.type === 'reference') {
      node.span = out.write(node.id);
      out.write('\n');
      continue;
    }
    if (node.type === 'challenge') {
      printChallenge(out, node);
      out.write('\n');
      continue;
    }
    const start = out.offset;
    for (const m of node.modifiers) {
      m.span = out.write(m.name);
      out.write(' ');
    }
    node.kindSpan = out.write(node.kind);
    out.write(' ');
    node.idSpan = out.write(node.id);
    if (node.text) {
      out.write(' ');
      node.text.span = out.string(node.text.value);
    }
    for (const a of node.annotations) printAnnotation(out, a);
    if (node.children.length === 0) {
      node.span = { start, end: out.offset };
      if (task.depth > 0) out.write('\n');
      continue;
    }
    out.write(' {\n');
    node.span = { start, end: start };
    stack.push({ close: node, depth: task.depth });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, depth: task.depth + 1 });
  }
}

/** `[modifiers] [From] challenges T1, A -> B`, setting every span. */
function printChallenge(out: Printer, c: ChallengeStatement): void {
  const start = out.offset;
  for (const m of c.modifiers) {
    m.span = out.write(m.name);
    out.write(' ');
  }
  if (c.from) {
    c.from.span = out.write(c.from.id);
    out.write(' ');
  }
  out.write('challenges ');
  c.targets.forEach((t, i) => {
    if (i > 0) out.write(', ');
    if (t.type === 'element') {
      t.element.span = out.write(t.element.id);
      t.span = t.element.span;
      return;
    }
    t.from.span = out.write(t.from.id);
    out.write(' -> ');
    t.to.span = out.write(t.to.id);
    t.span = { start: t.from.span.start, end: t.to.span.end };
  });
  c.span = { start, end: out.offset };
}

function printAnnotation(out: Printer, a: Annotation): void {
  out.write(' ');
  const start = out.write('@').start;
  a.nameSpan = out.write(a.name);
  if (a.args.length > 0) {
    out.write('(');
    a.args.forEach((arg, i) => {
      if (i > 0) out.write(', ');
      arg.span = arg.type === 'string' ? out.string(arg.value) : out.write(arg.type === 'number' ? arg.raw : arg.value);
    });
    out.write(')');
  }
  a.span = { start, end: out.offset };
}

function printLink(out: Printer, l: LinkStatement): void {
  const start = out.offset;
  l.from.span = out.write(l.from.id);
  out.write(' -> ');
  l.to.forEach((r, i) => {
    if (i > 0) out.write(', ');
    r.span = out.write(r.id);
  });
  l.span = { start, end: out.offset };
}
