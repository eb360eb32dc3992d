import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT_FILE_NAMES, type FontFiles } from '../export/fonts.js';
import { UsageError } from './args.js';

/** The only module that touches disk: inputs, outputs, atomic replacement. */

/** Reads an input for a command: `-` is standard input; an unreadable file is a usage error. */
export function readSource(file: string): { name: string; text: string } {
  const name = file === '-' ? '<stdin>' : file;
  try {
    return { name, text: readInput(file) };
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export function readInput(file: string): string {
  const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Writes through a temporary file and a rename, so readers never see half a file. A target that
 * cannot be written (a directory in the way, no space, no permission) is the user's to fix, not a
 * gsnc bug: it is reported as `cannot write PATH: CODE` (exit 2), and the old file stays as it was.
 */
export function writeAtomically(path: string, content: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  } finally {
    removeQuietly(temporary);
  }
}

/** Removes a file if it is there; a path that cannot even be looked at has nothing to remove. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // ENOTDIR and the like: the temporary file was never created.
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

/** Modular extension: the file of module `name` imported by `importer`: `Name.gsn` beside it. */
export function moduleFile(importer: string, name: string): string {
  return join(importer === '-' ? '.' : dirname(importer), `${name}.gsn`);
}

/** Modular extension: whether a module's file is there to read. */
export function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The default output sits next to its input. */
export function besideInput(input: string, extension: string): string {
  return outputName(input, extension, dirname(input));
}

/**
 * The bundled DejaVu fonts, for PNG and PDF export: the package's fonts/ directory, found
 * relative to this code (dist/cli.js when installed; src/cli/io.ts when run from source).
 */
export function readBundledFonts(): FontFiles {
  const candidates = [new URL('../fonts/', import.meta.url), new URL('../../fonts/', import.meta.url)];
  const dir = candidates.map((url) => fileURLToPath(url)).find((path) => existsSync(join(path, FONT_FILE_NAMES.sans)));
  if (!dir) throw new Error(`the bundled fonts (${FONT_FILE_NAMES.sans}, ...) are missing from the package's fonts/ directory`);
  const read = (name: string) => {
    const path = join(dir, name);
    return { path, data: new Uint8Array(readFileSync(path)) };
  };
  return {
    sans: read(FONT_FILE_NAMES.sans),
    sansBold: read(FONT_FILE_NAMES.sansBold),
    sansOblique: read(FONT_FILE_NAMES.sansOblique),
    sansBoldOblique: read(FONT_FILE_NAMES.sansBoldOblique),
    mono: read(FONT_FILE_NAMES.mono),
  };
}
