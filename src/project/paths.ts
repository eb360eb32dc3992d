/**
 * Modular extension: where `import "path"` leads, worked out on the names of the files alone
 * (lexically, with `/` separators), so the library stays free of I/O and the CLI's main thread
 * can share it without loading the compiler. A project's directory is the directory of its
 * first (main) file; an import may not leave it, and may not be absolute: a case that reads
 * files from anywhere on the disk is neither portable nor safe to build from someone else's
 * repository.
 */

/** `a\b/./c/../d.gsn` -> `a/b/d.gsn`; leading `..` are kept, and a leading `/`. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return (path.startsWith('/') || path.startsWith('\\') ? '/' : '') + parts.join('/');
}

/** The directory part of a path (`''` for a bare file name), with `/` separators. */
export function dirnameOf(path: string): string {
  const p = path.replace(/\\/g, '/');
  const at = p.lastIndexOf('/');
  return at < 0 ? '' : p.slice(0, at);
}

/** `/x`, `\x`, `C:x`, `C:\x`: a path that does not start from the importing file. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path);
}

/** The directory of a project: that of its main file, normalised. */
export function projectRoot(mainFile: string): string {
  return dirnameOf(normalizePath(mainFile));
}

export type ImportPath =
  | { ok: true; path: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'absolute' }
  | { ok: false; reason: 'outside'; path: string };

/** The file `import "path"` in `importer` names, or why it names none the project may read. */
export function resolveImportPath(importer: string, path: string, root: string): ImportPath {
  if (path.trim() === '') return { ok: false, reason: 'empty' };
  if (isAbsolutePath(path)) return { ok: false, reason: 'absolute' };
  const dir = dirnameOf(normalizePath(importer));
  const resolved = normalizePath(dir === '' ? path : `${dir}/${path}`);
  return isWithin(root, resolved) ? { ok: true, path: resolved } : { ok: false, reason: 'outside', path: resolved };
}

function isWithin(root: string, path: string): boolean {
  if (root === '') return path !== '..' && !path.startsWith('../') && !path.startsWith('/');
  return path.startsWith(`${root}/`);
}
