// Post-install smoke test: the BUILT package (dist/ and bin/) renders one case, through the
// library and through the CLI, and the SVG looks right. Needs nothing but the runtime
// dependencies (no dev tools), so it can run right after `npm ci` or `npm install`.
// Usage: node scripts/smoke.mjs   (exit 0 and one line on success, 1 and the reason otherwise)
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const CASE = `module Smoke "Post-install smoke test"
goal G1 "The system is **acceptably safe** to operate" {
  context C1 "Operating environment: indoor, supervised"
  strategy S1 "Argue over each identified hazard" {
    goal G2 "Hazard H1 (pinch point) is mitigated" {
      solution Sn1 "Guard interlock test report" @url("https://example.org/tr-1.pdf")
    }
    undeveloped goal G3 "Hazard H2 (\u00fcberhitzung, \u8fc7\u70ed) is mitigated"
  }
}
`;

const problems = [];
function checkSvg(svg, where) {
  if (typeof svg !== 'string' || !svg.startsWith('<svg') || !svg.trimEnd().endsWith('</svg>')) {
    problems.push(`${where}: not an SVG document`);
    return;
  }
  for (const id of ['G1', 'C1', 'S1', 'G2', 'Sn1', 'G3']) {
    if (!svg.includes(`id="gsn-node-${id}"`)) problems.push(`${where}: element ${id} is not drawn`);
  }
  for (const cls of ['gsn-goal', 'gsn-context', 'gsn-strategy', 'gsn-solution', 'gsn-undeveloped', 'gsn-supported-by', 'gsn-in-context-of']) {
    if (!svg.includes(cls)) problems.push(`${where}: no ${cls}`);
  }
  if (!svg.includes('href="https://example.org/tr-1.pdf"')) problems.push(`${where}: the @url link is missing`);
  if (!svg.includes('\u00fcberhitzung') || !svg.includes('\u8fc7\u70ed')) problems.push(`${where}: non-ASCII text is missing`);
  if (/<script|<foreignObject|\son\w+=/i.test(svg)) problems.push(`${where}: not inert`);
  const opened = (svg.match(/<g[\s>]/g) ?? []).length;
  const closed = (svg.match(/<\/g>/g) ?? []).length;
  if (opened !== closed) problems.push(`${where}: ${opened} <g> opened, ${closed} closed`);
}

try {
  const { compile } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
  const result = await compile(CASE, { file: 'smoke.gsn' });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) problems.push(`library: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  else checkSvg(result.svg, 'library');

  const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'gsnc.js'), 'build', '-', '-o', '-'], { input: CASE, encoding: 'utf8' });
  if (cli.status !== 0) problems.push(`cli: exit ${cli.status}: ${cli.stderr.trim()}`);
  else {
    checkSvg(cli.stdout, 'cli');
    if (cli.stdout !== result.svg) problems.push('cli: output differs from the library');
  }
} catch (error) {
  problems.push(`cannot run the built package: ${error instanceof Error ? error.message : String(error)}`);
}

if (problems.length > 0) {
  process.stderr.write(`gsnc smoke test FAILED:\n  ${problems.join('\n  ')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write('gsnc smoke test passed: the built library and CLI render a case\n');
}
