import { pagerank } from 'graphology-metrics/centrality/index.js';
import { type EntityKind, entityKinds } from '../model/kinds.js';
import type { RelationType } from '../model/relations.js';
import { buildCoIssuing, type CoIssuing } from './co-issuing.js';
import type { EntityNode, PolicyGraph } from './graph.js';
import type { Derivation, PolicyStore } from './store.js';

/** How central an entity is: its relations counted each once (in + out = degree), and its PageRank. */
export type EntityRanking = { inDegree: number; outDegree: number; degree: number; pagerank: number };

export const rankingMeasures = ['PAGERANK', 'DEGREE', 'IN_DEGREE', 'OUT_DEGREE'] as const;
export type RankingMeasure = (typeof rankingMeasures)[number];

/** An entity's place in a ranking: rank 1 is the highest score; equal scores share a rank (1, 2, 2, 4). */
export type RankedEntity = { entity: EntityNode; rank: number; score: number };

const score: Record<RankingMeasure, (r: EntityRanking) => number> = {
  PAGERANK: (r) => r.pagerank,
  DEGREE: (r) => r.degree,
  IN_DEGREE: (r) => r.inDegree,
  OUT_DEGREE: (r) => r.outDegree,
};

type SortKey = (store: PolicyStore, entity: EntityNode, ranking: EntityRanking) => number;
const relationCount =
  (type: RelationType, direction: 'INCOMING' | 'OUTGOING'): SortKey =>
  (store, entity) =>
    store.relations(entity.id, direction, [type]).length;
const byMeasure =
  (measure: RankingMeasure): SortKey =>
  (_store, _entity, ranking) =>
    score[measure](ranking);

/** The orders `agencies(orderBy)` offers besides data order, each a key sorted descending. */
export const agencyOrderKeys = {
  POLICIES_ISSUED: relationCount('ISSUED_BY', 'INCOMING'),
  DEGREE: byMeasure('DEGREE'),
  PAGERANK: byMeasure('PAGERANK'),
} satisfies Record<string, SortKey>;
export type AgencyOrder = 'DATA_ORDER' | keyof typeof agencyOrderKeys;

/** The orders `programs(orderBy)` offers besides data order, each a key sorted descending. */
export const programOrderKeys = {
  METRICS: relationCount('MEASURES', 'INCOMING'),
  POLICIES: relationCount('GOVERNS', 'INCOMING'),
  DEGREE: byMeasure('DEGREE'),
  PAGERANK: byMeasure('PAGERANK'),
} satisfies Record<string, SortKey>;
export type ProgramOrder = 'DATA_ORDER' | keyof typeof programOrderKeys;

export type Rankings = {
  /** Degree and PageRank of every entity, by id. */
  of: ReadonlyMap<string, EntityRanking>;
  /** Entities of one kind (or all, for null) ranked by a measure, highest first, ties in data order. */
  ranked(measure: RankingMeasure, kind: EntityKind | null): readonly RankedEntity[];
  /** Agencies and programs sorted by each order (descending, ties in data order). */
  agencies: Readonly<Record<AgencyOrder, readonly EntityNode[]>>;
  programs: Readonly<Record<ProgramOrder, readonly EntityNode[]>>;
  coIssuing: CoIssuing;
};

/**
 * PageRank over the directed multigraph, every relation with weight 1 (parallel relations each count).
 * graphology-metrics throws when the power iteration has not converged after maxIterations. With damping 0.85
 * the L1 change shrinks by at least 0.85 per step, so the default tolerance is met in under 100 steps on any
 * graph; we raise maxIterations to 1000 as headroom rather than catching, so a failure stays a loud load
 * error (loadStore refuses the data set) instead of ranks made up. An empty graph has no ranks.
 */
export function pageRanks(graph: PolicyGraph): Record<string, number> {
  if (graph.order === 0) return {};
  return pagerank(graph, { getEdgeWeight: null, maxIterations: 1000 });
}

/** Sorts descending by key; the sort is stable, so entities given in data order keep it among ties. */
function sortedBy<T>(items: readonly T[], key: (item: T) => number): T[] {
  const keys = new Map(items.map((item) => [item, key(item)]));
  return [...items].sort((a, b) => keys.get(b)! - keys.get(a)!);
}

/** Ranks entities already sorted by `value`, highest first: equal scores share a rank. */
function rank(sorted: readonly EntityNode[], value: (e: EntityNode) => number): RankedEntity[] {
  const ranked: RankedEntity[] = [];
  for (const entity of sorted) {
    const previous = ranked.at(-1);
    const s = value(entity);
    ranked.push({ entity, score: s, rank: previous && previous.score === s ? previous.rank : ranked.length + 1 });
  }
  return ranked;
}

