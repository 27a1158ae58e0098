/**
 * Neo4j bulk-import CSV for `neo4j-admin database import full`: one nodes file per kind and one relationships
 * file per relation type, with neo4j-admin's header conventions, and a README.txt saying how to load them.
 *
 *   nodes-POLICY.csv            id:ID(Entity),:LABEL,kind,name,nameEn,aliases:string[],…,citationSpans:string[]
 *                               policy:x,Entity;Policy,POLICY,…
 *   relationships-ISSUED_BY.csv :START_ID(Entity),:END_ID(Entity),:TYPE,note,implied:boolean,role,key,derived:boolean,…
 *
 * Columns come from the model (columns.ts) with their types (long, double, boolean, date, datetime, string[]);
 * citations are two parallel arrays, citationSources[i] the source of citationSpans[i]. Arrays are separated by
 * ";" unless a value contains one, then by the first of | ¦ ^ that none contains (README.txt names it).
 */
import { stringify } from 'csv-stringify/sync';
import { type EntityKind, entityKinds, kindInfo } from '../model/kinds.js';
import { type RelationType, relationTypes } from '../model/relations.js';
import type { EntityNode, PolicyGraph, RelationEdge } from '../store/graph.js';
import { type Column, columnValue, entityColumns, type FlatValue, relationColumns } from './columns.js';
import { type Progress, silent, ticker } from './progress.js';

/** A file of a multi-file export: its name and its text, chunk by chunk. */
export type ExportFile = { name: string; chunks: () => Iterable<string> };

const delimiters = [';', '|', '¦', '^'];

function header(column: Column): string {
  return column.type === 'string' ? column.name : `${column.name}:${column.type}`;
}

function cell(value: FlatValue | undefined, delimiter: string): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(delimiter) : String(value);
}

/** The array delimiter: ";" unless some list value holds one. */
function arrayDelimiter(graph: PolicyGraph): string {
  const used = new Set<string>();
  const scan = (record: object, columns: Column[]) => {
    for (const c of columns) {
      if (c.type !== 'string[]') continue;
      const v = columnValue(record, c) as string[] | undefined;
      for (const d of delimiters) if (v?.some((s) => s.includes(d))) used.add(d);
    }
  };
  graph.forEachNode((_, e) => scan(e, entityColumns(e.kind)));
  graph.forEachEdge((_, r) => scan(r, relationColumns(r.type)));
  const free = delimiters.find((d) => !used.has(d));
  if (!free) throw new Error(`every array delimiter (${delimiters.join(' ')}) occurs in some list value: cannot write Neo4j arrays`);
  return free;
}

function* rows<T>(items: T[], toRow: (item: T) => string[], progress: Progress): Generator<string> {
  const ticks = ticker(progress);
  for (let i = 0; i < items.length; i += 1000) {
    const batch = items.slice(i, i + 1000).map((item) => {
      ticks.tick();
      return toRow(item);
    });
    yield stringify(batch);
  }
  ticks.flush();
}

export function neo4jFiles(graph: PolicyGraph, { dataVersion }: { dataVersion: string }, progress: Progress = silent): ExportFile[] {
  const delimiter = arrayDelimiter(graph);
  const byKind = new Map<EntityKind, EntityNode[]>(entityKinds.map((k) => [k, []]));
  graph.forEachNode((_, e) => byKind.get(e.kind)!.push(e));
  const byType = new Map<RelationType, RelationEdge[]>(relationTypes.map((t) => [t, []]));
  graph.forEachEdge((_, r) => byType.get(r.type)!.push(r));

  const nodeFiles = [...byKind].filter(([, list]) => list.length > 0).map(([kind, list]): ExportFile => {
    const columns = entityColumns(kind).filter((c) => c.name !== 'id');
    const labels = ['Entity', kindInfo[kind].typeName].join(delimiter);
    return {
      name: `nodes-${kind}.csv`,
      *chunks() {
        progress.start(`${kind} entities`, list.length);
        yield stringify([['id:ID(Entity)', ':LABEL', ...columns.map(header)]]);
        yield* rows(list, (e) => [e.id, labels, ...columns.map((c) => cell(columnValue(e, c), delimiter))], progress);
      },
    };
  });
  const relationFiles = [...byType].filter(([, list]) => list.length > 0).map(([type, list]): ExportFile => {
    const columns = relationColumns(type).filter((c) => !['type', 'from', 'to'].includes(c.name));
    return {
      name: `relationships-${type}.csv`,
      *chunks() {
        progress.start(`${type} relations`, list.length);
        yield stringify([[':START_ID(Entity)', ':END_ID(Entity)', ':TYPE', ...columns.map(header)]]);
        yield* rows(list, (r) => [r.from, r.to, r.type, ...columns.map((c) => cell(columnValue(r, c), delimiter))], progress);
      },
    };
  });
  const readme = loadingReadme({
    dataVersion,
    delimiter,
    entities: graph.order,
    relations: graph.size,
    nodeFiles: nodeFiles.map((f) => f.name),
    relationFiles: relationFiles.map((f) => f.name),
  });
  return [{ name: 'README.txt', chunks: () => [readme] }, ...nodeFiles, ...relationFiles];
}

type ReadmeFacts = { dataVersion: string; delimiter: string; entities: number; relations: number; nodeFiles: string[]; relationFiles: string[] };

function loadingReadme(f: ReadmeFacts): string {
  const args = [...f.nodeFiles.map((n) => `--nodes=${n}`), ...f.relationFiles.map((n) => `--relationships=${n}`)];
  return `Policy graph: Neo4j bulk-import files
Data version ${f.dataVersion}: ${f.entities} entities in ${f.nodeFiles.length} nodes files, ${f.relations} relations in ${f.relationFiles.length} relationships files.

Each entity is a node labelled Entity and its kind (Policy, Agency, Metric ...), with the properties of the
model: id (the ID column, in the id space Entity), kind, name (Chinese), nameEn, aliases ... Each relation is a
relationship of its type (ISSUED_BY, FUNDS ...) from one entity id to another, with its note, implied, role,
amount, key and derived properties. Lists are string arrays separated by "${f.delimiter}". Citations are two
parallel arrays: citationSources[i] is the source (an entity id) that citationSpans[i] quotes.

Load them into a new or empty database with neo4j-admin (Neo4j 5), from the directory that holds these files
(or give their full paths), with the database stopped:

  neo4j-admin database import full neo4j \\
${args.map((a) => `    ${a} \\`).join('\n')}
    --array-delimiter="${f.delimiter}" --multiline-fields=true --overwrite-destination

(--overwrite-destination replaces the database "neo4j"; name another database to keep it, then CREATE
DATABASE that name.) Start the database, then make ids unique and fast to look up:

  CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;

Then, for example:

  MATCH (p:Policy)-[r:ISSUED_BY]->(a:Agency) RETURN p.name, r.role, a.name LIMIT 10;
`;
}
