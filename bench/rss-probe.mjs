// Preloaded into every timed child process (`node --import bench/rss-probe.mjs ...`): on exit,
// writes the process's peak resident set size (bytes) and its CPU time (user + system, all
// threads, microseconds) to the file named by GSNC_BENCH_RSS_FILE, as "rss cpu".
// Costs one exit listener; the timed program is otherwise untouched.
import { writeFileSync } from 'node:fs';

const file = process.env.GSNC_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      writeFileSync(file, `${usage.maxRSS * 1024} ${usage.userCPUTime + usage.systemCPUTime}`);
    } catch {
      // no number rather than a changed exit status
    }
  });
}
