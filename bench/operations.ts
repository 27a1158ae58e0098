/**
 * The operations the HTTP benchmark sends, each a GraphQL POST body with its variables varied over real ids and
 * words of the store, so that a run never measures one answer alone. Queries stay well within the default cost
 * budget (10,000) and are the same text for every variant (only the variables change), as a real client sends them.
 */
import type { EntityKind } from '../src/model/kinds.js';
import type { PolicyStore } from '../src/store/store.js';

export type Operation = { key: string; title: string; bodies: string[] };

/** A small deterministic generator (mulberry32), so that every run sends the same sequence. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = random(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
const bodies = (query: string, variables: Record<string, unknown>[]) => variables.map((v) => body(query, v));

/** Kinds whose GraphQL type has a `metrics` field, by type name. */
const metricKinds: Partial<Record<EntityKind, string>> = {
  POLICY: 'Policy',
  PROGRAM: 'Program',
  REGION: 'Region',
  TARGET_GROUP: 'TargetGroup',
  ORGANIZATION: 'Organization',
  EVENT: 'Event',
};

/** The most frequent two-character Chinese pieces of entity names: real search words that find something. */
function chineseWords(store: PolicyStore, count: number): string[] {
  const seen = new Map<string, number>();
  for (const entity of store.entities()) {
    const han = entity.name.match(/\p{Script=Han}+/gu) ?? [];
    for (const run of han) for (let i = 0; i + 2 <= run.length; i++) {
      const word = run.slice(i, i + 2);
      seen.set(word, (seen.get(word) ?? 0) + 1);
    }
  }
  return [...seen].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([w]) => w);
}

export function operations(store: PolicyStore): Operation[] {
  const all = store.entities();
  const ids = shuffled(all.map((e) => e.id), 1);
  const connected = shuffled(all.filter((e) => e.kind !== 'SOURCE').map((e) => e.id), 2);
  const names = shuffled([...new Set(all.filter((e) => e.kind !== 'SOURCE').map((e) => e.name))], 3);
  const pageIds = shuffled(all.filter((e) => e.kind in metricKinds).map((e) => e.id), 4);

  const next = random(5);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const pairs = Array.from({ length: 500 }, () => ({ from: pick(connected), to: pick(connected) }));

  // Aggregates over the programs and regions that figures measure or are scoped to.
  const programs = new Set<string>();
  const regions = new Set<string>();
  for (const metric of store.entities(['METRIC'])) {
    for (const { other, direction } of store.relations(metric.id, 'OUTGOING')) {
      if (direction !== 'OUTGOING') continue;
      if (other.kind === 'PROGRAM') programs.add(other.id);
      if (other.kind === 'REGION') regions.add(other.id);
    }
  }
  const aggregates = shuffled(
    [
      ...[...programs].map((program) => ({ filter: { program }, groupBy: ['REGION'] })),
      ...[...regions].map((region) => ({ filter: { region }, groupBy: ['PROGRAM'] })),
      { filter: {}, groupBy: ['PROGRAM'] },
    ],
    6,
  );

  const metricFragments = Object.values(metricKinds)
    .map((type) => `... on ${type} { metrics(first: 10) { totalCount edges { node { id name printed normalizedValue baseUnit asOf } } } }`)
    .join('\n      ');

  return [
    {
      key: 'node',
      title: 'node by id',
      bodies: bodies('query Node($id: ID!) { node(id: $id) { id ... on Entity { kind name nameEn } } }', ids.map((id) => ({ id }))),
    },
    {
      key: 'lookup',
      title: 'lookup by name',
      bodies: bodies('query Lookup($name: String!) { lookup(name: $name) { id kind name nameEn } }', names.map((name) => ({ name }))),
    },
    {
      key: 'search',
      title: 'search (Chinese)',
      bodies: bodies(
        `query Search($text: String!) {
  search(text: $text, first: 10) { totalCount edges { score matchedField snippet node { id kind name } } }
}`,
        chineseWords(store, 200).map((text) => ({ text })),
      ),
    },
    {
      key: 'entity-page',
      title: 'entity page',
      bodies: bodies(
        `query EntityPage($id: ID!) {
  node(id: $id) {
    id
    ... on Entity {
      kind name nameEn aliases description degree
      relations(first: 20) { totalCount edges { type direction node { id kind name } } }
      ${metricFragments}
    }
  }
}`,
        pageIds.map((id) => ({ id })),
      ),
    },
    {
      key: 'neighborhood',
      title: 'neighbourhood depth 2',
      bodies: bodies(
        `query Neighbourhood($id: ID!) {
  neighborhood(id: $id, depth: 2, limit: 50) {
    truncated
    entities { depth entity { id kind name } }
    relations { type from { id } to { id } }
  }
}`,
        connected.map((id) => ({ id })),
      ),
    },
    {
      key: 'shortest-path',
      title: 'shortest path',
      bodies: bodies(
        `query ShortestPath($from: ID!, $to: ID!) {
  shortestPath(from: $from, to: $to) { length steps { direction relation { type } from { id name } to { id name } } }
}`,
        pairs,
      ),
    },
    {
      key: 'metric-aggregate',
      title: 'metrics aggregate',
      bodies: bodies(
        `query Aggregate($filter: MetricFilter, $groupBy: [MetricGroupBy!]) {
  metricAggregate(filter: $filter, groupBy: $groupBy) {
    metricCount
    groups(first: 20) { edges { node { baseUnit count sum mayDoubleCount } } }
  }
}`,
        aggregates,
      ),
    },
  ];
}
