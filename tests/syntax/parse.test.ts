import { describe, expect, it } from 'vitest';
import { expectGolden, toGoldenJson } from '../helpers/golden.js';
import { findElement, fixture, outline, parseText, where } from './helpers.js';

describe('AST goldens', () => {
  for (const name of ['notation-example.gsn', 'shared-evidence.gsn', 'recovery.expect-error.gsn']) {
    it(name, () => {
      const result = parseText(fixture(name));
      expectGolden(`syntax/${name}.ast.json`, toGoldenJson(result));
    });
  }
});

describe('the example of the notation brief', () => {
  const text = fixture('notation-example.gsn');
  const { value, diagnostics } = parseText(text);

  it('parses with no diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('has the expected structure', () => {
    expect(value.module?.name).toBe('Deployment');
    expect(outline(value)).toEqual([
      'goal G1',
      '  context C1',
      '  context C2',
      '  context C3',
      '  strategy S1',
      '    goal G2',
      '      solution Sn1',
      '    goal G3',
      '      context SS1',
      '      strategy S2',
      '        goal G4',
      '          solution Sn2',
      '        undeveloped goal G5',
      'link G4 -> Sn1',
    ]);
  });

  it('keeps annotations and their arguments', () => {
    const g4 = findElement(value, 'G4');
    expect(g4?.annotations.map((a) => [a.name, a.args.map((x) => x.value)])).toEqual([
      ['subsystem-risk', ['SS1']],
      ['control', ['monitoring']],
    ]);
    const c3 = findElement(value, 'C3');
    expect(c3?.annotations[0]?.args[0]).toMatchObject({ type: 'number', value: 0.001, raw: '0.001' });
    const sn1 = findElement(value, 'Sn1');
    expect(sn1?.annotations[0]?.args[0]).toMatchObject({ type: 'string', value: 'https://example.org/pdf'.replace('pdf', 'pentest.pdf') });
  });

  it('gives spans that point at the source', () => {
    const g5 = findElement(value, 'G5');
    expect(g5 && text.slice(g5.idSpan.start, g5.idSpan.end)).toBe('G5');
    expect(g5 && text.slice(g5.span.start, g5.span.end)).toBe(
      'undeveloped goal G5 "Interactions between subsystems do not lead to exfiltration" @interaction-risk',
    );
    const g1 = findElement(value, 'G1');
    expect(g1 && text.slice(g1.span.end - 1, g1.span.end)).toBe('}');
  });
});

describe('notation details', () => {
  it('reads whitespace-free and whitespace-heavy forms alike', () => {
    const a = parseText('goal G1"x"@a(1,b){Sn1}G1->Sn1,Sn2');
    const b = parseText('goal\n G1\n "x"\n @a\n (\n 1 ,\n b\n )\n {\n Sn1\n }\n G1\n ->\n Sn1\n ,\n Sn2\n');
    expect(a.diagnostics).toEqual([]);
    expect(b.diagnostics).toEqual([]);
    expect(outline(a.value)).toEqual(outline(b.value));
  });

  it('records modifiers with spans, and a repeated one is GSN212', () => {
    const text = 'undeveloped uninstantiated undeveloped goal G1 "x"';
    const { value, diagnostics } = parseText(text);
    const g1 = findElement(value, 'G1');
    expect(g1?.modifiers.map((m) => [m.name, text.slice(m.span.start, m.span.end)])).toEqual([
      ['undeveloped', 'undeveloped'],
      ['uninstantiated', 'uninstantiated'],
    ]);
    expect(where(text, diagnostics)).toEqual(['GSN212 1:28']);
  });

  it('reports a second module header as GSN212', () => {
    const text = 'module A "a"\ngoal G1 "x"\nmodule B';
    const { value, diagnostics } = parseText(text);
    expect(value.module?.name).toBe('A');
    expect(where(text, diagnostics)).toEqual(['GSN212 3:1']);
  });

  it('accepts a keyword as an annotation argument', () => {
    const { value, diagnostics } = parseText('goal G1 "x" @class(context, "a b")');
    expect(diagnostics).toEqual([]);
    expect(findElement(value, 'G1')?.annotations[0]?.args.map((a) => a.value)).toEqual(['context', 'a b']);
  });
});

