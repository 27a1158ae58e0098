import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/server/config.js';
import { defaultDataDir } from '../../src/server/config.js';
import { exampleQueries } from '../../src/server/example-queries.js';
import { CostRateLimiter, clientOf } from '../../src/server/rate-limit.js';
import { createPolicyYoga } from '../../src/server/yoga.js';
import { loadStore } from '../../src/store/load.js';
import type { PolicyStore } from '../../src/store/store.js';

let store: PolicyStore;
beforeAll(async () => {
  store = await loadStore(defaultDataDir);
});

type Body = { data?: any; errors?: { message: string; extensions?: Record<string, any> }[]; extensions?: Record<string, any> };

/** An in-process server with some settings changed; `post` sends one query and reads status, headers and body. */
function serverWith(config: Partial<Config> = {}) {
  const yoga = createPolicyYoga({ getStore: () => store, config });
  return async function post(query: string, { variables, headers = {} }: { variables?: object; headers?: Record<string, string> } = {}) {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
  };
}

const nest = (levels: number, inner: string, wrap: (inside: string) => string) =>
  Array.from({ length: levels }).reduce<string>((inside) => wrap(inside), inner);

/** What every refusal looks like: no execution (no `data`), one error naming the limit, its value and the excess. */
function expectRefused(body: Body, limit: string, message: RegExp) {
  expect(body).not.toHaveProperty('data');
  expect(body.errors?.[0]?.message).toMatch(message);
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
}

