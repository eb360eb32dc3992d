import { basename, join } from 'node:path';
import { escapeForTerminal } from '../../diagnostics/format.js';
import { gsnText } from '../../import/emit.js';
import { importGsn2x } from '../../import/gsn2x.js';
import { UsageError, isGsn2xFile, type CliArgs } from '../args.js';
import { isDirectory, writeAtomically } from '../io.js';
import { EXIT, printAcrossFiles, readGsn2xFiles } from '../shared.js';

/**
 * `gsnc import FILE.yaml... [-o DIR]`: converts gsn2x YAML to .gsn notation, one FILE.gsn per
 * input. The inputs (and the files their `uses` names) are read as one case, so what spans files
 * (an `extends`) is converted as the case means it; only the given files are written. An input
 * that cannot be converted (a YAML error, an element of unknown type) stops the import: nothing
 * is written. The written files compile to the same model as the YAML does.
 */
export async function importCommand(args: CliArgs): Promise<number> {
  if (args.files.length === 0) throw new UsageError('no input files: give gsn2x YAML files (*.gsn.yaml, *.yaml)');
  const notYaml = args.files.find((f) => !isGsn2xFile(f));
  if (notYaml !== undefined) throw new UsageError(`import reads gsn2x YAML files (*.yaml, *.yml), not ${notYaml}`);
  if (args.format !== null) throw new UsageError('import takes no --format');
  const output = args.output;
  if (output === '-' && args.files.length > 1) throw new UsageError('-o - writes one file; give one input file');
  const files = await readGsn2xFiles(args.files);
  const imported = importGsn2x(files);
  const diagnostics = imported.sources.locateAll(imported.diagnostics, args.strict);
  printAcrossFiles(diagnostics, files);
  if (diagnostics.some((d) => d.severity === 'error')) return EXIT.inputErrors;
  const toDirectory = output !== null && output !== '-' && (args.files.length > 1 || output.endsWith('/') || isDirectory(output));
  for (const file of args.files) {
    const converted = imported.files.find((f) => f.name === file);
    if (!converted) continue;
    const text = gsnText(converted);
    const destination = output === null ? gsnName(file) : output === '-' ? '-' : toDirectory ? join(output, basename(gsnName(file))) : output;
    if (destination === '-') process.stdout.write(text);
    else {
      writeAtomically(destination, text);
      if (!args.quiet) process.stderr.write(`gsnc: wrote ${escapeForTerminal(destination)}\n`);
    }
  }
  return EXIT.ok;
}

/** `case.gsn.yaml` and `case.yaml` become `case.gsn`. */
function gsnName(file: string): string {
  const stem = file.replace(/\.ya?ml$/i, '');
  return stem.endsWith('.gsn') ? stem : `${stem}.gsn`;
}
