import { complexityFromQuery } from '@pothos/plugin-complexity';
import { getNamedType, getNullableType, isInterfaceType, isLeafType, isListType, isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataCeilings, defaultFieldCost } from '../../src/api/complexity.js';
import { schema } from '../../src/api/index.js';
import { entityKinds } from '../../src/model/kinds.js';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';

let bundled: PolicyStore;
beforeAll(async () => {
  bundled = await loadStore(defaultDataDir);
});

const cost = (query: string, store: PolicyStore = bundled, variables?: Record<string, unknown>) =>
  complexityFromQuery(query, { schema, ctx: { store }, variables }).complexity;

describe('the cost of a query, from the schema’s field costs', () => {
  it('gives every list of objects a cost of its own: none is left to the default guess', () => {
    const uncosted: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const list = isListType(getNullableType(field.type)) && !isLeafType(getNamedType(field.type));
        if (list && field.extensions.complexity === defaultFieldCost) uncosted.push(`${type.name}.${field.name}`);
      }
    }
    expect(uncosted).toEqual([]);
  });

  it('multiplies a connection’s edges by its page: first, last, or the default 20; totalCount and pageInfo are free', () => {
    expect(cost('{ entities(first: 10) { edges { node { id } } } }')).toBe(1 + 10 * 2);
    expect(cost('{ entities(last: 3) { edges { cursor node { id name } } } }')).toBe(1 + 3 * 4);
    expect(cost('{ entities { edges { node { id } } } }')).toBe(1 + 20 * 2);
    expect(cost('{ entities(first: 100) { totalCount pageInfo { hasNextPage endCursor } } }')).toBe(1);
    // Beyond the ceiling the argument is refused when the field runs; the cost counts the ceiling.
    expect(cost('{ entities(first: 5000) { edges { node { id } } } }')).toBe(1 + 100 * 2);
  });

  it('multiplies nested connections: the fan-out of relations of relations', () => {
    const nested = (n: number) => `{ node(id: "region:450000") { ... on Entity { relations(first: ${n}) { edges { node {
      relations(first: ${n}) { edges { node { id } } } } } } } } }`;
    expect(cost(nested(10))).toBe(1 + 1 + 10 * (1 + 1 + 10 * 2));
    expect(cost(nested(100))).toBe(1 + 1 + 100 * (1 + 1 + 100 * 2));
  });

  it('costs plain lists by their ceiling: first, the ids asked for, the data’s longest list (a lookup’s too)', () => {
    expect(cost('{ rankings(first: 7) { rank entity { id } } }')).toBe(1 + 7 * 3);
    expect(cost('{ rankings { rank } }')).toBe(1 + 10);
    expect(cost('{ nodes(ids: ["region:450000", "region:450100", "region:1"]) { id } }')).toBe(1 + 3);
    // The most entities one name resolves to in the data, whatever this name finds.
    const { citations, namesakes } = bundled.derived(dataCeilings);
    const names = bundled.entities().flatMap((e) => [e.name, ...(e.nameEn ? [e.nameEn] : []), ...(e.aliases ?? [])]);
    expect(namesakes).toBe(Math.max(...names.map((n) => bundled.lookup(n).length)));
    expect(namesakes).toBeLessThanOrEqual(entityKinds.length);
    expect(cost('{ lookup(name: "低保") { id name } }')).toBe(1 + namesakes * 2);
    expect(cost('{ lookup(name: "nothing has this name") { id name } }')).toBe(1 + namesakes * 2);
    expect(cost('{ node(id: "region:450000") { ... on Entity { citations { span } } } }')).toBe(1 + 1 + citations);
    expect(cost('{ ontology { kinds { kind } } }')).toBe(1 + 1 + 9);
  });

  it('makes path searches grow with maxHops and first, and neighbourhoods with limit', () => {
    const shortest = (hops: number) => cost(`{ shortestPath(from: "region:450000", to: "region:450100", maxHops: ${hops}) { length } }`);
    expect(shortest(2)).toBeLessThan(shortest(4));
    expect(shortest(4)).toBeLessThan(shortest(6));
    const paths = (hops: number, first: number) => cost(`{ paths(from: "region:450000", to: "region:450100", maxHops: ${hops}, first: ${first}) { entities { id } } }`);
    expect(paths(3, 5)).toBeLessThan(paths(6, 5));
    expect(paths(3, 5)).toBeLessThan(paths(3, 20));
    expect(paths(6, 20)).toBeLessThan(10_000);
    const around = (limit: number) => cost(`{ neighborhood(id: "region:450000", limit: ${limit}) { entities { entity { id } } } }`);
    expect(around(50)).toBeLessThan(around(500));
    expect(around(500)).toBeLessThan(10_000);
  });

  it('takes each data-bound ceiling from the store being served', async () => {
    const store = await fixtureStore();
    const ceilings = store.derived(dataCeilings);
    let citations = 0;
    store.graph.forEachNode((_id, e) => (citations = Math.max(citations, e.citations.length)));
    store.graph.forEachEdge((_key, r) => (citations = Math.max(citations, r.citations.length)));
    expect(ceilings.citations).toBe(Math.max(1, citations));
    expect(ceilings.pass).toBe(Math.ceil((store.graph.order + store.graph.size) / 50));
    expect(cost('{ node(id: "metric:x") { ... on Metric { subjects { id } } } }', store)).toBe(1 + 1 + ceilings.subjects);
  });

  it('uses the variables of the request', () => {
    const query = 'query ($n: Int) { entities(first: $n) { edges { node { id } } } }';
    expect(cost(query, bundled, { n: 3 })).toBe(1 + 3 * 2);
    expect(cost(query, bundled, {})).toBe(1 + 20 * 2);
  });
});
