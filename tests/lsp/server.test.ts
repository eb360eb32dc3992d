/**
 * `gsnc lsp` as an editor uses it: the built CLI started with --stdio, spoken to in JSON-RPC with
 * LSP's Content-Length framing. Diagnostics on open and after an edit (in LSP's 0-based
 * positions), definition (in the file and in an imported module), hover, outline, completion,
 * references and rename, and a clean shutdown.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: unknown };

/** A client: sends requests and notifications, and keeps what the server sends. */
class Client {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, (m: Message) => void>();
  readonly notifications: Message[] = [];
  private onNotification: (() => void) | null = null;

  constructor(readonly server: ChildProcessWithoutNullStreams) {
    server.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const header = this.buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, header).toString())?.[1]);
        if (this.buffer.length < header + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(header + 4, header + 4 + length).toString()) as Message;
        this.buffer = this.buffer.subarray(header + 4 + length);
        if (message.id !== undefined && message.method === undefined) this.waiting.get(message.id)?.(message);
        else if (message.method !== undefined) {
          this.notifications.push(message);
          this.onNotification?.();
        }
      }
    });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  request(method: string, params: object): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolveAnswer) => {
      this.waiting.set(id, resolveAnswer);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: object): void {
    this.send({ method, params });
  }

  /** The next notification (after `after` of them) that passes `test`. */
  async notification(test: (m: Message) => boolean, after = 0): Promise<Message> {
    for (;;) {
      const found = this.notifications.slice(after).find(test);
      if (found) return found;
      await new Promise<void>((resolveNext) => (this.onNotification = resolveNext));
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'gsnc-lsp-'));
const mainFile = join(dir, 'Main.gsn');
const uri = pathToFileURL(mainFile).href;
const MAIN = 'module Main\nimport Sub\ngoal G1 "Top claim" {\n  context C1 "Scope"\n  G2\n  goal G3 "Unsupported claim"\n}\n';
let client: Client;

beforeAll(async () => {
  writeFileSync(join(dir, 'Sub.gsn'), 'module Sub\npublic goal G2 "Claim of the sub-module" {\n  solution Sn1 "Evidence"\n}\n');
  writeFileSync(mainFile, MAIN);
  const server = spawn(process.execPath, [join(ROOT, 'bin', 'gsnc.js'), 'lsp', '--stdio'], { cwd: dir });
  client = new Client(server);
  const init = await client.request('initialize', { processId: null, rootUri: pathToFileURL(dir).href, capabilities: {} });
  expect((init.result as { capabilities: Record<string, unknown> }).capabilities).toMatchObject({ definitionProvider: true, hoverProvider: true, documentSymbolProvider: true });
  client.notify('initialized', {});
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gsn', version: 1, text: MAIN } });
});

afterAll(async () => {
  if (!client) return;
  await client.request('shutdown', {});
  client.notify('exit', {});
  const code = await new Promise<number | null>((resolveExit) => client.server.on('exit', resolveExit));
  expect(code).toBe(0);
});