describe('query limits refuse abuse before execution, naming the limit and the excess', () => {
  it('refuses a depth bomb (a to-one relation nested 40 times, cheap but deep)', async () => {
    const post = serverWith();
    const query = `{ node(id: "region:450100") { ... on Region { ${nest(40, 'name', (q) => `parent { ${q} }`)} } } }`;
    const { status, body } = await post(query);
    expect(status).toBe(400);
    expectRefused(body, 'maxDepth', /^Query depth 42 exceeds the limit of 12 by 30 \(maxDepth\)/);
    expect(body.errors![0]!.extensions).toMatchObject({ max: 12, actual: 42 });
  });

  it('refuses an alias bomb, __typename aliases included', async () => {
    const post = serverWith();
    const stats = await post(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: stats { entityCount }`).join(' ')} }`);
    expect(stats.status).toBe(400);
    expectRefused(stats.body, 'maxAliases', /^Query alias count 200 exceeds the limit of 30 by 170 \(maxAliases\)/);
    const typenames = await post(`{ ${Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ')} }`);
    expectRefused(typenames.body, 'maxAliases', /alias count 31 exceeds the limit of 30 by 1/);
  });

  it('refuses a fan-out bomb: relations(first: 100) at every level', async () => {
    const post = serverWith();
    const fan = nest(3, 'id name', (q) => `relations(first: 100) { edges { node { ${q} } } }`);
    const { status, body } = await post(`{ node(id: "region:450000") { ... on Entity { ${fan} } } }`);
    expect(status).toBe(400);
    expectRefused(body, 'maxCost', /^Query cost 3,020,202 exceeds the limit of 10,000 by 3,010,202 \(maxCost\): ask for fewer items per list/);
    expect(body.extensions?.cost).toEqual({ requested: 3_020_202, limit: 10_000 });
  });

  it('counts the cost with the request’s variables, whatever was validated before', async () => {
    const post = serverWith();
    const query = 'query Fan($n: Int) { entities(first: $n) { edges { node { relations(first: $n) { edges { node { id } } } } } } }';
    const small = await post(query, { variables: { n: 5 } });
    expect(small.status).toBe(200);
    expect(small.body.extensions?.cost.requested).toBe(1 + 5 * (1 + 1 + 5 * 2));
    expectRefused((await post(query, { variables: { n: 100 } })).body, 'maxCost', /^Query cost 20,201 exceeds the limit of 10,000 by 10,201/);
  });

  it('refuses too many tokens, counting them all', async () => {
    const post = serverWith();
    const { status, body } = await post(`{ ${'__typename '.repeat(6000)} }`);
    expect(status).toBe(400);
    expectRefused(body, 'maxTokens', /^Query token count 6,002 exceeds the limit of 5,000 by 1,002 \(maxTokens\)/);
  });

  it('refuses too many directives and too broad a selection', async () => {
    const post = serverWith();
    const directives = await post(`{ stats { ${'entityCount @skip(if: false) '.repeat(21)} } }`);
    expectRefused(directives.body, 'maxDirectives', /^Query directive count 21 exceeds the limit of 20 by 1 \(maxDirectives\)/);
    // Many repetitions of one field: refused before graphql-js compares them pairwise.
    const broad = await post(`{ ${'stats { entityCount } '.repeat(600)} }`);
    expectRefused(broad.body, 'maxBreadth', /^Query breadth \(fields selected\) 1,200 exceeds the limit of 500 by 700 \(maxBreadth\)/);
    const spread = await post(`{ ...A } fragment A on Query { ${'stats { ...B } '.repeat(2)} } fragment B on Stats { ${'entityCount '.repeat(600)} }`);
    expectRefused(spread.body, 'maxBreadth', /breadth \(fields selected\) 1,202 exceeds/);
  });

  it('takes every limit from the configuration', async () => {
    const cases: [Partial<Config>, string, string, RegExp][] = [
      [{ maxDepth: 3 }, '{ entities { edges { node { id } } } }', 'maxDepth', /^Query depth 4 exceeds the limit of 3 by 1/],
      [{ maxAliases: 1 }, '{ a: stats { entityCount } b: stats { relationCount } }', 'maxAliases', /alias count 2 exceeds the limit of 1 by 1/],
      [{ maxTokens: 6 }, '{ stats { entityCount relationCount } }', 'maxTokens', /token count 7 exceeds the limit of 6 by 1/],
      [{ maxDirectives: 0 }, '{ stats { entityCount @skip(if: false) } }', 'maxDirectives', /directive count 1 exceeds the limit of 0 by 1/],
      [{ maxBreadth: 2 }, '{ stats { entityCount relationCount } }', 'maxBreadth', /breadth \(fields selected\) 3 exceeds the limit of 2 by 1/],
      [{ maxCost: 40 }, '{ entities { edges { node { id } } } }', 'maxCost', /^Query cost 41 exceeds the limit of 40 by 1/],
    ];
    for (const [config, query, limit, message] of cases) expectRefused((await serverWith(config)(query)).body, limit, message);
    expect((await serverWith({ maxCost: 40 })('{ entities(first: 19) { edges { node { id } } } }')).status).toBe(200);
  });

  it('counts the cost of a query with a bad argument, which its field then refuses with its path', async () => {
    const { status, body } = await serverWith()('{ a: stats { entityCount } b: node(id: "bogus") { id } c: shortestPath(from: "region:450000", to: "region:450100", maxHops: 99) { length } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ a: { entityCount: 271 }, b: null, c: null });
    expect(body.errors?.map((e: any) => [e.path, e.extensions.code])).toEqual([[['b'], 'BAD_USER_INPUT'], [['c'], 'BAD_USER_INPUT']]);
    expect(body.extensions?.cost.requested).toBeGreaterThan(4); // shortestPath counted at its ceiling of 6 hops
  });

  it('answers 200 with the errors to clients that accept only application/json, as for any validation error', async () => {
    const post = serverWith({ maxCost: 40 });
    const { status, body } = await post('{ entities { edges { node { id } } } }', { headers: { accept: 'application/json' } });
    expect(status).toBe(200);
    expectRefused(body, 'maxCost', /^Query cost 41/);
  });
});

const readmeQueries = [...readFileSync(new URL('../../README.md', import.meta.url), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('normal queries pass under the default limits', () => {
  it('runs every GraphiQL example and every README example, each reporting its cost', async () => {
    expect(readmeQueries.length).toBeGreaterThan(5);
    const post = serverWith();
    for (const [title, query] of [...exampleQueries.map((e) => [e.title, e.query] as const), ...readmeQueries.map((q) => [q.slice(0, 60), q] as const)]) {
      const { status, body } = await post(query);
      expect(body.errors, title).toBeUndefined();
      expect(status, title).toBe(200);
      expect(body.extensions?.cost.limit, title).toBe(10_000);
      expect(body.extensions?.cost.requested, title).toBeGreaterThan(0);
      expect(body.extensions?.cost.requested, title).toBeLessThanOrEqual(3_000);
    }
  });

  it('keeps the biggest answer a query within budget can get small', async () => {
    // Every field of 100 entities, their citations and 11 relations each: just under the budget.
    const query = `{ entities(first: 100) { totalCount edges { cursor node { id kind name nameEn aliases description degree pagerank
      citations { span source { id name } }
      relations(first: 11) { totalCount edges { type direction node { id kind name } } } } } } }`;
    const { status, body } = await serverWith()(query);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.cost.requested).toBeLessThanOrEqual(10_000);
    expect(body.extensions?.cost.requested).toBeGreaterThan(9_000);
    expect(body.extensions?.cost.requested).toBe(9_401);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(500_000);
  });

  it('reports the cost on every response: requested 0 for a query refused before it was counted', async () => {
    const post = serverWith();
    expect((await post('{ stats { entityCount } }')).body.extensions?.cost).toEqual({ requested: 2, limit: 10_000 });
    const invalid = await post('{ stats { nothing } }');
    expect(invalid.status).toBe(400);
    expect(invalid.body.extensions?.cost).toEqual({ requested: 0, limit: 10_000 });
  });

  it('hides field suggestions only when introspection is off', async () => {
    const open = await serverWith()('{ stats { entityCoun } }');
    expect(open.body.errors?.[0]?.message).toContain('Did you mean "entityCount"?');
    const closed = await serverWith({ introspection: false })('{ stats { entityCoun } }');
    expect(closed.body.errors?.[0]?.message).toMatch(/Cannot query field "entityCoun" on type "Stats"\./);
    expect(closed.body.errors?.[0]?.message).not.toContain('entityCount');
  });
});

describe('the per-client rate limit by cost', () => {
  const query = '{ entities { edges { node { id } } } }'; // costs 41

  it('charges each client its queries’ cost per minute and refuses with 429 when the budget runs out', async () => {
    const post = serverWith({ rateLimitCost: 100 });
    const first = await post(query);
    expect(first.body.extensions?.cost).toMatchObject({ requested: 41, limit: 10_000, rateLimit: { limit: 100, remaining: 59 } });
    expect(Date.parse(first.body.extensions?.cost.rateLimit.resetAt) - Date.now()).toBeGreaterThan(50_000);
    expect([first.headers.get('x-ratelimit-limit'), first.headers.get('x-ratelimit-remaining')]).toEqual(['100', '59']);
    expect((await post(query)).body.extensions?.cost.rateLimit.remaining).toBe(18);

    const refused = await post(query);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(refused.body).not.toHaveProperty('data');
    expect(refused.body.errors?.[0]?.message).toMatch(
      /^Rate limit exceeded \(rateLimitCost\): this query costs 41 but only 18 of the 100 a client may spend per minute remain; the budget refills at \S+Z, in \d+ s\.$/,
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'rateLimitCost', max: 100, remaining: 18, requested: 41 });

    // Another client has its own budget; a cheap query still fits in the first one's.
    expect((await post(query, { headers: { 'x-client-id': 'dashboard' } })).body.extensions?.cost.rateLimit.remaining).toBe(59);
    expect((await post('{ stats { entityCount } }')).body.extensions?.cost.rateLimit.remaining).toBe(16);
  });

  it('reports nothing about rates when it is off', async () => {
    const { headers, body } = await serverWith()(query);
    expect(body.extensions?.cost).not.toHaveProperty('rateLimit');
    expect(headers.get('x-ratelimit-limit')).toBeNull();
  });
});

describe('CostRateLimiter', () => {
  it('refills a client’s budget when its minute is over, and keeps memory bounded', () => {
    let now = Date.parse('2024-01-01T00:00:00Z');
    const limiter = new CostRateLimiter(100, 60_000, () => now, 2);
    expect(limiter.charge('a', 70)).toEqual({ allowed: true, window: { limit: 100, remaining: 30, resetAt: '2024-01-01T00:01:00.000Z' } });
    expect(limiter.charge('a', 40).allowed).toBe(false);
    expect(limiter.peek('a').remaining).toBe(30);
    now += 59_999;
    expect(limiter.charge('a', 31).allowed).toBe(false);
    now += 1;
    expect(limiter.charge('a', 100)).toEqual({ allowed: true, window: { limit: 100, remaining: 0, resetAt: '2024-01-01T00:02:00.000Z' } });
    // Two clients at most: a third drops the oldest window.
    limiter.charge('b', 10);
    limiter.charge('c', 10);
    expect(limiter.peek('a').remaining).toBe(100);
    expect(limiter.peek('b').remaining).toBe(90);
  });

  it('charges clients by x-client-id, else by the connection’s address', () => {
    const request = (headers: Record<string, string>) => new Request('http://yoga/graphql', { headers });
    expect(clientOf({ request: request({ 'x-client-id': 'dashboard' }), req: { socket: { remoteAddress: '10.0.0.1' } } })).toBe('id:dashboard');
    expect(clientOf({ request: request({}), req: { socket: { remoteAddress: '10.0.0.1' } } })).toBe('ip:10.0.0.1');
    expect(clientOf({ request: request({ 'x-client-id': 'bad id with spaces' }) })).toBe('unknown');
  });
});
