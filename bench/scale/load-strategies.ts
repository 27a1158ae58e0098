/**
 * The ways the size table can load a data set, each one small function from the data directory to a store:
 * `files`, the data files as the server reads them by default (parse, validate, assemble, index), and `snapshot`,
 * the prebuilt snapshot of those files (`policy-graph snapshot`, served with --snapshot), which run.ts builds
 * beside the cached data set before the measuring child loads it.
 */
import { dirname, join } from 'node:path';
import { loadStore } from '../../src/store/load.js';
import { snapshotFormat } from '../../src/store/snapshot-file.js';
import { loadSnapshot } from '../../src/store/snapshot.js';
import type { PolicyStore } from '../../src/store/store.js';

export type LoadStrategy = (dataDir: string) => Promise<PolicyStore>;

/** Where the snapshot of a cached data set is kept: beside its data directory, named by the snapshot format. */
export const snapshotFileOf = (dataDir: string) => join(dirname(dataDir), `data.v${snapshotFormat}.snapshot`);

export const loadStrategies = {
  /** The data files as the server reads them: parse, validate against the model, assemble, derive the indexes. */
  files: (dataDir) => loadStore(dataDir),
  /** The snapshot built from those files: the store and its indexes read back, nothing checked or derived again. */
  snapshot: (dataDir) => loadSnapshot(snapshotFileOf(dataDir)),
} satisfies Record<string, LoadStrategy>;

export type LoadStrategyName = keyof typeof loadStrategies;

/** The strategy of that name, or an error listing the known ones. */
export function loadStrategyNamed(name: string): LoadStrategyName {
  if (name in loadStrategies) return name as LoadStrategyName;
  throw new Error(`unknown load strategy "${name}"; known: ${Object.keys(loadStrategies).join(', ')}`);
}
