/**
 * `gsnc build --watch`: builds every input once, then rebuilds an input each time it changes,
 * until SIGINT or SIGTERM. The same compiler (one worker: parser and ELK stay warm) serves every
 * rebuild, and each rebuild is an ordinary `build` of that one file, so an edit with errors
 * prints its diagnostics and writes nothing: the last good output stays.
 *
 * Watching: one `fs.watch` per directory holding inputs, not per file. Editors that save by
 * writing a new file and renaming it over the old one (vim, many IDEs) replace the inode, and a
 * watch on the file itself goes quiet after the first such save; the directory's watch sees
 * every save. Events are debounced per file (editors write in several steps), and a file whose
 * text is the same as at its last build is not rebuilt (our own outputs, touch, a second event).
 *
 * Modular extension: an input that imports modules is built with them (see readProject), so
 * the files it imports, transitively, are watched too (their directories, likewise), and a
 * change to one rebuilds every input that imports it. The imports are read again after each
 * build, so an import added later is followed, and a file imported before it exists is built
 * as soon as it appears.
 */
import { watch as watchDirectory, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { escapeForTerminal } from '../diagnostics/format.js';
import { UsageError, isGsn2xFile, type CliArgs } from './args.js';
import { isDirectory, readInput } from './io.js';
import { EXIT, readProject, type Compiler } from './shared.js';

export type BuildCommand = (args: CliArgs, compiler: Compiler) => Promise<number>;

/** Quiet time after the last event for a file before it is rebuilt. */
export const DEBOUNCE_MS = 80;

export interface WatchOptions {
  /** Resolves when watching should stop; default: the first SIGINT or SIGTERM. */
  stop?: Promise<void>;
  debounceMs?: number;
}

export async function watchBuild(args: CliArgs, compiler: Compiler, build: BuildCommand, options: WatchOptions = {}): Promise<number> {
  if (args.files.length === 0) throw new UsageError('no input files to watch');
  if (args.files.includes('-')) throw new UsageError('--watch cannot watch standard input');
  if (args.output === '-') throw new UsageError('--watch writes files; give -o FILE or DIR, not -o -');
  const say = (message: string) => {
    // Escaped here, once for every message: some echo user text (file names, usage errors).
    if (!args.quiet) process.stderr.write(`gsnc: ${escapeForTerminal(message)}\n`);
  };
  const argsFor = perFileArgs(args);
  // The text each input had when it was last compiled, and the text of each file it imports
  // (by absolute path), both recorded by the compiler itself, so a save racing with the build
  // cannot make us skip the newer text.
  const lastText = new Map<string, string | null>();
  const importedText = new Map<string, string>();
  let current: string | null = null;
  const tracking: Compiler = (text, compileOptions, fields) => {
    if (current !== null) lastText.set(current, text);
    return compiler(text, compileOptions, fields);
  };
  const project = compiler.project;
  if (project) {
    tracking.project = (files, projectOptions) => {
      if (current !== null && files[0]) lastText.set(current, files[0].text);
      for (const f of files.slice(1)) importedText.set(resolve(f.name), f.text);
      return project(files, projectOptions);
    };
  }
  const buildFile = async (file: string) => {
    current = file;
    try {
      return await build(argsFor(file), tracking);
    } finally {
      current = null;
      followImports(file);
    }
  };

  // One build at a time, in the order changes settle; a file changed again while queued is
  // built once. `forced`: inputs to rebuild although their own text did not change (a file
  // they import did).
  const queue: string[] = [];
  const forced = new Set<string>();
  let running = false;
  const enqueue = (file: string, force: boolean) => {
    if (force) forced.add(file);
    if (!queue.includes(file)) queue.push(file);
    void runQueue().catch(fail);
  };
  const runQueue = async () => {
    if (running) return;
    running = true;
    try {
      while (queue.length > 0) {
        const file = queue.shift()!;
        await buildOne(file);
      }
    } finally {
      running = false;
    }
  };
  const buildOne = async (file: string): Promise<number> => {
    let text: string;
    try {
      text = readInput(file);
    } catch (error) {
      // Mid-save (removed before the new file is renamed in) or deleted: the next event retries.
      say(`cannot read ${escapeForTerminal(file)} (${(error as NodeJS.ErrnoException).code ?? String(error)}); waiting for it`);
      lastText.set(file, null);
      return EXIT.usage;
    }
    const force = forced.delete(file);
    if (!force && lastText.get(file) === text) return EXIT.ok;
    try {
      const started = performance.now();
      const exit = await buildFile(file);
      if (exit !== EXIT.ok) say(`${escapeForTerminal(file)} has errors; the last good output is kept`);
      else say(`rebuilt ${escapeForTerminal(file)} in ${Math.round(performance.now() - started)} ms`);
      return exit;
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      say(error.message);
      return EXIT.usage;
    }
  };

  let failed: ((error: unknown) => void) | null = null;
  const fail = (error: unknown) => failed?.(error);

  // What is watched, by absolute path: the inputs (with the names they were given as; several
  // arguments may name one file) and the files the inputs import (with the inputs importing them).
  const inputs = new Map<string, string[]>();
  for (const file of args.files) inputs.set(resolve(file), [...(inputs.get(resolve(file)) ?? []), file]);
  const importers = new Map<string, Set<string>>();
  const importsOf = new Map<string, Set<string>>();

  const timers = new Map<string, NodeJS.Timeout>();
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const changed = (path: string) => {
    clearTimeout(timers.get(path));
    timers.set(
      path,
      setTimeout(() => {
        timers.delete(path);
        settled(path);
      }, debounceMs),
    );
  };
  /** A watched file settled after a change: rebuild it if it is an input, and what imports it if its text changed. */
  const settled = (path: string) => {
    for (const file of inputs.get(path) ?? []) enqueue(file, false);
    const users = importers.get(path);
    if (!users || users.size === 0) return;
    let text: string | null;
    try {
      text = readInput(path);
    } catch {
      text = null; // deleted or mid-save: the import is reported (GSN521) or the next event rebuilds
    }
    if (text !== null && importedText.get(path) === text) return;
    for (const file of users) enqueue(file, true);
  };

  const watchers = new Map<string, FSWatcher>();
  /** Starts watching a directory (once); the error code when it cannot be watched (yet). */
  const watchDir = (dir: string): string | null => {
    if (watchers.has(dir)) return null;
    let watcher: FSWatcher;
    try {
      watcher = watchDirectory(dir, { persistent: true }, (_event, filename) => {
        for (const missing of [...pending]) watchToward(missing); // one may just have been created
        // Without a name (some platforms) every watched file of the directory may have changed.
        if (filename !== null) {
          changed(join(dir, basename(filename.toString())));
          return;
        }
        for (const path of [...inputs.keys(), ...importers.keys()]) if (dirname(path) === dir) changed(path);
      });
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? String(error);
    }
    watcher.on('error', (error) => fail(error));
    watchers.set(dir, watcher);
    return null;
  };

  // Directories of imported files that do not exist yet: their nearest existing parent is
  // watched instead, and each event there tries them again.
  const pending = new Set<string>();
  const watchToward = (dir: string): void => {
    if (watchDir(dir) === null) {
      // Just created: the imported file may already be in it.
      if (pending.delete(dir)) for (const path of importers.keys()) if (dirname(path) === dir) changed(path);
      return;
    }
    pending.add(dir);
    let up = dirname(dir);
    while (watchDir(up) !== null && dirname(up) !== up) up = dirname(up);
  };

  /** Reads an input's imports again after a build: the files it imports now are the ones watched for it. */
  function followImports(file: string): void {
    if (isGsn2xFile(file)) return;
    let imported: string[];
    try {
      const read = readProject({ name: file, text: readInput(file) });
      imported = [...read.files.slice(1).map((f) => f.name), ...read.missing].map((name) => resolve(name));
    } catch {
      return; // unreadable now: the next build says so, and follows the imports then
    }
    for (const path of importsOf.get(file) ?? []) importers.get(path)?.delete(file);
    importsOf.set(file, new Set(imported));
    for (const path of imported) {
      importers.set(path, (importers.get(path) ?? new Set<string>()).add(file));
      watchToward(dirname(path));
    }
  }

  const closeAll = () => {
    for (const watcher of watchers.values()) watcher.close();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
  for (const path of inputs.keys()) {
    const error = watchDir(dirname(path));
    if (error === null) continue;
    closeAll();
    throw new UsageError(`cannot watch: ${error}`);
  }

  // First build of everything, after the watches start so that no edit made meanwhile is
  // missed; option errors (a bad --format) stop here with the usage exit.
  running = true;
  try {
    for (const file of args.files) await buildFile(file);
  } catch (error) {
    closeAll();
    throw error;
  } finally {
    running = false;
  }
  void runQueue().catch(fail);

  const count = args.files.length;
  const imported = importers.size;
  const also = imported === 0 ? '' : ` (and ${imported} file${imported === 1 ? '' : 's'} imported)`;
  say(`watching ${count} file${count === 1 ? '' : 's'}${also} for changes (Ctrl-C to stop)`);
  const stop = options.stop ?? signalled();
  try {
    await new Promise<void>((resolveStop, reject) => {
      failed = reject;
      void stop.then(() => resolveStop());
    });
  } finally {
    closeAll();
  }
  say('stopped watching');
  return EXIT.ok;
}

/**
 * `args` for a build of one input that writes where the build of all inputs would have: with
 * several inputs `-o` names a directory, which a one-file build would take for a file name.
 */
function perFileArgs(args: CliArgs): (file: string) => CliArgs {
  const output = args.output;
  const toDirectory = output !== null && output !== '-' && (args.files.length > 1 || output.endsWith('/') || isDirectory(output));
  const fixedOutput = toDirectory && !output.endsWith('/') ? `${output}/` : output;
  return (file) => ({ ...args, files: [file], output: fixedOutput, watch: false });
}

/** Resolves on the first SIGINT or SIGTERM (and keeps them from killing the process). */
function signalled(): Promise<void> {
  return new Promise((resolveSignal) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolveSignal();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
