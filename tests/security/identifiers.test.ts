/**
 * Identifiers (issue 7): names that are Object.prototype members behave like any other name as
 * element IDs, module names and annotation arguments, through the whole pipeline; nothing is
 * polluted; and no table in src/ keyed by user text is a plain object.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { elements, parseSvg } from '../render/xml.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const NAMES = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'toLocaleString', 'propertyIsEnumerable'];

function snapshot(): string {
  const describe = (o: object) =>
    Object.getOwnPropertyNames(o)
      .sort()
      .map((k) => {
        const d = Object.getOwnPropertyDescriptor(o, k)!;
        return `${k}:${typeof d.value}:${String(d.writable)}:${typeof d.get}`;
      })
      .join(',');
  return [describe(Object.prototype), describe(Array.prototype), describe(Function.prototype), String(Object.getPrototypeOf({}) === Object.prototype)].join('|');
}

/** One case per name: the name as goal, strategy, solution and context ID (suffixed to stay unique). */
function caseWith(name: string): string {
  return `module ${name} "module named ${name}"
goal ${name} "top ${name}" @class(${name}) {
  context ${name}_c "subsystem ${name}" @subsystem
  strategy ${name}_s "over ${name}" {
    goal ${name}_g "claim ${name}" @subsystem-risk(${name}_c) @control(monitoring) {
      solution ${name}_e "evidence ${name}"
    }
  }
}
${name} -> ${name}_e2
solution ${name}_e2 "more evidence"
`;
}

describe('Object.prototype names are ordinary names', () => {
  for (const name of NAMES) {
    it(`${name} as an ID, a module name, a class and an annotation argument`, async () => {
      const before = snapshot();
      const r = await compile(caseWith(name));
      expect(snapshot()).toBe(before);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();

      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.diagnostics.filter((d) => d.code === 'GSN999')).toEqual([]);
      const ids = [name, `${name}_c`, `${name}_s`, `${name}_g`, `${name}_e`, `${name}_e2`];
      expect(r.model!.elements.map((e) => e.id)).toEqual(ids);
      expect(r.model!.module?.name).toBe(name);
      expect(r.model!.topGoals).toEqual([name]);
      expect(r.model!.edges.map((e) => `${e.from}->${e.to}`)).toEqual(
        expect.arrayContaining([`${name}->${name}_c`, `${name}->${name}_s`, `${name}_s->${name}_g`, `${name}_g->${name}_e`, `${name}->${name}_e2`]),
      );
      // The framework resolved the subsystem by its name.
      expect(JSON.stringify(r.framework)).toContain(`${name}_c`);
      expect(r.diagnostics.filter((d) => d.code === 'GSN404')).toEqual([]);

      const root = parseSvg(r.svg!);
      const groups = [...elements(root)].filter((el) => (el.getAttribute?.('id') ?? '').startsWith('gsn-node-'));
      expect(groups.map((g) => g.getAttribute!('id')!.slice('gsn-node-'.length)).sort()).toEqual([...ids].sort());
      const top = groups.find((g) => g.getAttribute!('id') === `gsn-node-${name}`)!;
      expect(top.getAttribute!('class')!.split(' ')).toContain(name);
    });

    it(`${name} misused gets the same diagnostics as any other name`, async () => {
      const run = async (n: string) => {
        const r = await compile(`goal G1 "t" {\n  ${n}\n  context C1 "s" @subsystem\n}\ngoal G1x "u" @subsystem-risk(${n}) @control(${n})\nsolution ${n} "e"\nsolution ${n} "again"\n`);
        // Codes and lines (columns shift with the length of the name), and no internal error.
        return r.diagnostics.map((d) => `${d.code} ${d.line}`);
      };
      const other = await run('ordinaryName');
      expect(await run(name)).toEqual(other);
    });
  }

  it('an undefined name that is a prototype member is reported as undefined', async () => {
    for (const name of NAMES) {
      const r = await compile(`goal G1 "t" {\n  ${name}\n}\n`);
      expect(r.diagnostics.map((d) => d.code)).toContain('GSN202');
    }
  });
});

describe('no plain-object tables keyed by user text in src/', () => {
  /**
   * A static check: index expressions that write into a plain object literal table (`x[k] = ...`
   * where x was declared `= {}` or `: Record<string, ...> = {`) and `in` tests on such tables.
   * Fixed tables keyed by constants (escape maps, step codes) are allowed when read-only.
   */
  it('every writable string-keyed table is a Map', () => {
    const offenders: string[] = [];
    const stack = [join(ROOT, 'src')];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== 'metrics') stack.push(path);
          continue;
        }
        if (!name.endsWith('.ts')) continue;
        const text = readFileSync(path, 'utf8');
        // let/const x: Record<string, T> = {} or = {} followed later by x[...] = ...
        for (const m of text.matchAll(/(?:const|let|var)\s+(\w+)\s*(?::\s*(?:Record<string,[^>]*>|\{\s*\[\w+:\s*string\]:[^}]*\}))?\s*=\s*\{\s*\}/g)) {
          const table = m[1]!;
          if (new RegExp(`\\b${table}\\[[^\\]]+\\]\\s*(?:=|\\?\\?=|\\|\\|=|\\+=)[^=]`).test(text)) offenders.push(`${path.slice(ROOT.length + 1)}: ${table}`);
        }
        if (/Object\.create\(null\)/.test(text)) offenders.push(`${path.slice(ROOT.length + 1)}: Object.create(null) table (use a Map)`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
