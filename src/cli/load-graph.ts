/**
 * The graph the `export` and `stats` commands read: a data directory (checked as the server checks it) or a native
 * JSON export (`--graph FILE`, checked entity by entity as `importNativeJson` does), with its progress shown.
 *
 * A data directory is read with the loader's own steps (readDataFiles, assembleGraph, PolicyStore) rather than
 * `loadStore`: the same checks and the same refusal of a data set with any problem, but without building the
 * search index, rankings and relation index at load, which an export never reads (at 10^5 entities they take about
 * 40 s of the 80 s loadStore takes here). The store builds any of them on first use.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { importNativeJson } from '../export/native-json.js';
import type { Progress } from '../export/progress.js';
import { assembleGraph } from '../store/assemble.js';
import { DataSetError } from '../store/problems.js';
import { readDataFiles } from '../store/read-files.js';
import { PolicyStore } from '../store/store.js';

export type GraphSource = { dataDir: string; graphFile?: string | undefined };

export async function loadGraph({ dataDir, graphFile }: GraphSource, progress: Progress): Promise<PolicyStore> {
  const started = performance.now();
  try {
    if (graphFile !== undefined) {
      progress.start(`reading ${graphFile}`, 1);
      const text = await readFile(graphFile, 'utf8');
      progress.tick();
      const { graph, header } = importNativeJson(text, { file: graphFile, progress });
      const info = { version: header.dataVersion ?? 'unknown', loadedAt: new Date(), loadMs: performance.now() - started, files: 1 };
      return new PolicyStore(graph, info);
    }
    progress.start(`loading ${dataDir}: reading data files`, 3);
    const { files, problems, invalidIds, version } = await readDataFiles(dataDir);
    progress.start('loading: checking the graph', 3);
    progress.tick(1);
    const assembled = assembleGraph(files, invalidIds);
    const all = [...problems, ...assembled.problems];
    if (all.length > 0) throw new DataSetError(all);
    progress.start('loading: indexing', 3);
    progress.tick(2);
    const store = new PolicyStore(assembled.graph, { version, loadedAt: new Date(), loadMs: 0, files: files.length });
    progress.tick();
    store.info.loadMs = performance.now() - started;
    return store;
  } finally {
    progress.stop();
  }
}
