// The header lines: what the numbers were measured on.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const REPO = new URL('..', import.meta.url);

// Read from node_modules directly: some packages do not export their package.json.
function versionOf(pkg) {
  try {
    return JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, REPO), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** The 1-minute load average, to show whether something else was using the CPUs. */
export function loadLine(when) {
  const [one] = os.loadavg();
  const cores = os.cpus().length;
  const busy = one > cores * 0.5 ? ' (other work was running: expect noisy numbers)' : '';
  return `- Load average (1 min) ${when}: ${one.toFixed(2)} on ${cores} CPUs${busy}`;
}

export async function describeMachine() {
  const cpus = os.cpus();
  const models = [...new Set(cpus.map((c) => c.model.trim()))].join(', ') || 'unknown CPU';
  let graphviz = 'unknown';
  try {
    const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
    graphviz = (await Graphviz.load()).version();
  } catch {
    // reported as unknown
  }
  return [
    `- Node ${process.version} on ${os.type()} ${os.release()} (${os.arch()})`,
    `- CPU: ${models}, ${cpus.length} logical CPU${cpus.length === 1 ? '' : 's'}`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB total`,
    loadLine('at start'),
    `- gsnc ${require('../package.json').version}, elkjs ${versionOf('elkjs')}, Graphviz ${graphviz} (@hpcc-js/wasm-graphviz ${versionOf('@hpcc-js/wasm-graphviz')})`,
  ];
}
