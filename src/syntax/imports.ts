/**
 * Modular extension: the modules a file imports, by name or by path, read without the parser
 * (the CLI's main thread finds the files of a project with it, and never loads the compiler).
 * Imports stand at the top of a file, after the optional module header, so the scan stops at
 * the first other statement; what it cannot read is left to the parser to report.
 */
import { decodeString } from './strings.js';

const SPACE = /[ \t\r\n\f\v\ufeff]/;
const ID = /^[A-Za-z_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?/;

/** `import Name`, or `import "path"` (the path decoded as the parser decodes strings). */
export type ScannedImport = { name: string } | { path: string };

export function scanImports(text: string): ScannedImport[] {
  const found: ScannedImport[] = [];
  let at = 0;
  const skip = () => {
    for (;;) {
      while (at < text.length && SPACE.test(text[at]!)) at++;
      if (text.startsWith('//', at)) {
        while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
      } else if (text.startsWith('/*', at)) {
        const close = text.indexOf('*/', at + 2);
        at = close < 0 ? text.length : close + 2;
      } else return;
    }
  };
  const word = (): string | null => {
    skip();
    const m = ID.exec(text.slice(at, at + 1000));
    if (!m) return null;
    at += m[0].length;
    return m[0];
  };
  /** A string literal at `at`, decoded; null (and `at` unmoved) when there is none or it is not closed. */
  const string = (): string | null => {
    skip();
    if (text[at] !== '"') return null;
    let end = at + 1;
    while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    if (end >= text.length) return null;
    const decoded = decodeString(text.slice(at, end + 1), at).value;
    at = end + 1;
    return decoded;
  };
  let w = word();
  if (w === 'contract') w = word(); // `contract module Name`: a contract module's header
  if (w === 'module') {
    if (word() === null) return found;
    string();
    w = word();
  }
  const seen = new Set<string>();
  while (w === 'import') {
    const path = string();
    const name = path === null ? word() : null;
    const key = path !== null ? `path:${path}` : name !== null ? `name:${name}` : null;
    if (key === null) return found;
    if (!seen.has(key)) found.push(path !== null ? { path } : { name: name! });
    seen.add(key);
    w = word();
  }
  return found;
}
