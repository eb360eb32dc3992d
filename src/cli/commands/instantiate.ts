import { resolve } from 'node:path';
import { escapeForTerminal } from '../../diagnostics/format.js';
import { instantiatePattern } from '../../instantiate/instantiate.js';
import { isDataFile, readPatternData } from '../../instantiate/read-data.js';
import { UsageError, type CliArgs } from '../args.js';
import { readInput, writeAtomically } from '../io.js';
import { EXIT, printAcrossFiles } from '../shared.js';

/**
 * `gsnc instantiate PATTERN.gsn DATA.(json|yaml|yml) [-o OUT.gsn]`: fills a pattern from a data
 * file into a concrete argument (.gsn text), on standard output or, atomically, to -o. With
 * errors (data missing for a placeholder, a pattern that does not check) it prints them and
 * writes nothing (exit 1). Compiles nothing, so it starts no worker.
 */
export async function instantiate(args: CliArgs): Promise<number> {
  const usage = 'gsnc instantiate PATTERN.gsn DATA.yaml [-o OUT.gsn]';
  if (args.files.length !== 2) throw new UsageError(`instantiate takes a pattern and a data file: ${usage}`);
  const [pattern, data] = args.files as [string, string];
  if (data === '-' || !isDataFile(data)) throw new UsageError(`the data file is JSON (*.json) or YAML (*.yaml, *.yml), not ${data}`);
  if (args.format !== null) throw new UsageError('instantiate takes no --format');
  const output = args.output ?? '-';
  if (output !== '-' && pattern !== '-' && resolve(output) === resolve(pattern)) throw new UsageError(`-o ${output} would overwrite the pattern`);
  const patternName = pattern === '-' ? '<stdin>' : pattern;
  const patternText = read(pattern, patternName);
  const dataText = read(data, data);
  const files = [
    { name: patternName, text: patternText },
    { name: data, text: dataText },
  ];
  const parsed = readPatternData(dataText, data);
  if (parsed.diagnostics.length > 0) {
    printAcrossFiles(parsed.diagnostics, files);
    process.stderr.write(`gsnc: nothing written: ${escapeForTerminal(data)} cannot be read\n`);
    return EXIT.inputErrors;
  }
  const result = instantiatePattern(patternText, parsed.value, { file: patternName, dataFile: data });
  printAcrossFiles(result.diagnostics, files);
  if (result.text === null) {
    process.stderr.write(`gsnc: nothing written: ${escapeForTerminal(patternName)} cannot be instantiated with ${escapeForTerminal(data)}\n`);
    return EXIT.inputErrors;
  }
  if (output === '-') process.stdout.write(result.text);
  else {
    writeAtomically(output, result.text);
    if (!args.quiet) process.stderr.write(`gsnc: wrote ${escapeForTerminal(output)}\n`);
  }
  return EXIT.ok;
}

function read(file: string, name: string): string {
  try {
    return readInput(file);
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
