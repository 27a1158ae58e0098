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

function rank(entities: readonly EntityNode[], value: (e: EntityNode) => number): RankedEntity[] {
  const ranked: RankedEntity[] = [];
  for (const entity of sortedBy(entities, value)) {
    const previous = ranked.at(-1);
    const s = value(entity);
    ranked.push({ entity, score: s, rank: previous && previous.score === s ? previous.rank : ranked.length + 1 });
  }
  return ranked;
}

function ordered<O extends string>(store: PolicyStore, kind: EntityKind, keys: Record<O, SortKey>, of: ReadonlyMap<string, EntityRanking>) {
  const entities = store.entities([kind]);
  const sorted = Object.entries<SortKey>(keys).map(([order, key]) => [order, sortedBy(entities, (e) => key(store, e, of.get(e.id)!))]);
  return Object.fromEntries([['DATA_ORDER', entities], ...sorted]) as Record<O | 'DATA_ORDER', EntityNode[]>;
}

/** Rankings from PageRanks computed before (a snapshot's) or now: the rest is cheap to derive again. */
function buildRankings(store: PolicyStore, ranks: Record<string, number> = pageRanks(store.graph)): Rankings {
  const { graph } = store;
  const of = new Map<string, EntityRanking>();
  graph.forEachNode((id) => {
    const inDegree = graph.inDegree(id);
    const outDegree = graph.outDegree(id);
    of.set(id, { inDegree, outDegree, degree: inDegree + outDegree, pagerank: ranks[id] ?? 0 });
  });
  const lists = new Map<string, RankedEntity[]>();
  const all = store.inDataOrder(store.entities());
  for (const measure of rankingMeasures) {
    const value = (e: EntityNode) => score[measure](of.get(e.id)!);
    lists.set(`${measure}:*`, rank(all, value));
    for (const kind of entityKinds) lists.set(`${measure}:${kind}`, rank(store.entities([kind]), value));
  }
  return {
    of,
    ranked: (measure, kind) => lists.get(`${measure}:${kind ?? '*'}`) ?? [],
    agencies: ordered(store, 'AGENCY', agencyOrderKeys, of),
    programs: ordered(store, 'PROGRAM', programOrderKeys, of),
    coIssuing: buildCoIssuing(store),
  };
}

/**
 * Who works with whom and what matters most, computed once at load: degree and PageRank of every entity,
 * the ranked lists and sorted connections built from them, and the co-issuing index.
 */
export const rankingsDerivation: Derivation<Rankings, Float64Array> = {
  name: 'rankings',
  build: (store) => buildRankings(store),
  // A snapshot keeps the PageRank of each entity in data-set order: the power iteration is what costs.
  snapshot: {
    save: (rankings, store) => Float64Array.from(store.graph.nodes(), (id) => rankings.of.get(id)!.pagerank),
    restore: (store, saved) => {
      if (saved.length !== store.graph.order) throw new Error(`${saved.length} PageRanks for ${store.graph.order} entities`);
      const ranks: Record<string, number> = {};
      store.graph.nodes().forEach((id, n) => (ranks[id] = saved[n]!));
      return buildRankings(store, ranks);
    },
  },
};
