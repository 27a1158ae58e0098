import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureStore } from '../fixtures.js';
import { clientFor } from './client.js';

let client: ReturnType<typeof clientFor>;
beforeAll(async () => {
  client = clientFor(await fixtureStore());
});

const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

describe('root lists', () => {
  it('lists entities of some kinds, with totalCount', async () => {
    const { data } = await client.query(`{ entities(kinds: [REGION, AGENCY], first: 10) { totalCount edges { node { id kind } } } }`);
    expect(data.entities.totalCount).toBe(4);
    expect(data.entities.edges.map((e: any) => e.node.kind)).toEqual(['AGENCY', 'AGENCY', 'REGION', 'REGION']);
  });

  it('pages forward and backward with cursors', async () => {
    const first = await client.query(`{ entities(first: 6) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`);
    const page = first.data.entities;
    expect(page.edges).toHaveLength(6);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await client.query(`query($after: String) { entities(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }`, { after: page.pageInfo.endCursor });
    expect(next.data.entities.edges).toHaveLength(9);
    expect(next.data.entities.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const all = await client.query(`{ entities(first: 100) { edges { node { id } } } }`);
    expect([...ids(page), ...ids(next.data.entities)]).toEqual(ids(all.data.entities));
    const last = await client.query(`{ entities(last: 2) { edges { node { id } } } }`);
    expect(ids(last.data.entities)).toEqual(ids(all.data.entities).slice(-2));
  });

  it('defaults to 20 and refuses more than 100 or a bad cursor, naming the argument', async () => {
    const big = await client.query(`{ entities(first: 101) { totalCount } }`);
    expect(big.errors?.[0]?.message).toBe('Argument "first" must be at most 100');
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const zero = await client.query(`{ policies(first: 0) { totalCount } }`);
    expect(zero.errors?.[0]?.message).toBe('Argument "first" must be at least 1');
    const cursor = await client.query(`{ policies(after: "nonsense") { totalCount } }`);
    expect(cursor.errors?.[0]?.message).toBe('Argument "after" is not a cursor of this connection: "nonsense"');
  });

  it('filters policies by issuer, target and region', async () => {
    const q = (args: string) => client.query(`{ policies(${args}) { edges { node { id } } } }`).then((r) => ids(r.data.policies));
    expect(await q('issuedBy: "agency:education"')).toEqual(['policy:notice']);
    expect(await q('targets: "target-group:dibao-recipients"')).toEqual(['policy:notice']);
    expect(await q('region: "region:450000"')).toEqual(['policy:notice']);
    expect(await q('region: "region:450100"')).toEqual([]);
    expect(await q('issuedBy: "agency:unknown"')).toEqual([]);
    expect(await q('issuedBy: "agency:education", targets: "target-group:dibao-recipients", region: "region:450000"')).toEqual(['policy:notice']);
    expect(await q('first: 5')).toEqual(['policy:notice', 'policy:regulation']);
    const bad = await client.query(`{ policies(issuedBy: "civil affairs") { totalCount } }`);
    expect(bad.errors?.[0]?.message).toMatch(/^Argument "issuedBy" must be "<kind>:<local-id>"/);
  });

  it('filters metrics by subject, region with sub-regions, unit and period', async () => {
    const q = (filter: string) => client.query(`{ metrics(filter: ${filter}) { edges { node { id } } } }`).then((r) => r.errors ?? ids(r.data.metrics));
    expect(await q('{ subject: "program:dibao" }')).toEqual(['metric:recipients', 'metric:funds']);
    expect(await q('{ subject: "program:unknown" }')).toEqual([]);
    expect(await q('{ region: "region:999999" }')).toEqual([]);
    expect(await q('{ subject: "target-group:dibao-recipients", region: "region:450100" }')).toEqual(['metric:nanning-grant']);
    expect(await q('{ region: "region:450000" }')).toEqual(['metric:recipients', 'metric:funds', 'metric:nanning-grant']);
    expect(await q('{ region: "region:450000", includeSubRegions: false }')).toEqual(['metric:recipients', 'metric:funds']);
    expect(await q('{ baseUnit: YUAN }')).toEqual(['metric:funds', 'metric:nanning-grant']);
    expect(await q('{ comparator: RANGE }')).toEqual(['metric:nanning-grant']);
    expect(await q('{ cumulative: true }')).toEqual(['metric:funds']);
    expect(await q('{ from: "2023-12-01" }')).toEqual(['metric:recipients', 'metric:funds']);
    expect(await q('{ from: "2023-12-30" }')).toEqual([]);
    expect(await q('{ to: "2023-06-30" }')).toEqual(['metric:funds', 'metric:nanning-grant']);
    const bad = await q('{ from: "2023-12-31", to: "2023-01-01" }');
    expect((bad as any)[0].message).toBe('Argument "filter" `from` must not be after `to` (at from)');
    const badDate = await q('{ from: "31.12.2023" }');
    expect((badDate as any)[0].message).toContain('Date must be written YYYY-MM-DD');
  });

  it('lists each kind with its own filter', async () => {
    const { data } = await client.query(`{
      agencies(level: PROVINCIAL) { totalCount } programs(programType: FUND) { edges { node { id } } }
      regions(level: PREFECTURE) { edges { node { id } } } targetGroups { totalCount } organizations(category: PLATFORM) { totalCount }
      events(eventType: MEETING) { totalCount } sources { edges { node { id publishedAt } } }
    }`);
    expect(data.agencies.totalCount).toBe(2);
    expect(ids(data.programs)).toEqual(['program:lottery-fund']);
    expect(ids(data.regions)).toEqual(['region:450100']);
    expect(data.targetGroups.totalCount).toBe(1);
    expect(data.organizations.totalCount).toBe(1);
    expect(data.events.totalCount).toBe(1);
    expect(data.sources.edges[0].node).toEqual({ id: 'source:test-article', publishedAt: '2023-12-29T00:49:00+08:00' });
  });
});

describe('lookup, stats and ontology', () => {
  it('resolves a name or alias in Chinese or English to entities', async () => {
    const { data } = await client.query(`{ a: lookup(name: "低保") { id } b: lookup(name: "minimum LIVING allowance") { id } c: lookup(name: "自治区民政厅") { id } d: lookup(name: "nothing") { id } }`);
    expect(data).toEqual({ a: [{ id: 'program:dibao' }], b: [{ id: 'program:dibao' }], c: [{ id: 'agency:civil-affairs' }], d: [] });
    const empty = await client.query(`{ lookup(name: "  ") { id } }`);
    expect(empty.errors?.[0]?.message).toBe('Argument "name" must not be empty');
  });

  it('counts entities by kind and relations by type', async () => {
    const { data } = await client.query(`{ stats { entityCount relationCount dataVersion byKind { kind count } byRelationType { type count } } }`);
    expect(data.stats.entityCount).toBe(15);
    expect(data.stats.byKind.find((k: any) => k.kind === 'METRIC').count).toBe(3);
    expect(data.stats.byRelationType.find((k: any) => k.type === 'MEASURES').count).toBe(4);
    expect(data.stats.byRelationType.reduce((n: number, k: any) => n + k.count, 0)).toBe(data.stats.relationCount);
    expect(data.stats.dataVersion).toMatch(/^[0-9a-f]{16}$/);
  });

  it('describes the kinds and what each relation type may connect', async () => {
    const { data } = await client.query(`{ ontology { kinds { kind typeName idPrefix } relationTypes { type endpoints { from to } properties } units { unit scale baseUnits } } }`);
    expect(data.ontology.kinds).toContainEqual({ kind: 'TARGET_GROUP', typeName: 'TargetGroup', idPrefix: 'target-group' });
    expect(data.ontology.relationTypes).toContainEqual({ type: 'ISSUED_BY', endpoints: [{ from: ['POLICY'], to: ['AGENCY'] }], properties: ['role'] });
    expect(data.ontology.units).toContainEqual({ unit: '亿元', scale: 100000000, baseUnits: ['YUAN'] });
  });
});
