/**
 * Writes an imported file back as .gsn text: the same AST, so the written file compiles to the
 * same model as the YAML (tests/import checks it). The layout is the formatter's canonical one
 * (two spaces per block, one element per line, annotations on the element's line), and what
 * gsn2x said that gsnc does not draw is kept as comments.
 */
import type { Annotation, AnnotationArg, ChallengeStatement, ChildItem, ElementNode, ImportStatement, LinkStatement, Modifier, Reference, TopItem } from '../syntax/ast.js';
import type { ImportedFile } from './gsn2x.js';

/** The .gsn text of one imported file. */
export function gsnText(file: ImportedFile): string {
  const lines: string[] = [`// Imported from ${oneLine(file.name)} (gsn2x YAML) by gsnc import.`];
  if (file.module) {
    const description = file.module.description ? ` ${quote(file.module.description.value)}` : '';
    lines.push(`${file.module.contractSpan ? 'contract ' : ''}module ${file.module.name}${description}`);
  }
  for (const statement of file.imports ?? []) lines.push(importLine(statement));
  for (const note of file.moduleNotes) lines.push(`// ${oneLine(note)}`);
  for (const item of file.items) {
    lines.push('');
    writeTop(item, file, lines);
  }
  return `${lines.join('\n')}\n`;
}

function writeTop(item: TopItem, file: ImportedFile, lines: string[]): void {
  if (item.type === 'element') writeElement(item, 0, file, lines);
  else if (item.type === 'link') lines.push(link(item));
  else lines.push(challenge(item));
}

function writeElement(node: ElementNode, depth: number, file: ImportedFile, lines: string[]): void {
  const indent = '  '.repeat(depth);
  for (const note of file.notes.get(node) ?? []) lines.push(`${indent}// ${oneLine(note)}`);
  const head = [...node.modifiers.map((m) => m.name), node.kind, node.id, quote(node.text?.value ?? ''), ...node.annotations.map(annotation)].join(' ');
  if (node.children.length === 0) {
    lines.push(`${indent}${head}`);
    return;
  }
  lines.push(`${indent}${head} {`);
  for (const child of node.children) writeChild(child, depth + 1, file, lines);
  lines.push(`${indent}}`);
}

function writeChild(child: ChildItem, depth: number, file: ImportedFile, lines: string[]): void {
  if (child.type === 'element') writeElement(child, depth, file, lines);
  else if (child.type === 'reference') lines.push(`${'  '.repeat(depth)}${reference(child)}`);
  else lines.push(`${'  '.repeat(depth)}${challenge(child)}`);
}

/** Modular extension: an import as written: `import Name`, or `import "path"`. */
export function importLine(statement: ImportStatement): string {
  return statement.path !== undefined ? `import ${quote(statement.path)}` : `import ${statement.name ?? ''}`;
}

function modifiers(list: readonly Modifier[] | undefined): string {
  return (list ?? []).map((m) => `${m.name} `).join('');
}

function reference(ref: Reference): string {
  return `${modifiers(ref.modifiers)}${ref.contractSpan ? 'contract ' : ''}${ref.id}`;
}

function link(item: LinkStatement): string {
  return `${modifiers(item.modifiers)}${item.from.id} -> ${item.to.map((t) => t.id).join(', ')}`;
}

function challenge(item: ChallengeStatement): string {
  const targets = item.targets.map((t) => (t.type === 'element' ? t.element.id : `${t.from.id} -> ${t.to.id}`)).join(', ');
  return `${modifiers(item.modifiers)}${item.from ? `${item.from.id} ` : ''}challenges ${targets}`;
}

function annotation(a: Annotation): string {
  if (a.args.length === 0) return `@${a.name}`;
  return `@${a.name}(${a.args.map(arg).join(', ')})`;
}

function arg(a: AnnotationArg): string {
  if (a.type === 'string') return quote(a.value);
  if (a.type === 'number') return a.raw;
  return a.value;
}

/** A string literal: `\\`, `\"` and `\n` escaped, everything else as is. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n?|\n/g, '\\n')}"`;
}

/** Comment text on one line (a line break would end the comment). */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
