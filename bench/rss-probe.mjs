// Preloaded into every timed child process (`node --import bench/rss-probe.mjs ...`): on exit,
// writes the process's peak resident set size (bytes) to the file named by GSNC_BENCH_RSS_FILE.
// Costs one exit listener; the timed program is otherwise untouched.
import { writeFileSync } from 'node:fs';

const file = process.env.GSNC_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
    } catch {
      // no number rather than a changed exit status
    }
  });
}
