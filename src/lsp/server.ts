/**
 * `gsnc lsp`: a Language Server Protocol server over standard input and output, for any editor
 * with an LSP client (VS Code through a generic client, Neovim, Helix, Emacs, Zed...). It checks
 * each open `.gsn` document as it is edited (the same checks as `gsnc check`: compile() without
 * the diagram) and answers from that: diagnostics, go to definition (across modules too), hover,
 * the outline, completion, references and rename within the document, formatting (`gsnc fmt`)
 * and a quick fix (features.ts). A document that imports modules is checked with
 * them, found as `gsnc build` finds them (their text as open in the editor, else as saved).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ErrorCodes, ProposedFeatures, ResponseError, TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compile, compileProject, type Diagnostic, type Document, type Model } from '../index.js';
import { LineIndex } from '../diagnostics/locate.js';
import { scanImports } from '../syntax/imports.js';
import { readProject } from '../cli/shared.js';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { codeActions, completions, definition, documentSymbols, formatting, hover, idAt, lspDiagnostics, references, renameProblem, renameRanges, type Position, type Range } from './features.js';

/** Quiet time after an edit before the document is checked again. */
const CHECK_DELAY_MS = 150;

/** What a check of one version of a document found. */
interface Analysis {
  version: number;
  ast: Document | null;
  model: Model | null;
  diagnostics: Diagnostic[];
  /** Modular extension: the other modules' files, models and texts, for definitions in them. */
  modules: { file: string; text: string; model: Model | null }[];
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, Analysis>();
  const timers = new Map<string, NodeJS.Timeout>();

  // An imported module open in the editor is checked as it stands there, saved or not.
  const openText = (file: string) => documents.get(uriOf(file))?.getText();
  const analyse = async (document: TextDocument): Promise<Analysis> => {
    const known = analyses.get(document.uri);
    if (known && known.version === document.version) return known;
    const analysis = await check(document, openText);
    analyses.set(document.uri, analysis);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: lspDiagnostics(analysis.diagnostics, fileOf(document.uri), uriOf) });
    return analysis;
  };
  const schedule = (document: TextDocument) => {
    clearTimeout(timers.get(document.uri));
    timers.set(document.uri, setTimeout(() => void analyse(document), CHECK_DELAY_MS));
  };
  const withDocument = async <T>(uri: string, answer: (document: TextDocument, analysis: Analysis) => T): Promise<T | null> => {
    const document = documents.get(uri);
    return document ? answer(document, await analyse(document)) : null;
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      definitionProvider: true,
      hoverProvider: true,
      documentSymbolProvider: true,
      completionProvider: { triggerCharacters: [] },
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'gsnc' },
  }));
  documents.onDidOpen(({ document }) => void analyse(document));
  documents.onDidChangeContent(({ document }) => {
    schedule(document);
    // The open documents that import this one are checked again too.
    const changed = fileOf(document.uri);
    for (const [uri, analysis] of analyses) {
      const importer = documents.get(uri);
      if (uri === document.uri || !importer || !analysis.modules.some((m) => m.file === changed)) continue;
      analyses.delete(uri);
      schedule(importer);
    }
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    analyses.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  connection.onDefinition(({ textDocument, position }) =>
    withDocument(textDocument.uri, (document, analysis) => definitionIn(document, analysis, position)),
  );
  connection.onHover(({ textDocument, position }) => withDocument(textDocument.uri, (document, analysis) => hover(document.getText(), analysis.model, position)));
  connection.onDocumentSymbol(({ textDocument }) => withDocument(textDocument.uri, (document, analysis) => documentSymbols(document.getText(), analysis.ast)));
  connection.onCompletion(({ textDocument, position }) => withDocument(textDocument.uri, (document, analysis) => completions(analysis.model, document.getText(), position)));
  connection.onDocumentFormatting(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    return document ? formatting(document.getText()) : null;
  });
  connection.onCodeAction(({ textDocument, context }) =>
    withDocument(textDocument.uri, (document, analysis) => codeActions(document.getText(), analysis.model, document.uri, context.diagnostics as LspDiagnostic[])),
  );
  connection.onReferences(({ textDocument, position, context }) =>
    withDocument(textDocument.uri, (document, analysis) => references(document.getText(), analysis.model, position, context.includeDeclaration).map((range) => ({ uri: document.uri, range }))),
  );
  connection.onPrepareRename(({ textDocument, position }) =>
    withDocument(textDocument.uri, (document, analysis) => {
      const answer = renameRanges(document.getText(), analysis.model, position);
      if ('refused' in answer) throw new ResponseError(ErrorCodes.InvalidRequest, answer.refused);
      return idAt(document.getText(), position)?.range ?? null;
    }),
  );
  connection.onRenameRequest(({ textDocument, position, newName }) =>
    withDocument(textDocument.uri, (document, analysis) => {
      const answer = renameRanges(document.getText(), analysis.model, position);
      if ('refused' in answer) throw new ResponseError(ErrorCodes.InvalidRequest, answer.refused);
      const problem = renameProblem(analysis.model, newName);
      if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
      return { changes: { [document.uri]: answer.ranges.map((range) => ({ range, newText: newName })) } };
    }),
  );
  documents.listen(connection);
  connection.listen();
}

/** The definition in this document, or in the module an away element belongs to. */
function definitionIn(document: TextDocument, analysis: Analysis, position: Position): { uri: string; range: Range } | null {
  const text = document.getText();
  const here = definition(text, analysis.model, position);
  if (here) return { uri: document.uri, range: here };
  const id = idAt(text, position)?.id;
  if (id === undefined) return null;
  for (const module of analysis.modules) {
    const element = module.model?.elements.find((e) => e.id === id && !e.away && !e.moduleRef);
    if (!element) continue;
    const there = new LineIndex(module.text);
    const a = there.position(element.idSpan.start);
    const b = there.position(element.idSpan.end);
    return { uri: uriOf(module.file), range: { start: { line: a.line - 1, character: a.column - 1 }, end: { line: b.line - 1, character: b.column - 1 } } };
  }
  return null;
}

/**
 * Checks a document as `gsnc check` would: alone, or with the modules it imports (their text as
 * open in the editor, else as saved).
 */
async function check(document: TextDocument, openText: (file: string) => string | undefined): Promise<Analysis> {
  const text = document.getText();
  const file = fileOf(document.uri);
  if (document.uri.startsWith('file:') && scanImports(text).length > 0) {
    try {
      const files = readProject({ name: file, text }).files.map((f, i) => (i === 0 ? f : { name: f.name, text: openText(f.name) ?? f.text }));
      const project = await compileProject(files, { diagram: false });
      const own = project.modules.find((m) => m.file === file);
      const modules = project.modules.filter((m) => m.file !== file).map((m) => ({ file: m.file, text: files.find((f) => f.name === m.file)?.text ?? '', model: m.model }));
      return { version: document.version, ast: own?.ast ?? null, model: own?.model ?? null, diagnostics: project.diagnostics, modules };
    } catch {
      // An imported file that cannot be read: check the document alone (its imports are then reported).
    }
  }
  const result = await compile(text, { file, diagram: false });
  return { version: document.version, ast: result.ast, model: result.model, diagnostics: result.diagnostics, modules: [] };
}

/** The file name diagnostics use for a document: its path, for file URIs. */
function fileOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

function uriOf(file: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(file) && !/^[a-z]:[\\/]/i.test(file) ? file : pathToFileURL(file).href;
}
