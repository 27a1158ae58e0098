/**
 * `policy-graph snapshot [--data-dir DIR] --out FILE`: loads the data set as the server does (every check, every
 * index) and writes it as one snapshot file, which `npm start -- --snapshot FILE` loads without reading, checking
 * or indexing the data files again. The data files stay the source; the snapshot records their data version.
 */
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Progress } from '../export/progress.js';
import { DataSetError, formatProblems } from '../store/problems.js';
import { writeSnapshot } from '../store/snapshot.js';
import type { PolicyStore } from '../store/store.js';

export type SnapshotOptions = { dataDir: string; out: string; load: (dir: string) => Promise<PolicyStore> };

/** Writes the snapshot and prints what it holds; 1 when the data set has problems (printed), 0 when written. */
export async function runSnapshot({ dataDir, out, load }: SnapshotOptions, progress: Progress): Promise<number> {
  let store: PolicyStore;
  try {
    store = await load(dataDir);
  } catch (error) {
    if (!(error instanceof DataSetError)) throw error;
    console.error(`${dataDir}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; no snapshot written`);
    console.error(formatProblems(error.problems));
    return 1;
  }
  const started = performance.now();
  progress.start(`writing ${out}`, 1);
  try {
    await writeSnapshot(store, out);
  } finally {
    progress.tick();
    progress.stop();
  }
  const { size } = await stat(out);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `wrote ${out}: ${store.graph.order} entities, ${store.graph.size} relations, data version ${store.info.version}, ` +
      `${(size / 2 ** 20).toFixed(1)} MB (loaded in ${seconds(store.info.loadMs)}, written in ${seconds(performance.now() - started)})`,
  );
  return 0;
}
