/**
 * `policy-graph stats [--kinds …] [--around ID --depth N] [--json]`: how many entities of each kind and relations of
 * each type the graph (or the part a filter selects) holds, and its data version.
 */
import { entityKinds } from '../model/kinds.js';
import { relationTypes } from '../model/relations.js';
import type { Progress } from '../export/progress.js';
import { ExportFilterParams, selectGraph, UnknownEntityError } from '../export/select.js';
import { DataSetError, formatProblems } from '../store/problems.js';
import { usageErrors } from './export-command.js';
import { type GraphSource, loadGraph } from './load-graph.js';

export type StatsOptions = GraphSource & { kinds?: string; around?: string; depth?: string; json?: boolean };

export async function runStats(options: StatsOptions, progress: Progress): Promise<number> {
  const filter = ExportFilterParams.safeParse({ kinds: options.kinds, around: options.around, depth: options.depth });
  if (!filter.success) {
    console.error(usageErrors(filter.error.issues));
    return 2;
  }
  try {
    const store = await loadGraph(options, progress);
    const graph = selectGraph(store.graph, filter.data);
    const kinds = Object.fromEntries(entityKinds.map((k) => [k, 0]));
    graph.forEachNode((_, e) => kinds[e.kind]!++);
    const types = Object.fromEntries(relationTypes.map((t) => [t, 0]));
    graph.forEachEdge((_, r) => types[r.type]!++);
    const { version, files, loadMs } = store.info;
    const source = options.graphFile ?? options.dataDir;
    if (options.json) {
      console.log(JSON.stringify({ dataVersion: version, source, files, entities: graph.order, relations: graph.size, kinds, relationTypes: types }, null, 2));
      return 0;
    }
    const rows = (counts: Record<string, number>) => Object.entries(counts).map(([name, n]) => `  ${name.padEnd(16)}${String(n).padStart(8)}`);
    console.log(`data version ${version}: ${source} (${files} file${files === 1 ? '' : 's'}, loaded in ${(loadMs / 1000).toFixed(1)} s)`);
    console.log([`entities${String(graph.order).padStart(18)}`, ...rows(kinds), `relations${String(graph.size).padStart(17)}`, ...rows(types)].join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof UnknownEntityError) {
      console.error(`error: --around: ${error.message}`);
      return 2;
    }
    if (!(error instanceof DataSetError)) throw error;
    console.error(`${options.graphFile ?? options.dataDir}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`);
    console.error(formatProblems(error.problems));
    return 1;
  }
}
