import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { clientFor } from './client.js';

let client: ReturnType<typeof clientFor>;
beforeAll(async () => {
  client = clientFor(await loadStore(defaultDataDir));
});

describe('who works with whom, and what matters most, on the bundled data', () => {
  it('names 自治区民政厅’s co-issuers and keeps the departments the article only counts', async () => {
    const { data, errors } = await client.query(`{ lookup(name: "自治区民政厅") { ... on Agency { id
      coIssuers(first: 10) { agency { id } documentCount documents(first: 10) { id issuedBy(first: 10) { edges { node { id } } } } }
      jointDocuments(first: 100) { edges { node { policy { id issuerCount } namedCoIssuers { id } unnamedCoIssuerCount coIssuerCount } } } } } }`);
    expect(errors).toBeUndefined();
    const [agency] = data.lookup;
    expect(agency.id).toBe('agency:gx-civil-affairs');
    const coIssuers = agency.coIssuers.map((c: any) => c.agency.id);
    expect(coIssuers).toEqual(expect.arrayContaining(['agency:gx-education', 'agency:gx-market-regulation']));
    for (const tie of agency.coIssuers) {
      expect(tie.documentCount).toBe(tie.documents.length);
      // Every document of a tie names both agencies as issuers.
      for (const doc of tie.documents) {
        expect(doc.issuedBy.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining([agency.id, tie.agency.id]));
      }
    }
    // 联合10部门: issued with ten departments the article does not name.
    const joint = agency.jointDocuments.edges.map((e: any) => e.node);
    expect(joint).toContainEqual({
      policy: { id: 'policy:gx-social-assistance-data-sharing-measures', issuerCount: 11 },
      namedCoIssuers: [],
      unnamedCoIssuerCount: 10,
      coIssuerCount: 10,
    });
    for (const doc of joint) expect(doc.coIssuerCount).toBe(doc.policy.issuerCount - 1);
  });

  it('ranks the civil-affairs department, which the article is about, first among agencies', async () => {
    const { data } = await client.query(`{
      byDegree: rankings(kind: AGENCY, by: DEGREE, first: 1) { rank entity { id } }
      byDocuments: agencies(orderBy: POLICIES_ISSUED, first: 1) { edges { node { id } } } }`);
    expect(data.byDegree).toEqual([{ rank: 1, entity: { id: 'agency:gx-civil-affairs' } }]);
    expect(data.byDocuments.edges[0].node.id).toBe('agency:gx-civil-affairs');
  });

  it('sorts programs by their number of figures', async () => {
    const { data } = await client.query(`{ programs(orderBy: METRICS, first: 100) { edges { node { id metrics { totalCount } } } } }`);
    const counts = data.programs.edges.map((e: any) => e.node.metrics.totalCount);
    expect(counts[0]).toBeGreaterThan(0);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(data.programs.edges.map((e: any) => e.node.id)).toContain('program:minimum-living-allowance');
  });

  it('finds what 低保 and 特困人员救助供养 share: both are part of 社会救助', async () => {
    const { data, errors } = await client.query(`{ commonNeighbors(a: "program:minimum-living-allowance", b: "program:extreme-poverty-support") {
      entity { id } relationsOfA { type } relationsOfB { type } } }`);
    expect(errors).toBeUndefined();
    expect(data.commonNeighbors).toContainEqual({ entity: { id: 'program:social-assistance' }, relationsOfA: [{ type: 'PART_OF' }], relationsOfB: [{ type: 'PART_OF' }] });
  });
});
