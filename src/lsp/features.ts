/**
 * What the language server answers, as pure functions of a document's text and its compile
 * result (compile() with `diagram: false`): diagnostics, the definition and hover of the ID
 * under the cursor, the outline, and completions. Positions are LSP's: 0-based lines and
 * UTF-16 columns, as gsnc's own columns are (1-based there).
 */
import type {
  CodeAction,
  CompletionItem,
  CompletionItemKind,
  Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  DocumentSymbol,
  Hover,
  Position,
  Range,
  SymbolKind,
  TextEdit,
} from 'vscode-languageserver';
import { formatGsn } from '../format/format.js';
import type { Diagnostic, Document, ElementNode, Model, ModelElement } from '../index.js';
import { LineIndex } from '../diagnostics/locate.js';
import { ANNOTATIONS } from '../semantics/annotations.js';
import { ELEMENT_KINDS, MODIFIERS } from '../syntax/ast.js';
import { tokenize } from '../syntax/lexer.js';
import { Identifier } from '../syntax/tokens.js';

export type { Position, Range };

/** LSP's DiagnosticSeverity of each gsnc severity. */
const SEVERITY: Record<string, DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

/** gsnc diagnostics of the file `file` (others point into imported files) as LSP diagnostics. */
export function lspDiagnostics(diagnostics: readonly Diagnostic[], file: string, uriOf: (file: string) => string): LspDiagnostic[] {
  return diagnostics
    .filter((d) => d.file === file)
    .map((d) => ({
      range: rangeOf(d),
      severity: SEVERITY[d.severity] ?? 3,
      code: d.code,
      source: 'gsnc',
      message: d.message,
      ...(d.related?.length ? { relatedInformation: d.related.map((r) => ({ location: { uri: uriOf(r.file), range: rangeOf(r) }, message: r.message })) } : {}),
    }));
}

function rangeOf(d: { line: number; column: number; endLine: number; endColumn: number }): Range {
  return { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } };
}

/** The ID written at `position`, with its range, or null when the cursor is not on one. */
export function idAt(text: string, position: Position): { id: string; range: Range } | null {
  const index = new LineIndex(text);
  const at = index.offset(position.line + 1, position.character + 1);
  const isIdChar = (c: string) => /[A-Za-z0-9_.]/.test(c);
  let start = at;
  while (start > 0 && isIdChar(text.charAt(start - 1))) start--;
  let end = at;
  while (end < text.length && isIdChar(text.charAt(end))) end++;
  // An ID starts with a letter or underscore; a trailing dot is punctuation, not part of it.
  while (end > start && text.charAt(end - 1) === '.') end--;
  const id = text.slice(start, end);
  if (!/^[A-Za-z_]/.test(id)) return null;
  return { id, range: spanRange(index, start, end) };
}

function spanRange(index: LineIndex, start: number, end: number): Range {
  const a = index.position(start);
  const b = index.position(end);
  return { start: { line: a.line - 1, character: a.column - 1 }, end: { line: b.line - 1, character: b.column - 1 } };
}

/** Where the element named at `position` is defined in this text, or null. */
export function definition(text: string, model: Model | null, position: Position): Range | null {
  const found = idAt(text, position);
  const element = found && elementOf(model, found.id);
  if (!element || element.away || element.moduleRef) return null; // defined in another file
  return spanRange(new LineIndex(text), element.idSpan.start, element.idSpan.end);
}

/** Markdown for the element named at `position`: kind, ID, flags and text. */
export function hover(text: string, model: Model | null, position: Position): Hover | null {
  const annotation = annotationAt(text, position);
  if (annotation) return annotation;
  const found = idAt(text, position);
  const element = found && elementOf(model, found.id);
  if (!found || !element) return null;
  const flags = [element.undeveloped && 'undeveloped', element.uninstantiated && 'uninstantiated', element.counter && 'counter', element.defeated && 'defeated', element.public && 'public', element.away && `in module ${element.away.module}`]
    .filter((f): f is string => typeof f === 'string');
  const supports = [...new Set((model?.edges ?? []).filter((e) => e.to === element.id).map((e) => `${e.from}${e.relation === 'inContextOf' ? ' (in context of)' : ''}`))];
  const lines = [
    `**${element.kind} ${element.id}**${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`,
    '',
    element.text,
    ...(supports.length > 0 ? ['', `Used by: ${supports.join(', ')}`] : []),
  ];
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: found.range };
}

/** The annotation whose name is under the cursor (`@subsystem-risk`): what it takes, and an example. */
function annotationAt(text: string, position: Position): Hover | null {
  const index = new LineIndex(text);
  const cursor = index.offset(position.line + 1, position.character + 1);
  const at = text.charAt(cursor) === '@' ? cursor + 1 : cursor; // on the @ itself
  let start = at;
  while (start > 0 && /[A-Za-z0-9_-]/.test(text.charAt(start - 1))) start--;
  if (text.charAt(start - 1) !== '@') return null;
  let end = at;
  while (end < text.length && /[A-Za-z0-9_-]/.test(text.charAt(end))) end++;
  const name = text.slice(start, end);
  const spec = ANNOTATIONS.get(name);
  if (!spec) return null;
  return { contents: { kind: 'markdown', value: `**@${name}** takes ${spec.takes}, as in \`${spec.example}\`` }, range: spanRange(index, start - 1, end) };
}

