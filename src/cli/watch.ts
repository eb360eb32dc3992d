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
 */
import { watch as watchDirectory, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { escapeForTerminal } from '../diagnostics/format.js';
import { UsageError, type CliArgs } from './args.js';
import { isDirectory, readInput } from './io.js';
import { EXIT, type Compiler } from './shared.js';

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
  // The text each input had when it was last compiled (recorded by the compiler itself, so a
  // save racing with the build cannot make us skip the newer text).
  const lastText = new Map<string, string | null>();
  let current: string | null = null;
  const tracking: Compiler = (text, compileOptions) => {
    if (current !== null) lastText.set(current, text);
    return compiler(text, compileOptions);
  };
  const buildFile = async (file: string) => {
    current = file;
    try {
      return await build(argsFor(file), tracking);
    } finally {
      current = null;
    }
  };

  // One build at a time, in the order changes settle; a file changed again while queued is
  // built once.
  const queue: string[] = [];
  let running = false;
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
    if (lastText.get(file) === text) return EXIT.ok;
    try {
      const exit = await buildFile(file);
      if (exit !== EXIT.ok) say(`${escapeForTerminal(file)} has errors; the last good output is kept`);
      return exit;
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      say(error.message);
      return EXIT.usage;
    }
  };

  const timers = new Map<string, NodeJS.Timeout>();
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const changed = (file: string) => {
    clearTimeout(timers.get(file));
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file);
        if (!queue.includes(file)) queue.push(file);
        void runQueue().catch(fail);
      }, debounceMs),
    );
  };

  let failed: ((error: unknown) => void) | null = null;
  const fail = (error: unknown) => failed?.(error);

  // Inputs by directory, and by name inside it (several arguments may name one file).
  const byDirectory = new Map<string, Map<string, string[]>>();
  for (const file of args.files) {
    const dir = resolve(dirname(file));
    const names = byDirectory.get(dir) ?? new Map<string, string[]>();
    const name = basename(file);
    names.set(name, [...(names.get(name) ?? []), file]);
    byDirectory.set(dir, names);
  }
  const watchers: FSWatcher[] = [];
  const closeAll = () => {
    for (const watcher of watchers) watcher.close();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
  try {
    for (const [dir, names] of byDirectory) {
      const watcher = watchDirectory(dir, { persistent: true }, (_event, filename) => {
        // Without a name (some platforms) every input of the directory may have changed.
        const hit = filename === null ? [...names.values()].flat() : names.get(basename(filename.toString())) ?? [];
        for (const file of hit) changed(file);
      });
      watcher.on('error', (error) => fail(error));
      watchers.push(watcher);
    }
  } catch (error) {
    closeAll();
    throw new UsageError(`cannot watch: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
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
  say(`watching ${count} file${count === 1 ? '' : 's'} for changes (Ctrl-C to stop)`);
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
