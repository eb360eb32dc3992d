import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ROOT, decodePng, pdfText } from './helpers.js';

const BIN = join(ROOT, 'bin', 'gsnc.js');
const MINIMAL = join(ROOT, 'examples', 'minimal.gsn');
const BROKEN = 'goal G1 "Top" {\n  solution Sn1 "Evidence"\n}\ngoal G1 "Again"\n';

function gsnc(args: string[], cwd = ROOT, input?: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'buffer' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'gsnc-export-'));
}

describe('gsnc build --format png|pdf|sacm and gsnc evidence', () => {
  it('--format png writes minimal.png, scaled by --scale', () => {
    const dir = scratch();
    const run = gsnc(['build', MINIMAL, '-o', `${dir}/`, '--format', 'png']);
    expect(run.code, run.stderr).toBe(0);
    const two = decodePng(readFileSync(join(dir, 'minimal.png')));
    expect(gsnc(['build', MINIMAL, '-o', join(dir, 'one.png'), '--format', 'png', '--scale', '1']).code).toBe(0);
    const one = decodePng(readFileSync(join(dir, 'one.png')));
    expect(Math.abs(two.width - 2 * one.width)).toBeLessThanOrEqual(2);
    expect(gsnc(['build', MINIMAL, '-o', join(dir, 'x.png'), '--format', 'png', '--scale', 'big']).code).toBe(2);
    expect(gsnc(['build', MINIMAL, '-o', join(dir, 'x.svg'), '--scale', '3']).code).toBe(2);
  });

  it('--format pdf writes minimal.pdf with text, the same bytes every time', () => {
    const dir = scratch();
    expect(gsnc(['build', MINIMAL, '-o', `${dir}/`, '--format', 'pdf']).code).toBe(0);
    const first = readFileSync(join(dir, 'minimal.pdf'));
    expect(pdfText(first)).toContain('G1');
    const again = gsnc(['build', MINIMAL, '-o', '-', '--format', 'pdf']);
    expect(again.code).toBe(0);
    expect(Buffer.compare(again.stdout, first)).toBe(0);
  });

  it('--format sacm writes minimal.sacm.xml, well-formed', () => {
    const dir = scratch();
    expect(gsnc(['build', MINIMAL, '-o', `${dir}/`, '--format', 'sacm']).code).toBe(0);
    const xml = readFileSync(join(dir, 'minimal.sacm.xml'), 'utf8');
    const errors: string[] = [];
    new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    expect(xml).toContain('xsi:type="sacm:AssertedEvidence"');
  });

  it('evidence writes Markdown to standard output or -o', () => {
    const run = gsnc(['evidence', MINIMAL]);
    expect(run.code).toBe(0);
    const md = run.stdout.toString('utf8');
    expect(md).toContain('| Sn1 |');
    expect(md).toContain('| Sn2 |');
    const dir = scratch();
    expect(gsnc(['evidence', MINIMAL, '-o', join(dir, 'evidence.md'), '-q']).code).toBe(0);
    expect(readFileSync(join(dir, 'evidence.md'), 'utf8')).toBe(md);
  });

  it.each([['png'], ['pdf'], ['sacm']])('--format %s writes nothing on errors and keeps an existing output', (format) => {
    const dir = scratch();
    writeFileSync(join(dir, 'bad.gsn'), BROKEN);
    writeFileSync(join(dir, 'bad.out'), 'previous good output');
    const run = gsnc(['build', 'bad.gsn', '-o', 'bad.out', '--format', format], dir);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBe(0);
    expect(readFileSync(join(dir, 'bad.out'), 'utf8')).toBe('previous good output');
  });

  it('evidence writes nothing on errors', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'bad.gsn'), BROKEN);
    const run = gsnc(['evidence', 'bad.gsn'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBe(0);
  });
});
