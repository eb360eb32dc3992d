import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchema, validate } from '../export/helpers.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gsnc.js');

const VALID = `goal G1 "The system is acceptably safe" {
  context C1 "Operating context"
  solution Sn1 "Test report"
}
`;
const WARNING = `goal G1 "Top" {
  goal G2 "Not yet argued"
}
`;
const BROKEN = `goal G1 "Top" {
  solution Sn1 "Evidence"
}
goal G1 "Again"
`;

function gsnc(args: string[], input?: string, cwd = ROOT) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gsnc-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('gsnc CLI', () => {
  it('prints help and version with exit 0', () => {
    expect(gsnc(['--help']).stdout).toContain('gsnc build FILE...');
    expect(gsnc([]).stdout).toContain('Usage:');
    expect(gsnc(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on usage errors, with a hint and no stack trace', () => {
    const run = gsnc(['build', '--frobnicate', 'x.gsn']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("gsnc --help");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(gsnc(['build', 'missing-file.gsn']).code).toBe(2);
    expect(gsnc(['build', '--format', 'gif', '-'], VALID).code).toBe(2);
  });

  it('reads stdin and writes stdout with `-`', () => {
    const run = gsnc(['build', '-', '-o', '-'], VALID);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<(\?xml|svg)/);
    expect(run.stdout).toContain('G1');
  });

  it('`gsnc FILE` builds next to the input', () => {
    const dir = scratch({ 'case.gsn': VALID });
    const run = gsnc(['case.gsn'], undefined, dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'case.svg'), 'utf8')).toContain('<svg');
  });

  it('writes several inputs into a directory', () => {
    const dir = scratch({ 'a.gsn': VALID, 'b.gsn': VALID.replace(/G1/g, 'G9') });
    const run = gsnc(['build', 'a.gsn', 'b.gsn', '-o', 'out/'], undefined, dir);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'a.svg'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'b.svg'))).toBe(true);
  });

  it('exits 1 on errors, prints file:line:col with a caret, and writes nothing', () => {
    const dir = scratch({ 'bad.gsn': BROKEN, 'bad.svg': 'previous good output' });
    const run = gsnc(['build', 'bad.gsn', '-o', 'bad.svg'], undefined, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.gsn:4:6: error GSN201');
    expect(run.stderr).toMatch(/\n\s+\|\s+\^+/);
    expect(readFileSync(join(dir, 'bad.svg'), 'utf8')).toBe('previous good output');
  });

  it('writes output with warnings (exit 0), but not under --strict (exit 1)', () => {
    const dir = scratch({ 'w.gsn': WARNING });
    const lenient = gsnc(['build', 'w.gsn', '-o', 'w.svg'], undefined, dir);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('warning GSN301');
    expect(existsSync(join(dir, 'w.svg'))).toBe(true);
    const strict = gsnc(['build', 'w.gsn', '-o', 'strict.svg', '--strict'], undefined, dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('error GSN301');
    expect(existsSync(join(dir, 'strict.svg'))).toBe(false);
  });

  it('check writes JSON diagnostics and no files', () => {
    const dir = scratch({ 'bad.gsn': BROKEN });
    const run = gsnc(['check', 'bad.gsn', '--format', 'json'], undefined, dir);
    expect(run.code).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout);
    expect(diagnostics[0]).toMatchObject({ code: 'GSN201', severity: 'error', file: 'bad.gsn', line: 4, column: 6 });
    expect(diagnostics[0].related[0]).toMatchObject({ line: 1, column: 6 });
    expect(existsSync(join(dir, 'bad.svg'))).toBe(false);
    expect(gsnc(['check', '-'], VALID).code).toBe(0);
  });

  it('build --format json gives boxes and edges with absolute coordinates', () => {
    const run = gsnc(['build', '-', '--format', 'json', '-o', '-'], VALID);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.nodes.map((n: { id: string }) => n.id)).toEqual(['G1', 'C1', 'Sn1']);
    for (const n of doc.nodes) {
      expect(n).toMatchObject({ kind: expect.any(String), x: expect.any(Number), width: expect.any(Number) });
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
    }
    expect(doc.edges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'G1', to: 'C1', relation: 'inContextOf' }),
        expect.objectContaining({ from: 'G1', to: 'Sn1', relation: 'supportedBy' }),
      ]),
    );
    expect(doc.diagnostics).toEqual([]);
  });

  it('prints the first 20 diagnostics of a code in full, then how many more; the totals and JSON count them all', () => {
    const goals = Array.from({ length: 30 }, (_, i) => `  goal G${i + 2} "Claim ${i + 2}"`).join('\n');
    const text = `goal G1 "Top" {\n${goals}\n}\n`;
    const run = gsnc(['check', '-'], text);
    expect(run.code).toBe(0);
    expect(run.stderr.match(/warning GSN301/g)).toHaveLength(20);
    expect(run.stderr).toContain('<stdin>:21:8: warning GSN301: goal G21'); // the 20th, in full
    expect(run.stderr).not.toContain('goal G22 is neither');
    expect(run.stderr).toContain('... and 10 more GSN301 warnings like these (gsnc check --format json lists every one)');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('0 errors, 30 warnings');
    const json = JSON.parse(gsnc(['check', '-', '--format', 'json'], text).stdout) as { diagnostics: { code: string }[] };
    expect(json.diagnostics.filter((d) => d.code === 'GSN301')).toHaveLength(30);
  });

  it('escapes control characters when echoing user text', () => {
    const run = gsnc(['check', '-'], 'goal G1 "x" { \u001b[31m }');
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('\u001b');
  });
});

