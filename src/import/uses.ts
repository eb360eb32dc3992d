/**
 * The files a gsn2x file's `module: uses:` names, for the CLI to load them with it (gsn2x reads
 * them too). Only the YAML parser: the main thread of the CLI loads this without the compiler.
 */
import { parseDocument } from 'yaml';
import { dirnameOf, normalizePath } from '../project/paths.js';

export { dirnameOf, normalizePath };

/** The `uses` entries of a gsn2x file, resolved against its name; none when it cannot be read. */
export function gsn2xUses(file: { name: string; text: string }): string[] {
  let js: unknown;
  try {
    const doc = parseDocument(file.text, { prettyErrors: false });
    if (doc.errors.length > 0) return [];
    js = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return []; // too many aliases: the compile reports what is wrong
  }
  const module = js && typeof js === 'object' ? (js as Record<string, unknown>)['module'] : undefined;
  const uses = module && typeof module === 'object' ? (module as Record<string, unknown>)['uses'] : undefined;
  const list = Array.isArray(uses) ? uses : typeof uses === 'string' ? [uses] : [];
  const dir = dirnameOf(file.name);
  return list.filter((u): u is string => typeof u === 'string').map((u) => normalizePath(u.startsWith('/') || dir === '' ? u : `${dir}/${u}`));
}
