// Child process that runs one benchmark task in a worker thread with the same large stack the
// CLI gives its compiler (resourceLimits.stackSizeMb 256), and prints the task's result as JSON.
// Usage: node bench/worker-host.mjs stages|throughput|watch '<json workerData>'
import { Worker } from 'node:worker_threads';

const TASKS = new Set(['stages', 'throughput', 'watch']);
const [task, data] = process.argv.slice(2);
if (!TASKS.has(task)) {
  process.stderr.write(`unknown task ${task}\n`);
  process.exit(2);
}
const worker = new Worker(new URL(`./${task}.mjs`, import.meta.url), {
  workerData: JSON.parse(data ?? '{}'),
  resourceLimits: { stackSizeMb: 256 },
});
worker.once('message', (result) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
});
worker.once('error', (error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
