import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureStore } from '../fixtures.js';
import { clientFor } from './client.js';

let client: ReturnType<typeof clientFor>;
beforeAll(async () => {
  client = clientFor(await fixtureStore());
});

describe('node and nodes', () => {
  it('fetches any entity by its readable id, typed by kind', async () => {
    const { data, errors } = await client.query(`{ node(id: "program:dibao") { id __typename ... on Entity { kind name aliases } } }`);
    expect(errors).toBeUndefined();
    expect(data.node).toEqual({ id: 'program:dibao', __typename: 'Program', kind: 'PROGRAM', name: '最低生活保障', aliases: ['低保'] });
  });

  it('answers null for an unknown id of a known kind, and an error naming a malformed id', async () => {
    expect((await client.query(`{ node(id: "program:none") { id } }`)).data.node).toBeNull();
    const bad = await client.query(`{ node(id: "dibao") { id } }`);
    expect(bad.errors?.[0]?.message).toContain('"dibao" is not an entity id');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('fetches several ids in order, null where missing, at most 100', async () => {
    const { data } = await client.query(`{ nodes(ids: ["region:450100", "agency:none", "policy:notice"]) { id } }`);
    expect(data.nodes).toEqual([{ id: 'region:450100' }, null, { id: 'policy:notice' }]);
    const ids = Array.from({ length: 101 }, (_, i) => `region:${i}`);
    const tooMany = await client.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(tooMany.errors?.[0]?.message).toBe('Argument "ids" asks for 101 entities; at most 100 at once');
  });
});

describe('entity fields', () => {
  it('lists a policy’s issuers with their roles and citations', async () => {
    const { data } = await client.query(`{
      node(id: "policy:notice") { ... on Policy {
        docType status unnamedCoIssuerCount issuerCount
        issuedBy { totalCount edges { node { id level } relation { role citations { span source { id name } } } } }
        targets { edges { node { id } } }
        governs { edges { node { id } } }
        implements { edges { node { id } } }
        cites { edges { node { id } } }
      } } }`);
    expect(data.node.docType).toBe('NOTICE');
    expect(data.node.unnamedCoIssuerCount).toBe(9);
    expect(data.node.issuerCount).toBe(11);
    expect(data.node.issuedBy.totalCount).toBe(2);
    expect(data.node.issuedBy.edges.map((e: any) => [e.node.id, e.relation.role])).toEqual([
      ['agency:civil-affairs', 'LEAD'],
      ['agency:education', 'JOINT'],
    ]);
    expect(data.node.issuedBy.edges[0].relation.citations).toEqual([{ span: '自治区民政厅印发', source: { id: 'source:test-article', name: '测试文章' } }]);
    expect(data.node.targets.edges[0].node.id).toBe('target-group:dibao-recipients');
    expect(data.node.governs.edges[0].node.id).toBe('program:dibao');
    expect(data.node.implements.edges[0].node.id).toBe('policy:regulation');
    expect(data.node.cites.edges[0].node.id).toBe('policy:regulation');
  });

  it('reads relations from both ends', async () => {
    const { data } = await client.query(`{
      agency: node(id: "agency:civil-affairs") { ... on Agency { region { id } policiesIssued { edges { node { id } relation { role } } } organizes { edges { node { id } } } administers { edges { node { id } } } partners { edges { node { id } direction } } } }
      program: node(id: "program:dibao") { ... on Program { policies { edges { node { id } } } fundedBy { edges { node { id } relation { amount { printed } } } } uses { edges { node { id } } } metrics { totalCount } } }
      region: node(id: "region:450100") { ... on Region { parent { id } metrics { edges { node { id } } } located { edges { node { id } } } } }
      gx: node(id: "region:450000") { ... on Region { parent { id } children { edges { node { id } } } } }
    }`);
    expect(data.agency.region.id).toBe('region:450000');
    expect(data.agency.policiesIssued.edges).toEqual([{ node: { id: 'policy:notice' }, relation: { role: 'LEAD' } }]);
    expect(data.agency.organizes.edges[0].node.id).toBe('event:meeting');
    expect(data.agency.administers.edges[0].node.id).toBe('organization:platform');
    expect(data.agency.partners.edges).toEqual([{ node: { id: 'agency:education' }, direction: 'OUTGOING' }]);
    expect(data.program.policies.edges[0].node.id).toBe('policy:notice');
    expect(data.program.fundedBy.edges[0]).toEqual({ node: { id: 'program:lottery-fund' }, relation: { amount: { printed: '81.5亿元' } } });
    expect(data.program.uses.edges[0].node.id).toBe('organization:platform');
    expect(data.program.metrics.totalCount).toBe(2);
    expect(data.region).toEqual({ parent: { id: 'region:450000' }, metrics: { edges: [{ node: { id: 'metric:nanning-grant' } }] }, located: { edges: [{ node: { id: 'event:meeting' } }] } });
    expect(data.gx).toEqual({ parent: null, children: { edges: [{ node: { id: 'region:450100' } }] } });
  });

  it('gives a metric as a quantity with its scope and subjects', async () => {
    const { data } = await client.query(`{
      a: node(id: "metric:recipients") { ... on Metric { printed value unit normalizedValue baseUnit comparator asOf period { start } cumulative change { value unit normalizedValue baseline } region { id } subjects { id } } }
      b: node(id: "metric:nanning-grant") { ... on Metric { printed value lower upper normalizedLower normalizedUpper comparator period { start end } } }
    }`);
    expect(data.a).toEqual({
      printed: '279.8万人', value: 279.8, unit: '万人', normalizedValue: 2798000, baseUnit: 'PERSON', comparator: 'EXACT',
      asOf: '2023-12-29', period: null, cumulative: false,
      change: { value: 10, unit: '万人', normalizedValue: 100000, baseline: 'PREVIOUS_YEAR_SAME_PERIOD' },
      region: { id: 'region:450000' }, subjects: [{ id: 'program:dibao' }, { id: 'target-group:dibao-recipients' }],
    });
    expect(data.b).toEqual({
      printed: '5000—7000元', value: null, lower: 5000, upper: 7000, normalizedLower: 5000, normalizedUpper: 7000,
      comparator: 'RANGE', period: { start: '2023-01-01', end: '2023-11-30' },
    });
  });

  it('filters an entity’s relations by direction and type, each edge saying how it was reached', async () => {
    const { data } = await client.query(`{ node(id: "program:dibao") { ... on Entity {
      out: relations(direction: OUTGOING) { edges { type direction node { id } relation { id from { id } to { id } derived } } }
      measured: relations(types: [MEASURES], direction: INCOMING) { totalCount edges { node { id } relation { derived } } }
    } } }`);
    expect(data.node.out.edges).toEqual([
      { type: 'USES', direction: 'OUTGOING', node: { id: 'organization:platform' }, relation: { id: 'USES:program:dibao->organization:platform', from: { id: 'program:dibao' }, to: { id: 'organization:platform' }, derived: false } },
    ]);
    expect(data.node.measured.totalCount).toBe(2);
    expect(data.node.measured.edges.every((e: any) => e.relation.derived)).toBe(true);
  });
});
