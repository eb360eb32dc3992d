/** The language server's answers as pure functions (src/lsp/features.ts): the ID under the cursor and positions. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { codeActions, completions, definition, documentSymbols, formatting, hover, idAt, lspDiagnostics, references, renameProblem, renameRanges } from '../../src/lsp/features.js';

const TEXT = 'goal G1.a "Top" {\n  solution Sn1 "Evidence, see G1.a."\n}\nG1.a -> Sn1\n';

describe('language server features', () => {
  it('finds the ID under the cursor: dotted IDs whole, a trailing dot left out, nothing in a word that is not one', () => {
    expect(idAt(TEXT, { line: 0, character: 6 })).toEqual({ id: 'G1.a', range: { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } } });
    expect(idAt(TEXT, { line: 1, character: 33 })?.id).toBe('G1.a'); // "see G1.a." in the text
    expect(idAt(TEXT, { line: 0, character: 10 })).toBeNull(); // on the quote
    expect(idAt('x 42 y', { line: 0, character: 3 })).toBeNull(); // a number is not an ID
  });

  it('answers definition, hover, outline and completion from the compile result', async () => {
    const result = await compile(TEXT, { file: 'case.gsn', diagram: false });
    expect(definition(TEXT, result.model, { line: 3, character: 9 })).toEqual({ start: { line: 1, character: 11 }, end: { line: 1, character: 14 } });
    expect(definition(TEXT, result.model, { line: 3, character: 2 })).toEqual({ start: { line: 0, character: 5 }, end: { line: 0, character: 9 } });
    expect(definition(TEXT, result.model, { line: 3, character: 5 })).toBeNull(); // on the arrow
    expect(hover(TEXT, result.model, { line: 1, character: 12 })?.contents).toEqual({ kind: 'markdown', value: '**solution Sn1**\n\nEvidence, see G1.a.\n\nUsed by: G1.a' });
    expect(documentSymbols(TEXT, result.ast).map((s) => [s.name, s.kind, (s.children ?? []).map((c) => c.name)])).toEqual([['G1.a', 5, ['Sn1']]]);
    expect(completions(result.model).slice(0, 2).map((c) => c.label)).toEqual(['G1.a', 'Sn1']);
  });

  it('turns gsnc diagnostics into LSP ones for this file only, related information as locations', async () => {
    const text = 'goal G1 "a" { solution Sn1 "e" }\ngoal G1 "b" { solution Sn2 "f" }\n';
    const result = await compile(text, { file: '/tmp/case.gsn', diagram: false });
    const lsp = lspDiagnostics([...result.diagnostics, { ...result.diagnostics[0]!, file: '/tmp/other.gsn' }], '/tmp/case.gsn', (f) => `file://${f}`);
    expect(lsp).toHaveLength(result.diagnostics.length);
    const duplicate = lsp.find((d) => d.code === 'GSN201')!;
    expect(duplicate).toMatchObject({ severity: 1, source: 'gsnc', range: { start: { line: 1, character: 5 }, end: { line: 1, character: 7 } } });
    expect(duplicate.relatedInformation?.[0]?.location).toEqual({ uri: 'file:///tmp/case.gsn', range: { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } } });
  });

  it('finds references from ID tokens only (never in texts or comments), and renames them all', async () => {
    const text = 'goal G1 "Top: G2 is key" {\n  // G2 here is a comment\n  goal G2 "Sub"\n  G3\n}\nsolution G3 "E"\nG2 -> G3\n';
    const result = await compile(text, { file: 'case.gsn', diagram: false });
    const at = { line: 6, character: 0 }; // G2 in the link
    expect(references(text, result.model, at, true).map((r) => [r.start.line, r.start.character])).toEqual([[2, 7], [6, 0]]);
    expect(references(text, result.model, at, false).map((r) => r.start.line)).toEqual([6]);
    expect(renameRanges(text, result.model, at)).toEqual({ ranges: references(text, result.model, at, true) });
    expect(renameProblem(result.model, 'G3')).toBe('G3 is already the ID of an element');
    expect(renameProblem(result.model, '2x')).toMatch(/is not an ID/);
    expect(renameProblem(result.model, 'G2.new')).toBeNull();
    const open = 'public goal P1 "Shared" { solution Sn1 "E" }\n';
    const publicResult = await compile(open, { file: 'p.gsn', diagram: false });
    expect(renameRanges(open, publicResult.model, { line: 0, character: 13 })).toEqual({ refused: 'P1 is public: other modules may name it, so rename it by hand in each' });
  });

  it('formats as gsnc fmt does, and offers to mark an unsupported goal undeveloped', async () => {
    const messy = 'goal   G1 "Top"{\n goal G2 "Sub"\n}\n';
    const [edit] = formatting(messy);
    expect(edit!.newText).toBe('goal G1 "Top" {\n  goal G2 "Sub"\n}\n');
    expect(edit!.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 3, character: 0 } });
    expect(formatting(edit!.newText)).toEqual([]); // formatted already
    expect(formatting('goal G1 "unclosed\n')).toEqual([]); // syntax error: nothing to do

    const result = await compile(messy, { file: 'case.gsn', diagram: false });
    const diagnostics = lspDiagnostics(result.diagnostics, 'case.gsn', (f) => f);
    const [fix] = codeActions(messy, result.model, 'file:///case.gsn', diagnostics);
    expect(fix?.title).toBe('Mark G2 undeveloped');
    expect(fix?.edit?.changes?.['file:///case.gsn']).toEqual([{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, newText: 'undeveloped ' }]);
  });

  it('explains an annotation under the cursor and completes annotation names after @', async () => {
    const text = 'goal G1 "Top" @subsystem-risk(SS1) @url("x") {\n  solution Sn1 "E" @\n}\n';
    const result = await compile(text, { file: 'case.gsn', diagram: false });
    const risk = hover(text, result.model, { line: 0, character: 20 });
    expect(risk?.contents).toEqual({ kind: 'markdown', value: '**@subsystem-risk** takes one identifier, the subsystem, as in `@subsystem-risk(SS1)`' });
    expect(risk?.range).toEqual({ start: { line: 0, character: 14 }, end: { line: 0, character: 29 } });
    expect((hover(text, result.model, { line: 0, character: 36 })?.contents as { value: string }).value).toMatch(/^\*\*@url\*\* takes exactly one string/); // on the @
    const names = completions(result.model, text, { line: 1, character: 20 });
    expect(names.map((c) => c.label)).toEqual(expect.arrayContaining(['url', 'class', 'acp', 'subsystem-risk', 'threshold']));
    expect(names.map((c) => c.label)).not.toContain('G1');
    expect(completions(result.model, text, { line: 1, character: 2 }).map((c) => c.label)).toContain('G1');
  });
});