describe('gsnc build, modular extension', () => {
  it('builds a file that imports modules into one SVG per module and architecture.svg', () => {
    const out = scratch();
    const run = gsnc(['build', 'examples/modular/BrakeSystem.gsn', '-o', out]);
    expect(run.stderr).toContain('architecture.svg');
    expect(run.code).toBe(0);
    for (const name of ['BrakeSystem', 'Hazards', 'Software', 'SoftwareContract']) {
      expect(readFileSync(join(out, `${name}.svg`), 'utf8')).toContain('class="gsn-diagram"');
    }
    const architecture = readFileSync(join(out, 'architecture.svg'), 'utf8');
    expect(architecture).toContain('href="Hazards.svg"');
    expect(readFileSync(join(out, 'BrakeSystem.svg'), 'utf8')).toContain('gsn-away');
  });

  it('builds each module once when several modules of one project are given', () => {
    const out = scratch();
    const run = gsnc(['build', 'examples/modular/BrakeSystem.gsn', 'examples/modular/Hazards.gsn', 'examples/modular/Software.gsn', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stderr.match(/wrote /g)).toHaveLength(5); // four modules (one a contract module) and the architecture
    expect(readFileSync(join(out, 'architecture.svg'), 'utf8')).toContain('href="BrakeSystem.svg"');
  });

  it('builds a project as JSON (valid against the schema), PNG or PDF, one file per module; SACM is a usage error', () => {
    const schema = loadSchema('gsnc-diagram.schema.json');
    const names = ['BrakeSystem', 'Hazards', 'Software', 'SoftwareContract', 'architecture'];
    const json = scratch();
    expect(gsnc(['build', 'examples/modular/BrakeSystem.gsn', '-o', json, '--format', 'json']).code).toBe(0);
    for (const name of names) {
      const doc = JSON.parse(readFileSync(join(json, `${name}.json`), 'utf8'));
      expect(validate(doc, schema, { ordered: true }), name).toEqual([]);
    }
    const brake = JSON.parse(readFileSync(join(json, 'BrakeSystem.json'), 'utf8')) as { nodes: { away?: { module: string } }[] };
    expect(brake.nodes.some((n) => n.away?.module === 'Hazards')).toBe(true);
    const architecture = JSON.parse(readFileSync(join(json, 'architecture.json'), 'utf8')) as { nodes: { id: string; moduleReference?: { contract: boolean } }[] };
    expect(architecture.nodes.map((n) => [n.id, n.moduleReference?.contract])).toEqual(
      expect.arrayContaining([['Hazards', false], ['SoftwareContract', true]]),
    );
    for (const [format, magic] of [['png', '\x89PNG'], ['pdf', '%PDF']]) {
      const out = scratch();
      expect(gsnc(['build', 'examples/modular/BrakeSystem.gsn', '-o', out, '--format', format!]).code).toBe(0);
      for (const name of names) expect(readFileSync(join(out, `${name}.${format}`), 'latin1').startsWith(magic!), `${name}.${format}`).toBe(true);
    }
    const sacm = scratch();
    const refused = gsnc(['build', 'examples/modular/BrakeSystem.gsn', '-o', join(sacm, 'out'), '--format', 'sacm']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('builds svg, json, png or pdf, not --format sacm');
    expect(existsSync(join(sacm, 'out'))).toBe(false);
  });

  it('prints each diagnostic with the file it is in, and writes nothing on errors', () => {
    const dir = scratch({
      'Main.gsn': 'module Main\nimport Sub\nimport Gone\ngoal G1 "a" { G2 }\n',
      'Sub.gsn': 'module Sub\ngoal G2 "b" { solution Sn1 "e" }\n',
    });
    const run = gsnc(['build', join(dir, 'Main.gsn'), '-o', join(dir, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'Main.gsn')}:3:8: error GSN521`);
    expect(run.stderr).toContain(`${join(dir, 'Main.gsn')}:4:15: error GSN523`);
    expect(run.stderr).toContain(`${join(dir, 'Sub.gsn')}:2:6: note`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('reads `import "path"` relative to the importing file, transitively, and never a file outside the project', () => {
    const dir = scratch({ 'outside.gsn': 'goal G9 "never read" {\n' });
    mkdirSync(join(dir, 'case', 'lib', 'deep'), { recursive: true });
    writeFileSync(join(dir, 'case', 'main.gsn'), 'module Main\nimport "lib/Sub.gsn"\ngoal G1 "a" { G2 }\n');
    writeFileSync(join(dir, 'case', 'lib', 'Sub.gsn'), 'module Sub\nimport "deep/Leaf.gsn"\npublic goal G2 "b" { G3 }\n');
    writeFileSync(join(dir, 'case', 'lib', 'deep', 'Leaf.gsn'), 'module Leaf\npublic goal G3 "c" { solution Sn1 "e" }\n');
    const run = gsnc(['build', 'case/main.gsn', '-o', 'out'], undefined, dir);
    expect(run.stderr).toBe('gsnc: wrote out/Main.svg\ngsnc: wrote out/Sub.svg\ngsnc: wrote out/Leaf.svg\ngsnc: wrote out/architecture.svg\n');
    expect(run.code).toBe(0);

    writeFileSync(join(dir, 'case', 'main.gsn'), 'import "../outside.gsn"\nimport "/etc/hostname"\ngoal G1 "a" { solution Sn1 "e" }\n');
    const outside = gsnc(['build', 'case/main.gsn', '-o', 'out2'], undefined, dir);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('case/main.gsn:1:8: error GSN535: import "../outside.gsn" leads to outside.gsn, outside the project');
    expect(outside.stderr).toContain('case/main.gsn:2:8: error GSN535: import "/etc/hostname" is an absolute path');
    expect(outside.stderr).not.toContain('G9'); // the file outside was not read
    expect(outside.stderr).toContain('2 errors');
  });
});

describe('README quick start', () => {
  it('`npm run demo` compiles every bundled example into out/ and says where', () => {
    const run = spawnSync('npm', ['run', 'demo'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    for (const name of ['minimal', 'hazard-directed', 'shared-evidence', 'multilingual', 'ai-deployment']) {
      expect(run.stderr).toContain(`gsnc: wrote out/${name}.svg`);
      expect(readFileSync(join(ROOT, 'out', `${name}.svg`), 'utf8')).toContain('<svg');
    }
    expect(run.stderr).toContain('gsnc: wrote out/modular/architecture.svg');
  });
});
