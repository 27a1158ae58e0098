import type { FieldComplexityValue } from '@pothos/plugin-complexity';
import { type GraphQLField, getNamedType, getNullableType, isListType, isObjectType } from 'graphql';
import type { Derivation, PolicyStore } from '../store/store.js';
import type { Context } from './builder.js';
import { pageSize } from './pagination.js';

/*
 * What a query costs, counted from its text before it runs (src/server/limits.ts refuses it over budget).
 * The unit is one value in the response: every field costs 1, and a field that returns many items multiplies
 * what one item selects by the most items it may return: a connection by its page size (`first` or `last`,
 * default 20, at most 100), a plain list by its ceiling (its `first`, the number of kinds, the ids asked for,
 * or the longest such list in the data being served). A search over the graph costs one pass per search.
 * The cost is an upper bound of the response's size, so the budget bounds what a request may return.
 */

/** A count argument as the cost sees it: absent means its default; beyond its ceiling, the resolver refuses it. */
export function countOf(value: unknown, fallback: number, ceiling: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(Math.max(Math.trunc(value), 0), ceiling);
}

/** The page a connection's arguments ask for: `first`, else `last`, else the default page size. */
export const pageOf = (args: { first?: unknown; last?: unknown }) =>
  countOf(args.first ?? args.last, pageSize.default, pageSize.max);

/** The longest lists of the data being served, for lists whose length only the data bounds; and what a pass costs. */
export type DataCeilings = {
  /** Citations of one entity or relation. */
  citations: number;
  /** Subjects one figure measures (MEASURES). */
  subjects: number;
  /** Relations between one pair of entities (parallel relations, in either direction). */
  parallel: number;
  /** Agencies named as issuers of one document (ISSUED_BY). */
  issuers: number;
  /** Entities one name or alias resolves to (`lookup`). */
  namesakes: number;
  /** Relations per entity, on average, rounded up: a neighbourhood of n entities is costed with n × this relations. */
  relationsPerEntity: number;
  /**
   * One pass over the graph (a breadth-first search, a scan): one unit per 50 entities and relations. Measured on
   * the bundled data, a pass takes about as long as resolving that many fields (paths with first 20 and maxHops
   * 6, 120 searches, as long as about 1,900 fields).
   */
  pass: number;
};

export const dataCeilings: Derivation<DataCeilings> = {
  name: 'cost ceilings',
  build(store: PolicyStore) {
    const { graph } = store;
    let citations = 1;
    let subjects = 1;
    let issuers = 1;
    graph.forEachNode((id, e) => {
      citations = Math.max(citations, e.citations.length);
      if (e.kind === 'METRIC') subjects = Math.max(subjects, store.related(id, 'MEASURES', 'OUTGOING').length);
      if (e.kind === 'POLICY') issuers = Math.max(issuers, store.related(id, 'ISSUED_BY', 'OUTGOING').length);
    });
    const pairs = new Map<string, number>();
    graph.forEachEdge((_key, r, source, target) => {
      citations = Math.max(citations, r.citations.length);
      const pair = source < target ? `${source} ${target}` : `${target} ${source}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    });
    return {
      citations,
      subjects,
      parallel: Math.max(1, ...pairs.values()),
      issuers,
      namesakes: Math.max(1, store.mostNamesakes),
      relationsPerEntity: Math.max(1, Math.ceil((2 * graph.size) / Math.max(1, graph.order))),
      pass: Math.max(1, Math.ceil((graph.order + graph.size) / 50)),
    };
  },
};

/** Without a store (a cost counted outside a request), every data-bound list is assumed as long as a page can be. */
const unknownData: DataCeilings = { citations: pageSize.max, subjects: pageSize.max, parallel: pageSize.max, issuers: pageSize.max, namesakes: pageSize.max, relationsPerEntity: pageSize.max, pass: pageSize.max };

export const ceilingsOf = (ctx: Partial<Context> | undefined): DataCeilings => (ctx?.store ? ctx.store.derived(dataCeilings) : unknownData);

/** A list field whose length the data bounds (citations, subjects …): that many items at most. */
export const dataList =
  (ceiling: Exclude<keyof DataCeilings, 'pass'>) =>
  (_args: object, ctx: Context): FieldComplexityValue => ({ field: 1, multiplier: ceilingsOf(ctx)[ceiling] });

/** A list field with a `first` argument: that many items (its default when absent, capped at its ceiling). */
export const firstList =
  (fallback: number, ceiling: number) =>
  (args: { first?: number | null }): FieldComplexityValue => ({ field: 1, multiplier: countOf(args.first, fallback, ceiling) });

/** A list of known length (the kinds, the relation types …). */
export const fixedList = (length: number): FieldComplexityValue => ({ field: 1, multiplier: length });

/** A connection whose field also searches (search): a pass, then its page. */
export const searchedConnection = (args: { first?: number | null; last?: number | null }, ctx: Context): FieldComplexityValue => ({
  field: ceilingsOf(ctx).pass,
  multiplier: pageOf(args),
});

/** Fields that are constant per connection (totalCount, pageInfo) are paid for by the connection field itself. */
export const free: FieldComplexityValue = { field: 0, multiplier: 0 };

/** `edges` adds nothing of its own: the connection already multiplies each edge's selection by its page size. */
export const edgesCost: FieldComplexityValue = { field: 0, multiplier: 1 };

const isConnection = (field: GraphQLField<unknown, any, any>) => {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
};

/**
 * The cost of every field that sets none: 1, and for a connection its page size as multiplier. A list of
 * objects must set its own (a test checks it); should one not, it is assumed as long as the longest page.
 */
export function defaultFieldCost(args: Record<string, unknown>, _ctx: unknown, field: GraphQLField<unknown, any, any>): FieldComplexityValue {
  if (isConnection(field)) return { field: 1, multiplier: pageOf(args) };
  if (isListType(getNullableType(field.type))) return { field: 1, multiplier: pageSize.max };
  return 1;
}
