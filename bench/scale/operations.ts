/**
 * The in-process operations the size table measures, each a plain call of the store or one of its algorithms,
 * rotating through many ids, names, words and entity pairs so that no single answer is measured alone.
 * Shortest-path pairs are chosen by breadth-first search, so each pair's hop count is known, from 1 up to 6.
 */
import { neighborhood } from '../../src/store/neighborhood.js';
import { pathLimits, shortestPath } from '../../src/store/paths.js';
import { searchIndex } from '../../src/store/search-index.js';
import type { PolicyStore } from '../../src/store/store.js';
import { Walk } from '../../src/store/walk.js';
import { seededRandom, uniform, type Random } from './random.js';
import { searchWords } from './vocabulary.js';

/** An operation of the size table: what it is, and one call of it (the next input of its rotation each time). */
export type ScaleOperation = { key: OperationKey; title: string; call: () => unknown };

export const operationKeys = ['node', 'lookup', 'search', 'neighborhood', 'path'] as const;
export type OperationKey = (typeof operationKeys)[number];

/** Two entities and the number of hops of the shortest path between them (walking relations either way). */
export type PathPair = { from: string; to: string; hops: number };

/** Options of the rotations: how many inputs each operation cycles through, how many BFS starts pick path pairs. */
export type RotationOptions = { seed?: number; inputs?: number; pathStarts?: number };

/** `count` entity ids picked uniformly (with repeats), so kinds appear as often as the data set has them. */
function sampleIds(store: PolicyStore, random: Random, count: number): string[] {
  const all = store.entities();
  return Array.from({ length: count }, () => all[uniform(random, all.length)]!.id);
}

/**
 * Pairs at known distances: from each of `starts` random entities, a breadth-first search over the walk
 * that shortestPath uses (every relation, either direction) to the path ceiling of 6 hops, and one entity picked
 * at random at each distance reached. Each search may visit most of the graph at 10^6 entities (about a second).
 */
export function pathPairs(store: PolicyStore, random: Random, starts: number): PathPair[] {
  const walk = new Walk(store, 'BOTH');
  const { ids, numberOf } = walk.index;
  const maxHops = pathLimits.maxHops.ceiling;
  const pairs: PathPair[] = [];
  for (const from of sampleIds(store, random, starts)) {
    const picked: (string | undefined)[] = [];
    const depth = new Int8Array(ids.length).fill(-1);
    let frontier = [numberOf(from)!];
    depth[frontier[0]!] = 0;
    for (let hops = 1; hops <= maxHops && frontier.length > 0; hops++) {
      const next: number[] = [];
      let seen = 0;
      for (const entity of frontier) {
        walk.forEachNext(entity, (other) => {
          if (depth[other] !== -1) return;
          depth[other] = hops;
          next.push(other);
          // Reservoir sampling: each entity at this distance ends up picked with equal chance.
          if (uniform(random, ++seen) === 0) picked[hops] = ids[other];
        });
      }
      frontier = next;
    }
    picked.forEach((to, hops) => to !== undefined && pairs.push({ from, to, hops }));
  }
  return pairs;
}

/** A function that returns the items one after another, starting again after the last. */
function rotation<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('an operation needs at least one input to rotate through');
  let next = 0;
  return () => items[next++ % items.length]!;
}

/** The operations over a loaded store, with their rotations and the path pairs they use. */
export function scaleOperations(store: PolicyStore, { seed = 1, inputs = 1000, pathStarts = 10 }: RotationOptions = {}) {
  const random = seededRandom(seed);
  const nodeId = rotation(sampleIds(store, random, inputs));
  const name = rotation(
    sampleIds(store, random, inputs).map((id, k) => {
      const e = store.entity(id)!;
      return [e.name, e.nameEn, ...e.aliases][k % (2 + e.aliases.length)]!;
    }),
  );
  const word = rotation(searchWords);
  const center = rotation(sampleIds(store, random, inputs));
  const pairs = pathPairs(store, random, pathStarts);
  const pair = rotation(pairs);
  const search = store.derived(searchIndex);
  const operations: ScaleOperation[] = [
    { key: 'node', title: 'node by id', call: () => store.entity(nodeId()) },
    { key: 'lookup', title: 'lookup by name', call: () => store.lookup(name()) },
    { key: 'search', title: 'search (Chinese)', call: () => search.search(word()) },
    { key: 'neighborhood', title: 'neighbourhood depth 2', call: () => neighborhood(store, center(), { depth: 2 }) },
    {
      key: 'path',
      title: 'shortest path ≤ 6 hops',
      call: () => {
        const { from, to } = pair();
        return shortestPath(store, from, to, { maxHops: pathLimits.maxHops.ceiling });
      },
    },
  ];
  return { operations, pairs };
}
