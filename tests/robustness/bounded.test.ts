/**
 * Bounded (issue 7): each pathological input finishes with a result or one clear diagnostic.
 * The assertions are on the result, not on a timer (timeouts are generous, for slow CI
 * machines); a run that hangs or overflows the stack fails by the timeout or by GSN999.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerCompiler } from '../../src/cli/compiler.js';
import { compile, DEFAULT_LIMITS, type CompileResult } from '../../src/index.js';
import { invariantProblems } from './invariants.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gsnc.js');
const SLOW = { timeout: 600_000 };

const codes = (r: CompileResult) => r.diagnostics.map((d) => d.code);

/** `goal G0 { goal G1 { ... { solution Sn } } }`, n goals deep, one line per level. */
function nested(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`goal G${i} "claim ${i}" {`);
  parts.push('solution Sn "evidence"');
  parts.push('}'.repeat(n));
  return parts.join('\n');
}

/** G0 -> G1 -> ... -> G(n-1) -> Sn as link statements: n + 1 elements, one SupportedBy chain. */
function chain(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`goal G${i} "claim ${i}"`);
  lines.push('solution Sn "evidence"');
  for (let i = 0; i < n - 1; i++) lines.push(`G${i} -> G${i + 1}`);
  lines.push(`G${n - 1} -> Sn`);
  return `${lines.join('\n')}\n`;
}

async function compiled(text: string, limits = {}): Promise<CompileResult> {
  const r = await compile(text, { file: 'big.gsn', limits });
  expect(invariantProblems(text, r, { file: 'big.gsn', parseSvg: text.length < 200_000 })).toEqual([]);
  return r;
}

describe('nesting depth', () => {
  for (const depth of [5_000, 100_000]) {
    it(`${depth.toLocaleString('en')}-deep nesting gives one GSN902 at the first brace past the limit`, SLOW, async () => {
      const text = nested(depth);
      const r = await compiled(text);
      expect(codes(r)).toEqual(['GSN902']);
      // The brace that opens level 1,001: on line 1,001 (goal G1000).
      expect(r.diagnostics[0]!.line).toBe(DEFAULT_LIMITS.maxDepth + 1);
      expect(r.svg).toBeNull();
    });
  }

  it('nesting at the limit (1,000 deep) compiles and draws on the default stack', SLOW, async () => {
    const r = await compiled(nested(DEFAULT_LIMITS.maxDepth));
    expect(r.diagnostics).toEqual([]);
    expect(r.layout!.nodes).toHaveLength(DEFAULT_LIMITS.maxDepth + 1);
    expect(r.svg).toContain('gsn-node-G999');
  });

  it('a lower maxDepth is honoured', async () => {
    const r = await compiled(nested(10), { maxDepth: 3 });
    expect(codes(r)).toEqual(['GSN902']);
    expect(r.diagnostics[0]!.message).toMatch(/more than 3 levels/);
  });
});

describe('size', () => {
  it('a 1 MiB single-line string is drawn (wrapped), not choked on', SLOW, async () => {
    const words = 'lorem ipsum dolor sit amet '.repeat(Math.ceil(2 ** 20 / 27)).slice(0, 2 ** 20);
    const text = `undeveloped goal G1 "${words}"`;
    expect(text.includes('\n')).toBe(false);
    const r = await compiled(text);
    expect(codes(r)).toEqual([]);
    expect(r.svg).not.toBeNull();
    const node = r.layout!.nodes[0]!;
    expect(node.width).toBeLessThan(2_000); // wrapped into lines, not one 1 MiB-wide line
    expect(node.lines.length).toBeGreaterThan(1_000);
  });

  it('a 1 MiB single line of element definitions stops at maxElements with one GSN903', SLOW, async () => {
    let text = 'goal G "top" {';
    for (let i = 0; text.length < 2 ** 20; i++) text += ` solution Sn${i} "e"`;
    text += ' }';
    const r = await compiled(text);
    expect(codes(r)).toEqual(['GSN903']);
    expect(r.diagnostics[0]!.line).toBe(1);
  });

  it('a 1 MiB ID on one line compiles with a bounded diagnostic list', SLOW, async () => {
    const id = `G${'x'.repeat(2 ** 20)}`;
    const r = await compiled(`undeveloped goal ${id} "t"`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.model!.elements[0]!.id).toBe(id);
  });

  it('5,000-character words are broken to fit the shape; a 5,000-character ID is drawn whole', SLOW, async () => {
    const word = (c: string) => c.repeat(5_000);
    const text = `goal G${word('a')} "${word('b')} ${word('ж')} ${word('中')}" {\n  solution Sn1 "${word('w')}"\n  context C1 "${word('m')}"\n}\n`;
    const r = await compiled(text);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const node of r.layout!.nodes) {
      // Text wraps; the ID is drawn on one line (the box grows to hold it, nothing overflows).
      if (node.id.length < 10) expect(node.width, node.id).toBeLessThan(2_000);
      for (const line of node.lines) expect(line.width, node.id.slice(0, 10)).toBeLessThanOrEqual(node.width);
    }
    const drawn = r.layout!.nodes.flatMap((n) => n.lines.flatMap((l) => l.runs.map((run) => run.text))).join('').replace(/\s|-/g, '');
    for (const c of ['b', 'ж', '中', 'w', 'm']) expect(drawn.split(c).length - 1, `every ${c} drawn`).toBe(5_000);
  });

  it('10,000 duplicate IDs: one GSN201 per duplicate, each at itself, nothing else', SLOW, async () => {
    const text = Array.from({ length: 10_000 }, () => 'undeveloped goal G1 "same"').join('\n');
    const r = await compiled(text);
    expect(r.diagnostics).toHaveLength(9_999);
    expect(new Set(codes(r))).toEqual(new Set(['GSN201']));
    expect(r.diagnostics.map((d) => d.line)).toEqual(Array.from({ length: 9_999 }, (_, i) => i + 2));
  });
});

