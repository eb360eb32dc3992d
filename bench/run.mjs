// Prints per-stage times for generated cases. Usage: npm run bench [-- 100 1000 10000]
// Build first (npm ci or npm run build): it measures dist/, what users run.
import { Worker } from 'node:worker_threads';
import os from 'node:os';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const counts = sizes.length > 0 ? sizes : [100, 1000, 10000];

function runOne(count) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./stages.mjs', import.meta.url), {
      workerData: { count },
      resourceLimits: { stackSizeMb: 256 },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const ms = (n) => n.toFixed(1).padStart(9);
console.log(`gsnc stage times, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}`);
console.log('| elements |  parse ms |  check ms | layout ms | render ms |  total ms | rss MB |');
console.log('|---------:|----------:|----------:|----------:|----------:|----------:|-------:|');
for (const count of counts) {
  const r = await runOne(count);
  const total = r.parse + r.check + r.layout + r.render;
  console.log(`| ${String(r.elements).padStart(8)} | ${ms(r.parse)} | ${ms(r.check)} | ${ms(r.layout)} | ${ms(r.render)} | ${ms(total)} | ${r.peakRssMb.toFixed(0).padStart(6)} |`);
}
