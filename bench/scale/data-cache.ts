/**
 * Generated data sets kept between runs under os.tmpdir()/policy-graph-scale/<size>-<seed>-v<generator version>,
 * so a rerun of the size table skips generating (10^6 entities take about half a minute and 750 MB). A data set
 * is written to a scratch directory first and renamed when complete, so an interrupted run never leaves half of one.
 */
import { access, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generatorVersion, type WrittenDataSet, writeSyntheticDataSet } from './synthetic.js';

export type CachedDataSet = { dataDir: string; written: WrittenDataSet; generatedSeconds: number | null };

/** Where the data set of a size and seed is (or would be) kept. */
export function cacheDirOf(size: number, seed: number): string {
  return join(tmpdir(), 'policy-graph-scale', `${size}-${seed}-v${generatorVersion}`);
}

const exists = (path: string) => access(path).then(() => true, () => false);

/** The data set of a size and seed, generated now unless a complete one is cached; generatedSeconds is null when cached. */
export async function cachedDataSet(size: number, seed: number): Promise<CachedDataSet> {
  const dir = cacheDirOf(size, seed);
  const dataDir = join(dir, 'data');
  const summary = join(dir, 'written.json');
  if ((await exists(dataDir)) && (await exists(summary))) {
    return { dataDir, written: JSON.parse(await readFile(summary, 'utf8')) as WrittenDataSet, generatedSeconds: null };
  }
  const scratch = join(dir, 'data.partial');
  await rm(dir, { recursive: true, force: true });
  const started = performance.now();
  const written = await writeSyntheticDataSet(scratch, size, { seed });
  await rename(scratch, dataDir);
  await writeFile(summary, JSON.stringify(written));
  return { dataDir, written, generatedSeconds: (performance.now() - started) / 1000 };
}