describe('limits are options with one clear diagnostic each', () => {
  it('maxInputLength: GSN901 alone, without reading the text', async () => {
    const r = await compiled('goal G1 "t" {'.repeat(1000), { maxInputLength: 100 });
    expect(codes(r)).toEqual(['GSN901']);
    expect(r.ast).toBeNull();
  });

  it('maxElements: GSN903 alone, at the first element past the limit', async () => {
    const text = Array.from({ length: 100 }, (_, i) => `undeveloped goal G${i} "t" @bogus`).join('\n');
    const r = await compiled(text, { maxElements: 10 });
    expect(codes(r)).toEqual(['GSN903']);
    expect(r.diagnostics[0]!.line).toBe(11);
  });

  it('maxDepth: GSN902 alone, even when the cut-off part would have other problems', async () => {
    // Past the cut: a reference to an element defined later, an unsupported goal.
    const text = `${nested(20)}\ngoal Late "defined after the cut"\n`;
    const r = await compiled(text.replace('solution Sn "evidence"', 'Late'), { maxDepth: 5 });
    expect(codes(r)).toEqual(['GSN902']);
  });

  it('defaults are high enough for 20,000-element cases', () => {
    expect(DEFAULT_LIMITS.maxElements).toBeGreaterThanOrEqual(20_000);
    expect(DEFAULT_LIMITS.maxDepth).toBeLessThanOrEqual(1_000);
    expect(DEFAULT_LIMITS.maxInputLength).toBeGreaterThanOrEqual(20_000 * 200);
  });
});

describe('layout in a worker with a large stack (as the CLI runs it)', () => {
  const worker = new WorkerCompiler(pathToFileURL(join(ROOT, 'dist', 'compile-worker.js')));
  afterAll(() => worker.close());

  it('a 10,000-element SupportedBy chain lays out and draws', SLOW, async () => {
    const text = chain(10_000);
    const r = await worker.compile(text, { file: 'chain.gsn' });
    expect(invariantProblems(text, r, { file: 'chain.gsn', parseSvg: false })).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    expect(r.layout!.nodes).toHaveLength(10_001);
    const ys = new Map(r.layout!.nodes.map((n) => [n.id, n.y]));
    expect(ys.get('G9999')!).toBeGreaterThan(ys.get('G0')!);
    expect(r.svg).toContain('id="gsn-node-G9999"');
  });
});

describe('the CLI stops a compile at its time limit', () => {
  it('--timeout 1 on a big case: GSN904, exit 1, the previous output untouched', SLOW, () => {
    const dir = mkdtempSync(join(tmpdir(), 'gsnc-timeout-'));
    writeFileSync(join(dir, 'big.gsn'), chain(3_000));
    writeFileSync(join(dir, 'big.svg'), 'previous output');
    const run = spawnSync(process.execPath, [BIN, 'build', 'big.gsn', '-o', 'big.svg', '--timeout', '1'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('big.gsn:1:1: error GSN904');
    expect(run.stderr.match(/error GSN/g)).toHaveLength(1);
    expect(readFileSync(join(dir, 'big.svg'), 'utf8')).toBe('previous output');
    expect(readdirSync(dir).sort()).toEqual(['big.gsn', 'big.svg']);
  });
});

describe('graph walks are iterative', () => {
  /** Every function in `dir` that calls itself by name (direct recursion), as file:line name. */
  function selfCalls(dir: string): string[] {
    const found: string[] = [];
    const files: string[] = [];
    const stack = [dir];
    while (stack.length > 0) {
      const at = stack.pop()!;
      for (const name of readdirSync(at)) {
        const path = join(at, name);
        if (statSync(path).isDirectory()) stack.push(path);
        else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path);
      }
    }
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node, enclosing: readonly string[]) => {
        let name: string | null = null;
        if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) name = node.name.getText(source);
        if (ts.isVariableDeclaration(node) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) {
          name = node.name.getText(source);
        }
        if (ts.isCallExpression(node)) {
          const callee = node.expression;
          const called = ts.isIdentifier(callee)
            ? callee.text
            : ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword
              ? callee.name.text
              : null;
          if (called !== null && enclosing.includes(called)) {
            found.push(`${file.slice(ROOT.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${called}`);
          }
        }
        ts.forEachChild(node, (child) => visit(child, name ? [...enclosing, name] : enclosing));
      };
      visit(source, []);
    }
    return found;
  }

  it('no function in syntax, semantics, framework, layout or render calls itself', () => {
    for (const dir of ['syntax', 'semantics', 'framework', 'layout', 'render']) {
      const path = join(ROOT, 'src', dir);
      if (existsSync(path)) expect(selfCalls(path), `src/${dir}`).toEqual([]);
    }
  });
});
