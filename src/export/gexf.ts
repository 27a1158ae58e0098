/**
 * GEXF 1.3 for Gephi, written by graphology-gexf. Each node's id is the entity id and its label the Chinese name;
 * its kind and every other field are node attributes (`kind`, `nameEn`, `value`, `unit`, `normalizedValue`,
 * `periodStart` …). Each edge's id is the relation key, its kind (Gephi's edge type) and label the relation type,
 * also the attribute `type`, beside `role`, `amount`, `implied`, `note` and `derived`. Lists (`aliases`,
 * `subjects`, citations as `citationSources` and `citationSpans`, parallel) are JSON arrays in a string: the
 * writer's list syntax splits unquoted items at commas, which Chinese spans contain. Text is UTF-8, Chinese
 * untouched. The data version and filter are in <meta><description>.
 */
import gexf from 'graphology-gexf';
import type { PolicyGraph } from '../store/graph.js';
import { flatRecord, graphFileColumns } from './columns.js';
import { type Progress, silent, ticker } from './progress.js';

export type GexfOptions = { dataVersion: string; description?: string };

export function* writeGexf(graph: PolicyGraph, { dataVersion, description }: GexfOptions, progress: Progress = silent): Generator<string> {
  const { nodes: nodeColumns, edges: edgeColumns } = graphFileColumns();
  // graphology-gexf writes the graph's attributes as <meta>: say where the file comes from.
  const meta = graph.copy();
  meta.replaceAttributes({ creator: 'policy-graph', description: description ?? `policy graph, data version ${dataVersion}` } as never);
  // graphology-gexf formats every element first, then writes the XML: the bar follows the first part, then
  // shows a phase of its own while the XML is written.
  const total = graph.order + graph.size;
  progress.start('formatting entities and relations', total);
  if (total === 0) progress.start('writing GEXF', 1);
  const ticks = ticker(progress);
  let formatted = 0;
  const elementFormatted = () => {
    ticks.tick();
    if (++formatted === total) {
      ticks.flush();
      progress.start('writing GEXF', 1);
    }
  };
  const text = gexf.write(meta, {
    version: '1.3',
    formatNode: (_key, e) => {
      elementFormatted();
      return { label: e.name, attributes: flatRecord(e, nodeColumns, { lists: 'json' }) };
    },
    formatEdge: (_key, r) => {
      elementFormatted();
      return { label: r.type, kind: r.type, attributes: flatRecord(r, edgeColumns, { lists: 'json' }) };
    },
  });
  progress.tick();
  yield text;
}
