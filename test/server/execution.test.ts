import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/server/config.js';
import { exampleQueries } from '../../src/server/example-queries.js';
import { createPolicyYoga } from '../../src/server/yoga.js';
import { loadStore } from '../../src/store/load.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureFiles, writeDataSet } from '../fixtures.js';

let bundled: PolicyStore;
beforeAll(async () => {
  bundled = await loadStore(new URL('../../data', import.meta.url).pathname);
});

type Answer = { status: number; headers: Headers; body: { data?: any; errors?: any[]; extensions?: any } };

function serve(config: Partial<Config>, getStore: () => PolicyStore = () => bundled) {
  const yoga = createPolicyYoga({ getStore, config });
  return async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
  };
}

const withoutCost = ({ extensions: { cost: _, ...rest } = {}, ...body }: Answer['body']) => ({ ...body, extensions: rest });

describe('graphql-jit', () => {
  it('answers every GraphiQL example exactly as graphql-js does', async () => {
    const compiled = serve({ jit: true, responseCache: false });
    const interpreted = serve({ jit: false, responseCache: false });
    for (const { title, query } of exampleQueries) {
      const [a, b] = [await compiled(query), await interpreted(query)];
      expect(a.body.errors, title).toBeUndefined();
      expect(withoutCost(a.body), title).toEqual(withoutCost(b.body));
      expect(a.body.extensions.cost, title).toEqual(b.body.extensions.cost);
    }
  });

  it('keeps errors, their codes and paths, and the 400 of variables that do not coerce', async () => {
    const compiled = serve({ jit: true, responseCache: false });
    const interpreted = serve({ jit: false, responseCache: false });
    const bad = [
      ['query ($id: ID!) { node(id: $id) { id } }', { id: { not: 'an id' } }],
      ['query ($id: ID!) { node(id: $id) { id } }', {}],
      ['{ shortestPath(from: "policy:nope", to: "region:450000") { length } }', undefined],
      ['{ search(text: "低保", first: 1000) { totalCount } }', undefined],
    ] as const;
    for (const [query, variables] of bad) {
      const [a, b] = [await compiled(query, variables), await interpreted(query, variables)];
      expect(a.status, query).toBe(b.status);
      expect(a.body.errors?.map((e: any) => [e.extensions?.code, e.path]), query).toEqual(b.body.errors?.map((e: any) => [e.extensions?.code, e.path]));
      expect(a.body.data, query).toEqual(b.body.data);
    }
  });

  it('compiles at most jitMaxDocuments documents; later ones run on graphql-js', async () => {
    // Observable by graphql-jit's coercion errors, which carry no locations where graphql-js's do.
    const badVariable = ['query Later($id: ID!) { node(id: $id) { id } }', { id: { not: 'an id' } }] as const;
    const capped = serve({ jit: true, jitMaxDocuments: 1, responseCache: false });
    await capped('{ stats { __typename } }');
    expect((await capped(...badVariable)).body.errors![0].locations).toEqual([{ line: 1, column: 13 }]);
    const roomy = serve({ jit: true, jitMaxDocuments: 2, responseCache: false });
    await roomy('{ stats { __typename } }');
    expect((await roomy(...badVariable)).body.errors![0].locations).toBeUndefined();
  });
});

describe('response cache keyed by the data version', () => {
  const query = 'query Node($id: ID!) { node(id: $id) { id ... on Entity { name } } }';

  it('serves a repeated request from the cache, marked as such, and a different one afresh', async () => {
    const post = serve({});
    const first = await post(query, { id: 'program:minimum-living-allowance' });
    const again = await post(query, { id: 'program:minimum-living-allowance' });
    const other = await post(query, { id: 'region:450000' });
    expect(first.body.data).toEqual({ node: { id: 'program:minimum-living-allowance', name: '最低生活保障' } });
    expect(again.body.data).toEqual(first.body.data);
    expect(first.body.extensions.cost).toEqual({ requested: 3, limit: 10_000 });
    expect(again.body.extensions.cost).toEqual({ requested: 0, limit: 10_000, cached: true });
    expect(other.body.data.node.id).toBe('region:450000');
    expect(other.body.extensions.cost.cached).toBeUndefined();
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(other.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('answers If-None-Match with 304 for an answer it holds', async () => {
    const post = serve({});
    const { headers } = await post(query, { id: 'program:minimum-living-allowance' });
    const etag = headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{43}"$/); // a quoted entity tag
    const revalidated = await post(query, { id: 'program:minimum-living-allowance' }, { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect((await post(query, { id: 'program:minimum-living-allowance' }, { 'if-none-match': 'something-else' })).status).toBe(200);
  });

  it('never serves an answer of an older data version after a reload', async () => {
    const files = fixtureFiles();
    const before = await loadStore(await writeDataSet(files));
    files['topic/assistance.yaml']!.entities![0].name = '城乡最低生活保障';
    const after = await loadStore(await writeDataSet(files));
    expect(after.info.version).not.toBe(before.info.version);
    let current = before;
    const post = serve({}, () => current);
    const ask = async () => (await post(query, { id: 'program:dibao' })).body;
    expect((await ask()).data.node.name).toBe('最低生活保障');
    expect((await ask()).extensions.cost.cached).toBe(true);
    current = after;
    const reloaded = await ask();
    expect(reloaded.data.node.name).toBe('城乡最低生活保障');
    expect(reloaded.extensions.cost.cached).toBeUndefined();
  });

  it('never keeps an answer with errors', async () => {
    const post = serve({});
    const broken = '{ a: node(id: "program:dibao") { id } b: shortestPath(from: "policy:nope", to: "region:450000") { length } }';
    const [first, again] = [await post(broken), await post(broken)];
    expect(first.body.errors).toHaveLength(1);
    expect(again.body.errors).toHaveLength(1);
    expect(again.body.extensions.cost.cached).toBeUndefined();
  });

  it('is off when switched off, and while a per-client rate limit is on', async () => {
    for (const config of [{ responseCache: false }, { rateLimitCost: 1_000 }]) {
      const post = serve(config);
      await post(query, { id: 'program:minimum-living-allowance' });
      const again = await post(query, { id: 'program:minimum-living-allowance' });
      expect(again.body.extensions.cost.requested, JSON.stringify(config)).toBe(3);
      expect(again.headers.get('etag')).toBeNull();
    }
  });

  it('does not keep an answer larger than a tenth of its size limit', async () => {
    const post = serve({ responseCacheMb: 1, maxCost: 100_000 });
    // Every entity of six kinds with its citations and relations: well over 100 KB of JSON on the bundled data.
    const page = (kind: string) =>
      `${kind.toLowerCase()}: entities(first: 100, kinds: [${kind}]) { edges { node { id name nameEn citations { span } relations(first: 10) { edges { type node { id name nameEn } } } } } }`;
    const big = `{ ${['METRIC', 'POLICY', 'PROGRAM', 'ORGANIZATION', 'REGION', 'AGENCY'].map(page).join(' ')} }`;
    const first = await post(big);
    expect(JSON.stringify(first.body).length).toBeGreaterThan(1024 * 1024 / 10);
    expect((await post(big)).body.extensions.cost.cached).toBeUndefined();
    await post(query, { id: 'program:minimum-living-allowance' });
    expect((await post(query, { id: 'program:minimum-living-allowance' })).body.extensions.cost.cached).toBe(true);
  });
});
