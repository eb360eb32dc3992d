import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { analyzeFramework } from '../../src/framework/analyze.js';
import { reportFor, reportFormatFor } from '../../src/report/command-helpers.js';
import { escapeHtml } from '../../src/report/html.js';
import { escapeText } from '../../src/report/markdown.js';
import { renderReport } from '../../src/report/report.js';
import { ModelBuilder } from './builder.js';

const HOSTILE = 'A | B <script>alert(1)</script> *x* _y_ [z](javascript:alert(1)) `c` $m$ # h\nnext & more';

function hostileModel() {
  const b = new ModelBuilder()
    .add('goal', 'G1', ['outcome'], { text: HOSTILE })
    .add('context', 'SS1', ['subsystem', 'trusted'], { text: HOSTILE })
    .add('solution', 'Sn1', [], { text: HOSTILE, url: 'https://example.org/a b<c>.pdf' })
    .add('goal', 'G2', ['subsystem-risk(SS1)', 'risk(0.5)'], { text: HOSTILE })
    .support('G1', 'G2')
    .support('G2', 'Sn1')
    .inContext('G1', 'SS1');
  return b.build();
}

describe('renderReport', () => {
  it('keeps user text inside its table cell in Markdown, and inert', () => {
    const model = hostileModel();
    const md = renderReport(analyzeFramework(model).value, model, 'md', []);
    for (const line of md.split('\n').filter((l) => l.startsWith('| `Sn1`'))) {
      // Three cells: the pipes in the text are escaped.
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(5);
    }
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
    expect(md).toContain('\\[z\\](javascript:alert(1))');
    expect(md).toContain('A \\| B &lt;script&gt;');
    expect(md).toContain('[https://example.org/a b&lt;c&gt;.pdf](<https://example.org/a%20b%3Cc%3E.pdf>)');
  });

  it('escapes user text in HTML', () => {
    const model = hostileModel();
    const html = renderReport(analyzeFramework(model).value, model, 'html', []);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<link|<script|src=/);
  });

  it('is deterministic', () => {
    const model = hostileModel();
    const f = analyzeFramework(model).value;
    for (const format of ['md', 'html', 'json'] as const) expect(renderReport(f, model, format, [])).toBe(renderReport(f, model, format, []));
  });

  it('reports a case without framework annotations', () => {
    const model = new ModelBuilder().goal('G1').solution('Sn1').support('G1', 'Sn1').build();
    const diagnostics: Diagnostic[] = [{ code: 'GSN301', severity: 'warning', message: 'x | y', file: 'a.gsn', line: 1, column: 2, endLine: 1, endColumn: 3 }];
    const md = renderReport(null, model, 'md', diagnostics);
    expect(md).toContain('**This case uses no framework annotations**');
    expect(md).toContain('| warning | `GSN301` | a.gsn:1:2 | x \\| y |');
    expect(JSON.parse(renderReport(null, model, 'json', diagnostics))).toEqual({ framework: null, findings: diagnostics });
  });
});

describe('escaping', () => {
  it('escapes Markdown syntax and HTML', () => {
    expect(escapeText('a|b*c_d[e]`f\\g<h>&i $j$ #k\nl')).toBe('a\\|b\\*c\\_d\\[e\\]\\`f\\\\g&lt;h&gt;&amp;i \\$j\\$ \\#k l');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('command helpers', () => {
  it('takes the format from --format, else from -o, else Markdown', () => {
    expect(reportFormatFor(null, null)).toEqual({ format: 'md' });
    expect(reportFormatFor(null, '-')).toEqual({ format: 'md' });
    expect(reportFormatFor(null, 'out/review.HTML')).toEqual({ format: 'html' });
    expect(reportFormatFor(null, 'out/review.json')).toEqual({ format: 'json' });
    expect(reportFormatFor(null, 'out/review.txt')).toEqual({ format: 'md' });
    expect(reportFormatFor('json', null)).toEqual({ format: 'json' });
    expect(reportFormatFor('svg', null)).toEqual({ error: "report --format takes md, html or json, not 'svg'" });
    expect(reportFormatFor('md', 'r.html')).toEqual({ error: "report --format md does not match the output file's extension (html)" });
  });

  it('renders nothing without a model', () => {
    expect(reportFor({ model: null, diagnostics: [] }, 'md')).toBeNull();
  });
});
