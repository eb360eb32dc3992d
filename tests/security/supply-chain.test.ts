/**
 * Supply chain (issue 7): exact pins for every dependency, a committed lockfile that agrees with
 * package.json, registry-only sources, and the post-install smoke test (scripts/smoke.mjs) passes
 * on the built package. (`npm audit` needs the registry's audit endpoint, which this workplace
 * cannot reach; it is not run here.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

describe('dependencies', () => {
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies'] as const) {
    it(`${field} are pinned to exact versions (no ^, ~, *, ranges, tags, URLs or paths)`, () => {
      const loose = Object.entries(pkg[field] ?? {}).filter(([, version]) => !EXACT.test(version));
      expect(loose).toEqual([]);
    });
  }

  it('package-lock.json exists, is version 3, and agrees with package.json', () => {
    const path = join(ROOT, 'package-lock.json');
    expect(existsSync(path)).toBe(true);
    const lock = JSON.parse(readFileSync(path, 'utf8')) as { lockfileVersion: number; packages: Record<string, { version?: string; resolved?: string; integrity?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; link?: boolean }> };
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const root = lock.packages['']!;
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
    // Each direct dependency is installed at exactly the pinned version.
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    }
  });

  // The lockfile is written without `resolved` fields (registry implied); where one is present it
  // must be the npm registry, never a tarball URL, git or a local path.
  it('every locked package has an integrity hash and comes from the npm registry', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string; integrity?: string; link?: boolean }> };
    const odd = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.link)
      .filter(([, entry]) => (entry.resolved !== undefined && !entry.resolved.startsWith('https://registry.npmjs.org/')) || !/^sha(256|384|512)-/.test(entry.integrity ?? ''))
      .map(([path, entry]) => `${path} ${entry.resolved ?? '(no resolved)'}`);
    expect(odd).toEqual([]);
  });
});

describe('post-install smoke test', () => {
  it('scripts/smoke.mjs renders a case with the built library and CLI', { timeout: 120_000 }, () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'smoke.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('smoke test passed');
  });
});
