/**
 * The ways the size table can load a data set, each one small function from the data directory to a store.
 * `files` is the loader the server uses today (read every YAML/JSON file, validate, build the indexes).
 * A prebuilt snapshot is the next strategy to add here, once it exists in src/store.
 */
import { loadStore } from '../../src/store/load.js';
import type { PolicyStore } from '../../src/store/store.js';

export type LoadStrategy = (dataDir: string) => Promise<PolicyStore>;

export const loadStrategies = {
  /** The data files as the server reads them: parse, validate against the model, assemble, derive the indexes. */
  files: (dataDir) => loadStore(dataDir),
} satisfies Record<string, LoadStrategy>;

export type LoadStrategyName = keyof typeof loadStrategies;

/** The strategy of that name, or an error listing the known ones. */
export function loadStrategyNamed(name: string): LoadStrategyName {
  if (name in loadStrategies) return name as LoadStrategyName;
  throw new Error(`unknown load strategy "${name}"; known: ${Object.keys(loadStrategies).join(', ')}`);
}
