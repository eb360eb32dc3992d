/**
 * Modular extension: the names a file imports, read without the parser (the CLI's main thread
 * finds the files of a project with it, and never loads the compiler). Imports stand at the top
 * of a file, after the optional module header, so the scan stops at the first other statement;
 * what it cannot read is left to the parser to report.
 */
const SPACE = /[ \t\r\n\f\v\ufeff]/;
const ID = /^[A-Za-z_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?/;

export function scanImports(text: string): string[] {
  const found: string[] = [];
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
  let w = word();
  if (w === 'module') {
    if (word() === null) return found;
    skip();
    if (text[at] === '"') {
      at++;
      while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
      at++;
    }
    w = word();
  }
  while (w === 'import') {
    const name = word();
    if (name === null) return found;
    if (!found.includes(name)) found.push(name);
    w = word();
  }
  return found;
}
