/**
 * `gsnc instantiate` end to end, on the example pattern (examples/patterns): the concrete argument
 * it writes (golden), which compiles with no diagnostics at all, and how it fails: errors
 * positioned in the pattern or the data, nothing written, exit 1; usage errors exit 2.
 * Runs bin/gsnc.js, so it needs `npm run build` (npm test does it first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { expectGolden } from '../helpers/golden.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gsnc.js');
const PATTERN = 'examples/patterns/hazard-pattern.gsn';
const DATA = 'examples/patterns/pump-hazards.yaml';

function gsnc(args: string[], cwd = ROOT) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gsnc-instantiate-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('gsnc instantiate, the example', () => {
  const run = gsnc(['instantiate', PATTERN, DATA]);

  it('writes the concrete argument on standard output', () => {
    expect(run.code).toBe(0);
    expectGolden('instantiate/pump-hazards.gsn', run.stdout);
  });

  it('says which parts of the pattern the data left out (GSN530, info)', () => {
    expect(run.stderr).toContain(`${PATTERN}:16:19: info GSN530: alternative G3 of choice goal G2 is left out for hazards[0]`);
    expect(run.stderr).toContain('alternative S2 of choice goal G2 is left out for hazards[2]: no list controls');
    expect(run.stderr).toContain('0 errors, 0 warnings');
  });

  it('gives a case that compiles with no errors and no warnings (no placeholder is left)', async () => {
    const result = await compile(run.stdout, { file: 'pump.gsn' });
    expect(result.diagnostics).toEqual([]);
    expect(result.svg).not.toBeNull();
    expect(run.stdout).not.toMatch(/uninstantiated|many|optional|choice|\{[^{}\n]+\}/);
    const ids = result.model!.elements.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['G2.H1', 'G2.H2', 'G2.H3', 'G4.H1.1', 'G4.H1.2', 'Sn2.H2.1', 'G3.H3', 'Sn1.H3', 'G6']));
    expect(ids).not.toContain('S2.H3');
  });

  it('reads JSON data as well, and writes to -o atomically', () => {
    const dir = scratch({ 'pump.json': JSON.stringify(parseYamlLike()) });
    const out = join(dir, 'out', 'pump.gsn');
    const written = gsnc(['instantiate', PATTERN, join(dir, 'pump.json'), '-o', out]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain(`wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toBe(run.stdout.replace(DATA, join(dir, 'pump.json')));
  });
});

/** The example's data, as the YAML parser reads it. */
function parseYamlLike(): unknown {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', `import { parse } from 'yaml'; import { readFileSync } from 'node:fs'; process.stdout.write(JSON.stringify(parse(readFileSync(${JSON.stringify(DATA)}, 'utf8'))));`], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(run.stdout);
}

describe('gsnc instantiate, errors', () => {
  const pattern = 'goal G1 "Top" {\n  many(hazards) uninstantiated goal G2 "{name} is mitigated by {control}" {\n    solution Sn1 "Test"\n  }\n}\n';

  it('prints data missing for a placeholder at the pattern, and writes nothing (exit 1)', () => {
    const dir = scratch({ 'p.gsn': pattern, 'd.yaml': 'hazards:\n  - name: A\n    control: fuse\n  - name: B\n', 'out.gsn': 'old\n' });
    const run = gsnc(['instantiate', 'p.gsn', 'd.yaml', '-o', 'out.gsn'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('p.gsn:2:64: error GSN527: no data for the placeholder {control} in goal G2: looked up hazards[1].control, then control');
    expect(run.stderr).toContain('gsnc: nothing written');
    expect(readFileSync(join(dir, 'out.gsn'), 'utf8')).toBe('old\n');
  });

  it('prints a data file that does not parse at its position (exit 1)', () => {
    const dir = scratch({ 'p.gsn': pattern, 'd.yaml': 'hazards:\n  - name: A\n  - name: B\n    name: C\n', 'd.json': '{"hazards": [}' });
    const yaml = gsnc(['instantiate', 'p.gsn', 'd.yaml', '-o', 'out.gsn'], dir);
    expect(yaml.code).toBe(1);
    expect(yaml.stderr).toContain('d.yaml:4:5: error GSN601');
    const json = gsnc(['instantiate', 'p.gsn', 'd.json'], dir);
    expect(json.code).toBe(1);
    expect(json.stderr).toContain('d.json:1:14: error GSN528: the data is not valid JSON');
    expect(existsSync(join(dir, 'out.gsn'))).toBe(false);
  });

  it('rejects what it cannot be asked (exit 2)', () => {
    const dir = scratch({ 'p.gsn': pattern, 'd.txt': '' });
    expect(gsnc(['instantiate', 'p.gsn'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('a pattern and a data file') });
    expect(gsnc(['instantiate', 'p.gsn', 'd.txt'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('JSON (*.json) or YAML') });
    expect(gsnc(['instantiate', 'p.gsn', 'd.yaml', '-o', 'p.gsn'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('would overwrite the pattern') });
    expect(gsnc(['instantiate', 'p.gsn', 'missing.yaml'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read missing.yaml: ENOENT') });
  });
});
