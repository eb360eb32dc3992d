// Command-line options of `npm run bench`.
//   --sizes 100,1000   element counts for the main table (default 100,1000,10000,20000)
//   --quick            sizes 100,1000 (unless --sizes), fewer repeated runs (3 at 100, 1 at 1,000)
//   100 1000           bare numbers: same as --sizes (the older form)
export const DEFAULT_SIZES = [100, 1000, 10000, 20000];
export const QUICK_SIZES = [100, 1000];

export const USAGE = `Usage: npm run bench [-- [--sizes 100,1000,...] [--quick]]
  --sizes LIST  element counts for the main table (default ${DEFAULT_SIZES.join(',')})
  --quick       sizes ${QUICK_SIZES.join(',')} unless --sizes is given; fewer repeated runs
Tables go to stdout, progress to stderr. Measures dist/ and bin/gsnc.js: run \`npm run build\` first.
`;

export function parseBenchArgs(argv) {
  const options = { sizes: null, quick: false, help: false };
  const bare = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--sizes' || arg.startsWith('--sizes=')) {
      const value = arg === '--sizes' ? argv[++i] : arg.slice('--sizes='.length);
      options.sizes = parseSizes(value);
    } else if (/^\d[\d_]*$/.test(arg)) bare.push(...parseSizes(arg));
    else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  if (!options.sizes && bare.length > 0) options.sizes = bare;
  if (!options.sizes) options.sizes = options.quick ? QUICK_SIZES : DEFAULT_SIZES;
  // Repetitions of whole-process runs: a median for small cases, one run for big ones.
  options.runsFor = (count) => {
    if (count <= 200) return options.quick ? 3 : 5;
    if (count <= 2000) return options.quick ? 1 : 3;
    return 1;
  };
  return options;
}

function parseSizes(value) {
  const sizes = String(value ?? '')
    .split(',')
    .map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`--sizes wants a comma-separated list of positive integers, got "${value}"\n${USAGE}`);
  }
  return sizes;
}
