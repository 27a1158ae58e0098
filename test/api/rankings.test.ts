import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureStore } from '../fixtures.js';
import { coIssuingStore } from '../store/co-issuing-fixture.js';
import { clientFor } from './client.js';

let client: ReturnType<typeof clientFor>;
let richer: ReturnType<typeof clientFor>;
beforeAll(async () => {
  client = clientFor(await fixtureStore());
  richer = clientFor(await coIssuingStore());
});

const nodeIds = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

describe('Entity.degree and Entity.pagerank', () => {
  it('are on every entity, through the Entity interface', async () => {
    const { data, errors } = await client.query(`{
      node(id: "agency:civil-affairs") { ... on Agency { degree pagerank } }
      entities(first: 100) { edges { node { id degree pagerank } } } }`);
    expect(errors).toBeUndefined();
    expect(data.node.degree).toBe(5);
    const all = data.entities.edges.map((e: any) => e.node);
    expect(all.find((e: any) => e.id === 'policy:notice').degree).toBe(6);
    expect(all.reduce((sum: number, e: any) => sum + e.pagerank, 0)).toBeCloseTo(1, 9);
  });
});

describe('rankings', () => {
  it('ranks by PageRank by default, ten at most, each score the entity’s own PageRank', async () => {
    const { data, errors } = await client.query(`{ rankings { rank score entity { id pagerank } } }`);
    expect(errors).toBeUndefined();
    expect(data.rankings).toHaveLength(10);
    expect(data.rankings[0].rank).toBe(1);
    for (const r of data.rankings) expect(r.score).toBe(r.entity.pagerank);
    const scores = data.rankings.map((r: any) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('ranks one kind by degree, ties sharing a rank', async () => {
    const { data } = await client.query(`{ rankings(kind: METRIC, by: DEGREE, first: 3) { rank score entity { id degree } } }`);
    expect(data.rankings.map((r: any) => [r.entity.id, r.rank, r.score])).toEqual([
      ['metric:recipients', 1, 3],
      ['metric:funds', 2, 2],
      ['metric:nanning-grant', 2, 2],
    ]);
    for (const r of data.rankings) expect(r.score).toBe(r.entity.degree);
  });

  it('refuses first outside 1–100, naming the argument', async () => {
    for (const [first, message] of [[101, 'must be at most 100'], [0, 'must be at least 1']] as const) {
      const { errors } = await client.query(`{ rankings(first: ${first}) { rank } }`);
      expect(errors?.[0]?.message).toBe(`Argument "first" ${message}`);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });
});

describe('agencies(orderBy) and programs(orderBy)', () => {
  it('sorts agencies by documents issued and keeps data order by default', async () => {
    const q = (args: string) => richer.query(`{ agencies(${args}) { edges { node { id } } } }`).then((r) => nodeIds(r.data.agencies));
    expect(await q('first: 10')).toEqual(['agency:civil-affairs', 'agency:education', 'agency:market']);
    expect(await q('orderBy: POLICIES_ISSUED')).toEqual(['agency:civil-affairs', 'agency:market', 'agency:education']);
    const page = await richer.query(`{ agencies(orderBy: POLICIES_ISSUED, first: 1) { pageInfo { endCursor } } }`);
    expect(await q(`orderBy: POLICIES_ISSUED, first: 1, after: "${page.data.agencies.pageInfo.endCursor}"`)).toEqual(['agency:market']);
  });

  it('sorts programs by figures and by governing documents', async () => {
    const q = (args: string) => richer.query(`{ programs(${args}) { edges { node { id } } } }`).then((r) => nodeIds(r.data.programs));
    expect(await q('orderBy: METRICS')).toEqual(['program:lottery-fund', 'program:dibao']);
    expect(await q('orderBy: POLICIES')).toEqual(['program:dibao', 'program:lottery-fund']);
    expect(await q('orderBy: METRICS, programType: ASSISTANCE')).toEqual(['program:dibao']);
  });
});

describe('co-issuing', () => {
  it('answers “which documents did 自治区民政厅 issue jointly, with how many others” in one query', async () => {
    const { data, errors } = await richer.query(`{ lookup(name: "自治区民政厅") { ... on Agency {
      coIssuers { agency { id } documentCount documents { id } }
      jointDocuments { totalCount edges { node { policy { id issuerCount } role namedCoIssuers { id } unnamedCoIssuerCount coIssuerCount } } } } } }`);
    expect(errors).toBeUndefined();
    const [agency] = data.lookup;
    expect(agency.coIssuers).toEqual([
      { agency: { id: 'agency:education' }, documentCount: 2, documents: [{ id: 'policy:notice' }, { id: 'policy:plan' }] },
      { agency: { id: 'agency:market' }, documentCount: 2, documents: [{ id: 'policy:standard' }, { id: 'policy:plan' }] },
    ]);
    expect(agency.jointDocuments.totalCount).toBe(4);
    const plan = agency.jointDocuments.edges.map((e: any) => e.node).find((d: any) => d.policy.id === 'policy:plan');
    expect(plan).toEqual({
      policy: { id: 'policy:plan', issuerCount: 5 },
      role: 'JOINT',
      namedCoIssuers: [{ id: 'agency:education' }, { id: 'agency:market' }],
      unnamedCoIssuerCount: 2,
      coIssuerCount: 4,
    });
  });

  it('ranks the pairs and bounds their lists', async () => {
    const { data } = await richer.query(`{ coIssuingPairs(first: 2) { agencies { id } documentCount documents(first: 1) { id } } }`);
    expect(data.coIssuingPairs).toEqual([
      { agencies: [{ id: 'agency:civil-affairs' }, { id: 'agency:education' }], documentCount: 2, documents: [{ id: 'policy:notice' }] },
      { agencies: [{ id: 'agency:civil-affairs' }, { id: 'agency:market' }], documentCount: 2, documents: [{ id: 'policy:standard' }] },
    ]);
    const big = await richer.query(`{ coIssuingPairs(first: 101) { documentCount } }`);
    expect(big.errors?.[0]?.message).toBe('Argument "first" must be at most 100');
  });
});

describe('commonNeighbors', () => {
  it('lists what two documents share, with the relations from each', async () => {
    const { data, errors } = await richer.query(`{ commonNeighbors(a: "policy:notice", b: "policy:plan", relationTypes: [TARGETS]) {
      entity { id } relationsOfA { type from { id } } relationsOfB { type from { id } } } }`);
    expect(errors).toBeUndefined();
    expect(data.commonNeighbors).toEqual([
      {
        entity: { id: 'target-group:dibao-recipients' },
        relationsOfA: [{ type: 'TARGETS', from: { id: 'policy:notice' } }],
        relationsOfB: [{ type: 'TARGETS', from: { id: 'policy:plan' } }],
      },
    ]);
  });

  it('follows the direction and bounds the list', async () => {
    const q = (args: string) => richer.query(`{ commonNeighbors(a: "policy:notice", b: "policy:plan", ${args}) { entity { id } } }`);
    expect((await q('direction: INCOMING')).data.commonNeighbors).toEqual([]);
    expect((await q('direction: OUTGOING, first: 2')).data.commonNeighbors).toHaveLength(2);
    expect((await q('first: 101')).errors?.[0]?.message).toBe('Argument "first" must be at most 100');
  });

  it('refuses an unknown id, a malformed id, or the same entity twice, naming the argument', async () => {
    const q = (a: string, b: string) => client.query(`{ commonNeighbors(a: "${a}", b: "${b}") { entity { id } } }`);
    const unknown = await q('policy:notice', 'agency:nowhere');
    expect(unknown.errors?.[0]?.message).toBe('Argument "b" names no entity: "agency:nowhere"');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'b' });
    expect((await q('nonsense', 'policy:notice')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'a' });
    expect((await q('policy:notice', 'policy:notice')).errors?.[0]?.message).toBe('Argument "b" must be a different entity from "a"');
  });
});