/** LSP's SymbolKind for each element kind: Class, Method, File, Field, Constant, String. */
const SYMBOL_KIND: Record<string, SymbolKind> = { goal: 5, strategy: 6, solution: 1, context: 8, assumption: 14, justification: 15 };

/** The outline: every element written in this text, nested as written. */
export function documentSymbols(text: string, ast: Document | null): DocumentSymbol[] {
  if (!ast) return [];
  const index = new LineIndex(text);
  const symbolOf = (node: ElementNode): DocumentSymbol => ({
    name: node.id,
    detail: `${node.kind}: ${(node.text?.value ?? '').split('\n')[0]}`,
    kind: SYMBOL_KIND[node.kind] ?? 13,
    range: spanRange(index, node.span.start, node.span.end),
    selectionRange: spanRange(index, node.idSpan.start, node.idSpan.end),
    children: node.children.filter((c): c is ElementNode => c.type === 'element').map(symbolOf),
  });
  return ast.items.filter((item): item is ElementNode => item.type === 'element').map(symbolOf);
}

/** LSP's CompletionItemKind: Reference for IDs, Keyword for keywords, Property for annotations. */
const REFERENCE: CompletionItemKind = 18;
const KEYWORD: CompletionItemKind = 14;
const PROPERTY: CompletionItemKind = 10;

/**
 * After `@`: the annotations gsnc knows (with what each takes). Elsewhere: every element ID of
 * the case (with its kind and text) and the notation's keywords.
 */
export function completions(model: Model | null, text = '', position: Position = { line: 0, character: 0 }): CompletionItem[] {
  const at = new LineIndex(text).offset(position.line + 1, position.character + 1);
  if (/@[A-Za-z0-9_-]*$/.test(text.slice(Math.max(0, at - 64), at))) {
    return [...ANNOTATIONS].map(([name, spec]) => ({ label: name, kind: PROPERTY, detail: `takes ${spec.takes}, as in ${spec.example}` }));
  }
  const ids = (model?.elements ?? []).map((e) => ({ label: e.id, kind: REFERENCE, detail: `${e.kind}: ${e.text.split('\n')[0]}` }));
  const keywords = [...ELEMENT_KINDS, ...MODIFIERS, 'challenges', 'module', 'import', 'contract'].map((k) => ({ label: k, kind: KEYWORD }));
  return [...ids, ...keywords];
}

/**
 * Every place this text writes the ID of the element named at `position`: its definition (when
 * `withDefinition`) and every reference (in blocks, links, challenges, annotations), read from
 * the lexer's ID tokens, so words in texts and comments are never taken for it.
 */
export function references(text: string, model: Model | null, position: Position, withDefinition: boolean): Range[] {
  const found = idAt(text, position);
  const element = found && elementOf(model, found.id);
  if (!found || !element) return [];
  const index = new LineIndex(text);
  const definedAt = element.away || element.moduleRef ? -1 : element.idSpan.start;
  return tokenize(text)
    .tokens.filter((t) => t.tokenType === Identifier && t.image === found.id && (withDefinition || t.startOffset !== definedAt))
    .map((t) => spanRange(index, t.startOffset, t.startOffset + t.image.length));
}

/**
 * Renaming the element named at `position` in this text: the ranges to replace, or why it cannot
 * be renamed here (an element of another module, or a public one other modules may name).
 */
export function renameRanges(text: string, model: Model | null, position: Position): { ranges: Range[] } | { refused: string } {
  const found = idAt(text, position);
  const element = found && elementOf(model, found.id);
  if (!found || !element) return { refused: 'no element is named here' };
  if (element.away || element.moduleRef) return { refused: `${found.id} is defined in another module: rename it there` };
  if (element.public) return { refused: `${found.id} is public: other modules may name it, so rename it by hand in each` };
  return { ranges: references(text, model, position, true) };
}

/** A new name must be an ID, and not one the case already has. */
export function renameProblem(model: Model | null, newName: string): string | null {
  if (!/^[A-Za-z_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?$/.test(newName)) return `${newName} is not an ID (a letter or _, then letters, digits, _ or .)`;
  if (elementOf(model, newName)) return `${newName} is already the ID of an element`;
  return null;
}

/** `gsnc fmt` of the whole text as one edit; none when it is formatted already or has syntax errors. */
export function formatting(text: string): TextEdit[] {
  const formatted = formatGsn(text);
  if (formatted.text === null || !formatted.changed) return [];
  const index = new LineIndex(text);
  return [{ range: spanRange(index, 0, text.length), newText: formatted.text }];
}

/**
 * Quick fixes for the diagnostics in `range`: an unsupported goal or strategy (GSN301) can be
 * marked undeveloped, which is what the standard asks of one whose support is left for later.
 */
export function codeActions(text: string, model: Model | null, uri: string, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const index = new LineIndex(text);
  for (const d of diagnostics) {
    if (d.code !== 'GSN301') continue;
    const found = idAt(text, d.range.start);
    const element = found && elementOf(model, found.id);
    if (!element || element.undeveloped) continue;
    const kindAt = text.lastIndexOf(element.kind, element.idSpan.start);
    if (kindAt < 0) continue;
    const at = spanRange(index, kindAt, kindAt).start;
    actions.push({
      title: `Mark ${element.id} undeveloped`,
      kind: 'quickfix',
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: 'undeveloped ' }] } },
    });
  }
  return actions;
}

function elementOf(model: Model | null, id: string): ModelElement | undefined {
  return model?.elements.find((e) => e.id === id);
}