/** Sorts entities by a key, or takes the order a snapshot saved under `name` (sorting 10^6 entities takes seconds). */
type Sorter = (name: string, entities: readonly EntityNode[], key: (e: EntityNode) => number) => EntityNode[];

function ordered<O extends string>(store: PolicyStore, kind: EntityKind, keys: Record<O, SortKey>, of: ReadonlyMap<string, EntityRanking>, sort: Sorter) {
  const entities = store.entities([kind]);
  const sorted = Object.entries<SortKey>(keys).map(([order, key]) => [order, sort(`${kind}:${order}`, entities, (e) => key(store, e, of.get(e.id)!))]);
  return Object.fromEntries([['DATA_ORDER', entities], ...sorted]) as Record<O | 'DATA_ORDER', EntityNode[]>;
}

/** The costly parts of the rankings as a snapshot keeps them: PageRanks and sorted orders, as entity numbers (data-set order). */
export type SavedRankings = { pageranks: Float64Array; orders: Record<string, Int32Array> };

/** Rankings computed now, or from the PageRanks and orders a snapshot saved: then only the cheap parts are derived again. */
function buildRankings(store: PolicyStore, saved?: SavedRankings): Rankings {
  const { graph } = store;
  const ids = graph.nodes();
  if (saved && saved.pageranks.length !== ids.length) throw new Error(`${saved.pageranks.length} PageRanks for ${ids.length} entities`);
  const ranks = saved ? {} : pageRanks(graph);
  const of = new Map<string, EntityRanking>();
  ids.forEach((id, n) => {
    const inDegree = graph.inDegree(id);
    const outDegree = graph.outDegree(id);
    of.set(id, { inDegree, outDegree, degree: inDegree + outDegree, pagerank: saved ? saved.pageranks[n]! : (ranks[id] ?? 0) });
  });
  const sort: Sorter = (name, entities, key) => {
    const order = saved?.orders[name];
    if (!order) return sortedBy(entities, key);
    if (order.length !== entities.length) throw new Error(`the saved order ${name} has ${order.length} entities, not ${entities.length}`);
    return Array.from(order, (n) => store.entity(ids[n]!)!);
  };
  const lists = new Map<string, RankedEntity[]>();
  const all = store.inDataOrder(store.entities());
  for (const measure of rankingMeasures) {
    const value = (e: EntityNode) => score[measure](of.get(e.id)!);
    lists.set(`${measure}:*`, rank(sort(`${measure}:*`, all, value), value));
    for (const kind of entityKinds) lists.set(`${measure}:${kind}`, rank(sort(`${measure}:${kind}`, store.entities([kind]), value), value));
  }
  return {
    of,
    ranked: (measure, kind) => lists.get(`${measure}:${kind ?? '*'}`) ?? [],
    agencies: ordered(store, 'AGENCY', agencyOrderKeys, of, sort),
    programs: ordered(store, 'PROGRAM', programOrderKeys, of, sort),
    coIssuing: buildCoIssuing(store),
  };
}

/** The saved form of rankings: PageRanks by entity number, and every sorted list as entity numbers. */
function saveRankings(rankings: Rankings, store: PolicyStore): SavedRankings {
  const numbers = (list: readonly EntityNode[]) => Int32Array.from(list, (e) => store.positionOf(e.id)!);
  const orders: Record<string, Int32Array> = {};
  for (const measure of rankingMeasures) {
    for (const kind of [null, ...entityKinds]) orders[`${measure}:${kind ?? '*'}`] = numbers(rankings.ranked(measure, kind).map((r) => r.entity));
  }
  for (const [order, list] of Object.entries(rankings.agencies)) orders[`AGENCY:${order}`] = numbers(list);
  for (const [order, list] of Object.entries(rankings.programs)) orders[`PROGRAM:${order}`] = numbers(list);
  return { pageranks: Float64Array.from(store.graph.nodes(), (id) => rankings.of.get(id)!.pagerank), orders };
}

/**
 * Who works with whom and what matters most, computed once at load: degree and PageRank of every entity,
 * the ranked lists and sorted connections built from them, and the co-issuing index. A snapshot keeps the
 * PageRanks (the power iteration) and the sorted orders (the sorts), the costly parts.
 */
export const rankingsDerivation: Derivation<Rankings, SavedRankings> = {
  name: 'rankings',
  build: (store) => buildRankings(store),
  snapshot: { save: saveRankings, restore: buildRankings },
};
