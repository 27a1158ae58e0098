import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { relationKey } from '../model/relations.js';
import { derivations } from './derivations.js';
import { createPolicyGraph, type EntityNode, type RelationEdge } from './graph.js';
import { relationIndex, relationIndexOf } from './relation-index.js';
import { openSnapshot, SnapshotError, SnapshotWriter } from './snapshot-file.js';
import { PolicyStore } from './store.js';

/**
 * A prebuilt store in one file, for data sets too large to read, validate and index at every start: a data set
 * is checked by loadStore once (the YAML/JSON files stay the source), written here, and a server loads the
 * snapshot instead, skipping parsing, schema checks, assembly and the costly derivations.
 *
 * Sections (snapshot-file.ts holds the container): `entities.N` and `relations.N`, JSON arrays of up to
 * 50,000 items in data order (a relation's `from` and `to` as entity numbers, its key left out: it is derived);
 * then `derived:NAME`, v8-serialized, for each derivation that says how to save itself (search index, PageRanks).
 */
const chunk = 50_000;

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

/**
 * Writes the store (as loadStore built it, with its derivations) to `file`, replacing it only once complete.
 * `itemsPerSection` bounds each JSON section (tests make it small to exercise many sections).
 */
export async function writeSnapshot(store: PolicyStore, file: string, { itemsPerSection = chunk } = {}): Promise<void> {
  const { graph } = store;
  const index = store.derived(relationIndex);
  const writer = await SnapshotWriter.create(file);
  try {
    for (let at = 0; at < index.ids.length; at += itemsPerSection) {
      await writer.section(`entities.${at / itemsPerSection}`, json(index.ids.slice(at, at + itemsPerSection).map((id) => graph.getNodeAttributes(id))));
    }
    for (let at = 0; at < index.relations.length; at += itemsPerSection) {
      const relations = index.relations.slice(at, at + itemsPerSection).map((r, i) => ({ ...r, from: index.from[at + i], to: index.to[at + i], key: 0 }));
      await writer.section(`relations.${at / itemsPerSection}`, json(relations));
    }
    for (const derivation of derivations) {
      if (derivation.snapshot) await writer.section(`derived:${derivation.name}`, serialize(derivation.snapshot.save(store.derived(derivation), store)));
    }
    const { version, files } = store.info;
    await writer.finish({ dataVersion: version, files, created: new Date().toISOString(), entities: graph.order, relations: graph.size });
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/**
 * Loads a store from a snapshot written by writeSnapshot: the same entities, relations, indexes and derived
 * structures as loadStore gave, with `info.version` the data version of the files it was made from. Every
 * section is checked against its checksum as it is read; a missing, truncated, corrupt or foreign file, or one
 * of another format, is refused with a SnapshotError naming the file and the problem: never a partial store.
 */
export async function loadSnapshot(file: string): Promise<PolicyStore> {
  const started = performance.now();
  const reader = await openSnapshot(file);
  try {
    const { header } = reader;
    const graph = createPolicyGraph();
    const ids: string[] = [];
    const relations: RelationEdge[] = [];
    const from = new Int32Array(header.relations);
    const to = new Int32Array(header.relations);
    const saved = new Map<string, Buffer>();
    // Citations name a handful of sources: one string each, not one per citation.
    const sources = new Map<string, string>();
    const intern = (citations: { source: string }[]) => {
      for (const c of citations) c.source = sources.get(c.source) ?? (sources.set(c.source, c.source), c.source);
    };
    for await (const { name, bytes } of reader.sections()) {
      try {
        if (name.startsWith('entities.')) {
          for (const entity of JSON.parse(bytes.toString('utf8')) as EntityNode[]) {
            intern(entity.citations);
            graph.addNode(entity.id, entity);
            ids.push(entity.id);
          }
        } else if (name.startsWith('relations.')) {
          for (const stored of JSON.parse(bytes.toString('utf8')) as (Omit<RelationEdge, 'from' | 'to'> & { from: number; to: number })[]) {
            const r = relations.length;
            [from[r], to[r]] = [stored.from, stored.to];
            const relation = Object.assign(stored, { from: ids[stored.from]!, to: ids[stored.to]! }) as RelationEdge;
            relation.key = relationKey(relation);
            intern(relation.citations);
            graph.addDirectedEdgeWithKey(relation.key, relation.from, relation.to, relation);
            relations.push(relation);
          }
        } else if (name.startsWith('derived:')) saved.set(name.slice('derived:'.length), bytes);
        else throw new Error('unknown section');
      } catch (error) {
        throw new SnapshotError(file, `section ${name} cannot be read: ${(error as Error).message}`);
      }
    }
    if (graph.order !== header.entities || graph.size !== header.relations) {
      throw new SnapshotError(file, `holds ${graph.order} entities and ${graph.size} relations, but its header says ${header.entities} and ${header.relations}`);
    }
    const store = new PolicyStore(graph, { version: header.dataVersion, loadedAt: new Date(), loadMs: 0, files: header.files });
    store.provide(relationIndex, relationIndexOf(store, ids, relations, from, to));
    for (const derivation of derivations) {
      const data = saved.get(derivation.name);
      if (!data || !derivation.snapshot) store.derived(derivation);
      else {
        try {
          store.provide(derivation, derivation.snapshot.restore(store, deserialize(data)));
        } catch (error) {
          throw new SnapshotError(file, `the saved ${derivation.name} cannot be restored: ${(error as Error).message}`);
        }
      }
    }
    store.info.loadMs = performance.now() - started;
    return store;
  } finally {
    await reader.close();
  }
}
