/**
 * `npm run bench:scale`: the size table. For each size, a synthetic data set (bench/scale/synthetic.ts, cached
 * under os.tmpdir()/policy-graph-scale), loaded in a fresh child process so the memory is that size's alone; the
 * child reports load + validation time, resident memory after load, and p50/p99 of node by id, lookup, search,
 * neighbourhood depth 2 and shortest path (tinybench, in process). Prints one table, the machine, and the issue's
 * goals at 10^6 entities with ✓/✗. A size that fails or passes its time limit shows "did not finish" and why.
 *
 *   npm run bench:scale                               10^4, 10^5, 10^6, each from the data files and from their
 *                                                     snapshot (built once, kept); 2 s per operation; 15 min per size
 *   npm run bench:scale -- --quick                    10^3 and 10^4, 0.2 s per operation: the CI smoke run (seconds;
 *                                                     fails if a size does not finish)
 *   npm run bench:scale -- --sizes 10000,100000 --strategy snapshot --time 1000 --timeout 20 --rss-limit-mb 8000
 */
import { parseArgs } from 'node:util';
import { runChild } from './child-run.js';
import { cachedDataSet } from './data-cache.js';
import { loadStrategyNamed } from './load-strategies.js';
import { ensureSnapshot } from './snapshot-build.js';
import { type BenchBudget, defaultBudget } from './measure.js';
import { formatSize, goalLines, machineLine, type SizeOutcome, sizeTable } from './table.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    seed: { type: 'string', default: '1' },
    strategy: { type: 'string', default: 'files,snapshot' },
    time: { type: 'string' },
    timeout: { type: 'string', default: '15' },
    'heap-mb': { type: 'string', default: '12000' },
    'rss-limit-mb': { type: 'string' },
  },
  strict: true,
});

/** A command-line number, or an error naming the option and what it got. */
function numberOption(name: string, text: string, { integer = false, min = 0 } = {}): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new Error(`--${name} must be ${integer ? 'a whole number' : 'a number'} of at least ${min}, got "${text}"`);
  }
  return n;
}

const sizes = (args.sizes ?? (args.quick ? '1000,10000' : '10000,100000,1000000'))
  .split(',')
  .map((s) => numberOption('sizes', s.trim(), { integer: true, min: 20 }));
const seed = numberOption('seed', args.seed, { integer: true });
const strategies = args.strategy.split(',').map((s) => loadStrategyNamed(s.trim()));
const quickBudget: BenchBudget = { time: 200, iterations: 20, warmupTime: 50, warmupIterations: 5 };
const budget: BenchBudget = { ...(args.quick ? quickBudget : defaultBudget) };
if (args.time) budget.time = numberOption('time', args.time, { min: 1 });
const limits = {
  heapMb: numberOption('heap-mb', args['heap-mb'], { integer: true, min: 256 }),
  timeoutMs: numberOption('timeout', args.timeout, { min: 0.1 }) * 60_000,
  rssLimitMb: args['rss-limit-mb'] ? numberOption('rss-limit-mb', args['rss-limit-mb'], { integer: true, min: 256 }) : null,
};

const note = (line: string) => console.error(line);
const outcomes: SizeOutcome[] = [];
for (const size of sizes) {
  const data = await cachedDataSet(size, seed);
  note(
    data.generatedSeconds === null
      ? `${formatSize(size)}: cached data set in ${data.dataDir}`
      : `${formatSize(size)}: generated ${data.written.files} files (${(data.written.bytes / 1e6).toFixed(0)} MB) in ${data.generatedSeconds.toFixed(1)} s into ${data.dataDir}`,
  );
  for (const strategy of strategies) {
    let builtSeconds: number | null = null;
    if (strategy === 'snapshot') {
      const built = await ensureSnapshot(data.dataDir, limits.heapMb, limits.timeoutMs, (line) => note(`  ${formatSize(size)} ${line}`));
      if (!built.ok) {
        outcomes.push({ size, strategy, dataBytes: data.written.bytes, finished: false, reason: built.reason, lastNote: null, peakRssBytes: null, readBytes: null, seconds: built.seconds });
        continue;
      }
      builtSeconds = built.builtSeconds;
    }
    const result = await runChild({ dataDir: data.dataDir, strategy, budget, seed }, limits, (line) => note(`  ${formatSize(size)} ${strategy} ${line}`));
    outcomes.push({ size, strategy, dataBytes: data.written.bytes, builtSeconds, ...result });
  }
}

const heading = `Size table (loaded from ${strategies.join(' and from ')}, seed ${seed}, tinybench ≥ ${budget.time} ms and ≥ ${budget.iterations} calls per operation, p50 / p99):`;
console.log(['', heading, '', sizeTable(outcomes), '', machineLine(), '', ...strategies.flatMap((strategy) => ['', `Goals at 10^6 entities (issue 6), loaded from ${strategy}:`, ...goalLines(outcomes.filter((o) => o.strategy === strategy))])].join('\n'));
// The smoke run proves the harness works: there, a size that did not finish fails it. Elsewhere it is a figure.
if (args.quick && outcomes.some((o) => !o.finished)) process.exitCode = 1;