describe('gsnc lsp', () => {
  it('publishes the diagnostics of an opened document, in LSP positions', async () => {
    const published = await client.notification((m) => m.method === 'textDocument/publishDiagnostics');
    const diagnostics = (published.params as { uri: string; diagnostics: { code: string; severity: number; range: { start: { line: number; character: number } } }[] });
    expect(diagnostics.uri).toBe(uri);
    // G3 is neither supported nor undeveloped: warning GSN301 on its ID, line 6 column 8 (1-based).
    expect(diagnostics.diagnostics).toEqual([expect.objectContaining({ code: 'GSN301', severity: 2, range: expect.objectContaining({ start: { line: 5, character: 7 } }) })]);
  });

  it('checks again after an edit', async () => {
    const before = client.notifications.length;
    const edited = MAIN.replace('goal G3', 'goal G1');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const published = await client.notification((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { version?: number }).version === 2, before);
    const codes = (published.params as { diagnostics: { code: string; relatedInformation?: unknown[] }[] }).diagnostics;
    expect(codes.map((d) => d.code)).toContain('GSN201'); // duplicate ID, with the first definition as related information
    expect(codes.find((d) => d.code === 'GSN201')?.relatedInformation).toHaveLength(1);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: MAIN }] });
    await client.notification((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { version?: number }).version === 3, before);
  });

  it('checks an importing document again when an imported module open in the editor changes, unsaved', async () => {
    const sub = pathToFileURL(join(dir, 'Sub.gsn')).href;
    const before = client.notifications.length;
    client.notify('textDocument/didOpen', { textDocument: { uri: sub, languageId: 'gsn', version: 1, text: 'module Sub\ngoal G2 "Claim of the sub-module" {\n  solution Sn1 "Evidence"\n}\n' } });
    // G2 is no longer public (not saved to disk): Main's reference to it is now an error.
    const published = await client.notification((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri, before);
    expect((published.params as { diagnostics: { severity: number }[] }).diagnostics.some((d) => d.severity === 1)).toBe(true);
    const again = client.notifications.length;
    client.notify('textDocument/didChange', { textDocument: { uri: sub, version: 2 }, contentChanges: [{ text: 'module Sub\npublic goal G2 "Claim of the sub-module" {\n  solution Sn1 "Evidence"\n}\n' }] });
    const fixed = await client.notification((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri, again);
    expect((fixed.params as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(['GSN301']);
    client.notify('textDocument/didClose', { textDocument: { uri: sub } });
  });

  it('goes to the definition of an ID, in this file or in the module it comes from', async () => {
    const local = await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 5, character: 8 } });
    expect(local.result).toEqual({ uri, range: { start: { line: 5, character: 7 }, end: { line: 5, character: 9 } } });
    const away = await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 4, character: 2 } });
    expect(away.result).toEqual({ uri: pathToFileURL(join(dir, 'Sub.gsn')).href, range: { start: { line: 1, character: 12 }, end: { line: 1, character: 14 } } });
    const nothing = await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 2, character: 12 } }); // inside a string's word
    expect(nothing.result).toBeNull();
  });

  it('describes the element under the cursor', async () => {
    const answer = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 11 } });
    const value = (answer.result as { contents: { kind: string; value: string } }).contents;
    expect(value.kind).toBe('markdown');
    expect(value.value).toContain('**context C1**');
    expect(value.value).toContain('Scope');
    expect(value.value).toContain('Used by: G1 (in context of)');
  });

  it('finds references and renames an element in the document; refuses an element of another module', async () => {
    const refs = (await client.request('textDocument/references', { textDocument: { uri }, position: { line: 5, character: 8 }, context: { includeDeclaration: true } })).result as { uri: string; range: { start: { line: number } } }[];
    expect(refs.map((r) => [r.uri, r.range.start.line])).toEqual([[uri, 5]]);
    const renamed = (await client.request('textDocument/rename', { textDocument: { uri }, position: { line: 3, character: 11 }, newName: 'C9' })).result as { changes: Record<string, { newText: string; range: { start: { line: number; character: number } } }[]> };
    expect(renamed.changes[uri]!.map((e) => [e.range.start.line, e.range.start.character, e.newText])).toEqual([[3, 10, 'C9']]);
    const refused = await client.request('textDocument/prepareRename', { textDocument: { uri }, position: { line: 4, character: 2 } });
    expect((refused.error as { message: string }).message).toBe('G2 is defined in another module: rename it there');
    const taken = await client.request('textDocument/rename', { textDocument: { uri }, position: { line: 3, character: 11 }, newName: 'G1' });
    expect((taken.error as { message: string }).message).toBe('G1 is already the ID of an element');
  });

  it('formats the document and offers the quick fix for an unsupported goal', async () => {
    const edits = (await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).result as unknown[];
    expect(edits).toEqual([]); // MAIN is formatted already
    const published = client.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri).at(-1)!;
    const diagnostics = (published.params as { diagnostics: { code: string; range: unknown }[] }).diagnostics;
    const actions = (await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } })).result as { title: string }[];
    expect(actions.map((a) => a.title)).toEqual(['Mark G3 undeveloped']);
  });

  it('gives the outline, nested as written, and completes IDs and keywords', async () => {
    const symbols = (await client.request('textDocument/documentSymbol', { textDocument: { uri } })).result as { name: string; children: { name: string }[] }[];
    expect(symbols.map((s) => s.name)).toEqual(['G1']);
    expect(symbols[0]!.children.map((c) => c.name)).toEqual(['C1', 'G3']);
    const items = (await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 2 } })).result as { label: string; detail?: string }[];
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['G1', 'C1', 'G3', 'goal', 'solution', 'undeveloped']));
    expect(items.find((i) => i.label === 'G3')?.detail).toBe('goal: Unsupported claim');
  });
});
