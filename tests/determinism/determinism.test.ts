/**
 * Deterministic (issue 7): the same input and options give byte-identical SVG and JSON twice in
 * a process, in separate processes, under other TZ, LANG and LC_ALL (Turkish casing included),
 * with Math.random and the clock perturbed, from another working directory, through the CLI
 * (`gsnc build --format svg|json`), and in parallel calls.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gsnc.js');
const CHILD = join(import.meta.dirname, 'compile-child.mjs');
const DIST = pathToFileURL(join(ROOT, 'dist', 'index.js')).href;
/** Cases covering the core, DAGs, long multilingual text and the framework. */
const CASES = ['minimal.gsn', 'shared-evidence.gsn', 'multilingual.gsn', 'ai-holes.gsn', 'ext-dialectic.gsn'].map((name) => join(ROOT, 'examples', name));
const SLOW = { timeout: 600_000 };

interface ChildOutput {
  out: { file: string; svg: string | null; json: string }[];
  attempts: string[];
  loaded: string[];
  newRequires: number;
  tz: string;
  cwd: string;
}

function child(env: Record<string, string>, cwd = ROOT): ChildOutput {
  const run = spawnSync(process.execPath, [CHILD, DIST, ...CASES], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ChildOutput;
}

const ENVIRONMENTS: Array<{ name: string; env: Record<string, string>; otherCwd?: boolean }> = [
  { name: 'UTC, C locale', env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } },
  { name: 'Pacific/Chatham, Turkish locale, perturbed random and clock, other cwd', env: { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', GSNC_PERTURB: '1' }, otherCwd: true },
  { name: 'Asia/Tokyo, German locale', env: { TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } },
];

describe('byte-identical output', () => {
  it('twice in one process: SVG and the whole result', SLOW, async () => {
    for (const file of CASES) {
      const text = readFileSync(file, 'utf8');
      const a = await compile(text, { file });
      const b = await compile(text, { file });
      expect(b.svg).toBe(a.svg);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(a.svg).not.toBeNull();
    }
  });

  it('in parallel calls (Promise.all), the same as one at a time', SLOW, async () => {
    const texts = CASES.map((file) => readFileSync(file, 'utf8'));
    const sequential: string[] = [];
    for (const [i, text] of texts.entries()) sequential.push(JSON.stringify(await compile(text, { file: CASES[i] })));
    // Each case three times, interleaved.
    const jobs = [...texts, ...texts.slice().reverse(), ...texts].map((text) => ({ text, i: texts.indexOf(text) }));
    const parallel = await Promise.all(jobs.map(({ text, i }) => compile(text, { file: CASES[i] })));
    parallel.forEach((r, k) => expect(JSON.stringify(r)).toBe(sequential[jobs[k]!.i]));
  });

  it('in separate processes, under other time zones, locales and working directories', SLOW, async () => {
    const reference = await Promise.all(CASES.map(async (file) => JSON.stringify(await compile(readFileSync(file, 'utf8'), { file }))));
    for (const { name, env, otherCwd } of ENVIRONMENTS) {
      const cwd = otherCwd ? mkdtempSync(join(tmpdir(), 'gsnc-cwd-')) : ROOT;
      const got = child(env, cwd);
      if (env.TZ) expect(got.tz, name).toBe(env.TZ);
      expect(got.cwd, name).toBe(cwd);
      got.out.forEach((o, i) => expect(o.json, `${name}: ${o.file}`).toBe(reference[i]));
    }
  });

  it('through the CLI: gsnc build --format svg and --format json, in two directories under two environments', SLOW, () => {
    const outputs = new Map<string, string[]>();
    for (const { env } of ENVIRONMENTS.slice(0, 2)) {
      // The same relative input names in a fresh directory each time: names appear in diagnostics.
      const cwd = mkdtempSync(join(tmpdir(), 'gsnc-det-'));
      mkdirSync(join(cwd, 'cases'));
      for (const file of CASES) copyFileSync(file, join(cwd, 'cases', basename(file)));
      const inputs = CASES.map((file) => `cases/${basename(file)}`);
      for (const format of ['svg', 'json']) {
        const run = spawnSync(process.execPath, [BIN, 'build', ...inputs, '-o', 'out/', '--format', format, '-q'], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        for (const file of CASES) {
          const name = basename(file).replace(/\.gsn$/, `.${format}`);
          outputs.set(name, [...(outputs.get(name) ?? []), readFileSync(join(cwd, 'out', name), 'utf8')]);
        }
      }
    }
    for (const [name, versions] of outputs) {
      expect(versions, name).toHaveLength(2);
      expect(versions[1], name).toBe(versions[0]);
      // No absolute path, working directory or date in the output.
      expect(versions[0], name).not.toContain(ROOT);
      expect(versions[0], name).not.toContain(tmpdir());
      expect(versions[0], name).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:/);
    }
  });
});