describe('syntax errors', () => {
  it('reports several errors in one file, each at the right line and column', () => {
    const text = fixture('recovery.expect-error.gsn');
    const { value, diagnostics } = parseText(text);
    expect(where(text, diagnostics)).toEqual([
      'GSN110 2:11', // goal G2 {   (no text)
      'GSN110 5:8', // goal goal
      'GSN110 6:28', // @a(1 2)
      'GSN110 7:5', // -> inside a block
      'GSN110 10:1', // } with no open block
      'GSN110 10:3', // a bare ID at the top level
    ]);
    expect(outline(value)).toContain('    solution Sn1');
  });

  it('speaks GSN', () => {
    const messages = (text: string) => parseText(text).diagnostics.map((d) => d.message);
    expect(messages('goal G1 {}')[0]).toContain('goal G1 needs its text in double quotes: goal G1 "..."');
    expect(messages('goal goal "x"')[0]).toBe("'goal' is a keyword and cannot be used as an ID");
    expect(messages('goal G1 "x" { -> }')[0]).toContain(
      "expected an element kind (goal, strategy, solution, context, assumption, justification), a bare ID or '}' inside the block of G1",
    );
    expect(messages('goal G1 "x" {')[0]).toContain("the block of G1 is not closed");
    expect(messages('goal G-1 "x"')[0]).toContain("'G-1' cannot be an ID");
  });

  it('reports at most one error per position, and an error at the end on the last character', () => {
    const text = 'goal G1 "x" {\n  goal G2 "y" {\n';
    const { diagnostics } = parseText(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.span).toEqual({ start: text.length - 1, end: text.length });
  });

  it('reports a run of stray tokens once', () => {
    expect(parseText('goal G1 "x" ) ) , 1 "s"').diagnostics).toHaveLength(1);
  });
});

describe('depth guard', () => {
  function nested(depth: number): string {
    const parts: string[] = [];
    for (let i = 0; i < depth; i++) parts.push(`goal G${i} "x" { `);
    for (let i = 0; i < depth; i++) parts.push('} ');
    return parts.join('');
  }

  function depthOf(items: readonly { type: string; children?: unknown[] }[]): number {
    let depth = 0;
    let level = items;
    while (level.length > 0) {
      depth++;
      level = (level[0]?.children ?? []) as typeof items;
    }
    return depth;
  }

  it('accepts nesting up to the limit', () => {
    const { value, diagnostics } = parseText(nested(1000));
    expect(diagnostics).toEqual([]);
    expect(depthOf(value.items)).toBe(1000);
  });

  for (const depth of [5_000, 100_000]) {
    it(`stops at the limit with one GSN902 at ${depth} levels`, () => {
      const text = nested(depth);
      const started = performance.now();
      const { value, diagnostics } = parseText(text);
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(diagnostics.map((d) => d.code)).toEqual(['GSN902']);
      const at = diagnostics[0]?.span.start ?? -1;
      expect(text.slice(0, at).split('{').length - 1).toBe(1000); // the 1001st brace
      expect(depthOf(value.items)).toBe(1001); // the element at level 1001, without its block
    });
  }

  it('honours a smaller limit', () => {
    expect(parseText(nested(10), { maxDepth: 3 }).diagnostics.map((d) => d.code)).toEqual(['GSN902']);
  });

  it('handles a 1 MiB single line', () => {
    const text = `goal G1 "${'x'.repeat(1 << 20)}" ${'@a '.repeat(1000)}`;
    const { value, diagnostics } = parseText(text);
    expect(diagnostics).toEqual([]);
    expect(findElement(value, 'G1')?.text?.value.length).toBe(1 << 20);
  });
});
