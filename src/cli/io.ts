import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** The only module that touches disk: inputs, outputs, atomic replacement. */

export function readInput(file: string): string {
  const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Writes through a temporary file and a rename, so readers never see half a file. */
export function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `cases/a.gsn` -> `a.svg` (or `.json`) in `dir`. */
export function outputName(input: string, extension: string, dir: string): string {
  const base = input === '-' ? 'stdin' : basename(input, extname(input));
  return join(dir, `${base}.${extension}`);
}

/** The default output sits next to its input. */
export function besideInput(input: string, extension: string): string {
  return outputName(input, extension, dirname(input));
}
