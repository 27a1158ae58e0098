/**
 * The child process of `npm run bench:scale` for one size, so that the memory it reports is that size's alone:
 * run as `node --expose-gc --import tsx bench/scale/child.ts '<job JSON>'`. Progress notes go to stderr, one a
 * line, and an error as one line starting `failed:`; the measurement goes to stdout as one line of JSON, the only
 * thing this process prints there.
 */
import { loadStrategyNamed } from './load-strategies.js';
import { type BenchBudget, measureSize } from './measure.js';

/** What the parent asks the child to measure. */
export type ChildJob = { dataDir: string; strategy: string; budget: BenchBudget; seed: number };

const job = JSON.parse(process.argv[2] ?? 'null') as ChildJob | null;
if (!job?.dataDir) {
  console.error('usage: node --expose-gc --import tsx bench/scale/child.ts \'{"dataDir":…,"strategy":"files","budget":…,"seed":1}\'');
  process.exit(2);
}
const started = Date.now();
const progress = (note: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${note}`);
try {
  const measured = await measureSize(job.dataDir, loadStrategyNamed(job.strategy), job.budget, { seed: job.seed }, progress);
  process.stdout.write(`${JSON.stringify(measured)}\n`);
} catch (e) {
  // One line the parent can show in the table: the error's name and the first lines of its message.
  const error = e as Error;
  console.error(`failed: ${error.name}: ${error.message.split('\n').slice(0, 4).join(' ')}`);
  process.exitCode = 1;
}
