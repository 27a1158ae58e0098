import { performance } from 'node:perf_hooks';
import { assembleGraph } from './assemble.js';
import { DataSetError } from './problems.js';
import { readDataFiles } from './read-files.js';
import { derivations } from './derivations.js';
import { PolicyStore } from './store.js';

/**
 * Reads, validates and indexes the data set in `dir`. Either the whole data set is valid and a store is
 * returned, or a DataSetError carrying every problem found is thrown: never a partial graph.
 */
export async function loadStore(dir: string): Promise<PolicyStore> {
  const started = performance.now();
  const { files, problems, invalidIds, version } = await readDataFiles(dir);
  const assembled = assembleGraph(files, invalidIds);
  const all = [...problems, ...assembled.problems];
  if (all.length > 0) throw new DataSetError(all);
  const info = { version, loadedAt: new Date(), loadMs: 0, files: files.length };
  const store = new PolicyStore(assembled.graph, info);
  for (const derivation of derivations) store.derived(derivation);
  info.loadMs = performance.now() - started;
  return store;
}
