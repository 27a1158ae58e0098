/**
 * Synthetic policy graphs of any size that the loader accepts with zero problems: every kind and every relation
 * type of the model, Chinese names built from real policy vocabulary, figures with units, ranges and periods, and
 * the shape of real data (hub agencies and regions, many policies and figures, about five relations an entity).
 * Deterministic: one seed gives one data set. Generated part by part, so a million entities never sit in memory
 * at once. Used by bench/scale (the size table), by the 10^5-entity export test, and by write-synthetic.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityKind } from '../../src/model/kinds.js';
import { seededRandom } from './random.js';
import { Facts, type Item, type KindCounts } from './synthetic-facts.js';
import { makers } from './synthetic-kinds.js';

/** Bumped whenever the same size and seed would give different data: the benchmark's cache is keyed by it. */
export const generatorVersion = 2;

export type SyntheticOptions = { seed?: number; perFile?: number };
export type SyntheticFile = { source: string; entities: Item[]; relations: Item[] };

/** Shares of the entities by kind, besides the sources; figures are what the rest leaves. */
const shares = { REGION: 0.02, AGENCY: 0.01, TARGET_GROUP: 0.005, PROGRAM: 0.04, ORGANIZATION: 0.06, EVENT: 0.025, POLICY: 0.3 } as const;

/** How many entities of each kind a data set of `total` entities has: at least one of each, `total` in all. */
export function syntheticCounts(total: number): KindCounts {
  if (!Number.isInteger(total) || total < 20) throw new RangeError(`a synthetic data set needs a whole number of at least 20 entities, got ${total}`);
  const sources = Math.max(1, Math.floor(total / 50_000));
  const counts = Object.fromEntries(Object.entries(shares).map(([kind, share]) => [kind, Math.max(1, Math.floor(total * share))]));
  const metrics = total - sources - Object.values(counts).reduce((a, b) => a + b, 0);
  return { ...counts, METRIC: metrics, SOURCE: sources } as Record<EntityKind, number>;
}

const sourceId = (k: number) => `source:syn-${k}`;

/**
 * The data set's files in order, each made when asked for: `sources.json`, then `part-0000.json` … with `perFile`
 * entities each and the relations those entities own. A part declares one of the sources as its default.
 */
export function* syntheticParts(total: number, { seed = 1, perFile = 5000 }: SyntheticOptions = {}): Generator<[name: string, file: SyntheticFile]> {
  const counts = syntheticCounts(total);
  const sources = Array.from({ length: counts.SOURCE }, (_, k) => ({
    id: sourceId(k), kind: 'SOURCE', name: `合成数据来源${k}`, nameEn: `Synthetic source ${k}`, publisher: '合成数据',
  }));
  yield ['sources.json', { source: sourceId(0), entities: sources, relations: [] }];
  const facts = new Facts(seededRandom(seed), counts);
  let part: SyntheticFile = { source: sourceId(0), entities: [], relations: [] };
  let parts = 0;
  const name = () => `part-${String(parts).padStart(4, '0')}.json`;
  for (const [kind, make] of makers()) {
    for (let i = 0; i < counts[kind]; i++) {
      const { entity, relations } = make(facts, i);
      part.entities.push(entity);
      for (const r of relations) part.relations.push(r);
      if (part.entities.length === perFile) {
        yield [name(), part];
        parts++;
        part = { source: sourceId(parts % counts.SOURCE), entities: [], relations: [] };
      }
    }
  }
  if (part.entities.length > 0) yield [name(), part];
}

/** What a written data set holds. */
export type WrittenDataSet = { files: number; entities: number; statedRelations: number; bytes: number };

/** Writes a generated data set to `dir` as JSON files, one part at a time (memory stays that of one part). */
export async function writeSyntheticDataSet(dir: string, total: number, options?: SyntheticOptions): Promise<WrittenDataSet> {
  await mkdir(dir, { recursive: true });
  const written: WrittenDataSet = { files: 0, entities: 0, statedRelations: 0, bytes: 0 };
  for (const [name, file] of syntheticParts(total, options)) {
    const text = JSON.stringify(file);
    await writeFile(join(dir, name), text);
    written.files++;
    written.entities += file.entities.length;
    written.statedRelations += file.relations.length;
    written.bytes += Buffer.byteLength(text);
  }
  return written;
}

/**
 * The generated data set as a graph, built as the loader builds one (the model's schemas, then assembleGraph with
 * its checks) but without reading files: the big-export test needs the graph, not the file parser's time.
 */
export async function syntheticGraph(total: number, options?: SyntheticOptions) {
  const { Entity } = await import('../../src/model/entity.js');
  const { Relation } = await import('../../src/model/relations.js');
  const { assembleGraph } = await import('../../src/store/assemble.js');
  const files = [...syntheticParts(total, options)].map(([file, f]) => ({
    file,
    source: f.source,
    entities: f.entities.map((e, index) => ({ index, value: Entity.parse(e) })),
    relations: f.relations.map((r, index) => ({ index, value: Relation.parse(r) })),
    lineOf: () => undefined,
  }));
  const { graph, problems } = assembleGraph(files);
  if (problems.length > 0) throw new Error(`the generated data set has problems: ${problems.slice(0, 3).map((p) => p.message).join('; ')}`);
  return graph;
}
