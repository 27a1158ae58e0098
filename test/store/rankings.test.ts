import { beforeAll, describe, expect, it } from 'vitest';
import { createPolicyGraph } from '../../src/store/graph.js';
import { pageRanks, type Rankings, rankingsDerivation } from '../../src/store/rankings.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';
import { coIssuingStore } from './co-issuing-fixture.js';

let store: PolicyStore;
let rankings: Rankings;
beforeAll(async () => {
  store = await fixtureStore();
  rankings = store.derived(rankingsDerivation);
});

const ids = (entities: readonly { id: string }[]) => entities.map((e) => e.id);

describe('degree', () => {
  it('counts each relation once, in and out, parallel relations each', () => {
    // civil-affairs: ISSUED_BY and ORGANIZED_BY point at it; LOCATED_IN, ADMINISTERS, PARTNERS_WITH start at it.
    expect(rankings.of.get('agency:civil-affairs')).toMatchObject({ inDegree: 2, outDegree: 3, degree: 5 });
    // notice: two ISSUED_BY, GOVERNS, TARGETS, and both IMPLEMENTS and CITES to the regulation.
    expect(rankings.of.get('policy:notice')).toMatchObject({ inDegree: 0, outDegree: 6, degree: 6 });
    expect(rankings.of.get('policy:regulation')).toMatchObject({ inDegree: 2, outDegree: 0, degree: 2 });
  });

  it('counts the SCOPED_TO and MEASURES relations derived from figures like any other', () => {
    // dibao: GOVERNS, FUNDS and two figures' MEASURES in; USES out.
    expect(rankings.of.get('program:dibao')).toMatchObject({ inDegree: 4, outDegree: 1, degree: 5 });
    expect(rankings.of.get('metric:nanning-grant')).toMatchObject({ inDegree: 0, outDegree: 2, degree: 2 });
  });

  it('agrees with the relations the store lists for every entity', () => {
    for (const entity of store.entities()) {
      const r = rankings.of.get(entity.id)!;
      expect(r.inDegree, entity.id).toBe(store.relations(entity.id, 'INCOMING').length);
      expect(r.outDegree, entity.id).toBe(store.relations(entity.id, 'OUTGOING').length);
    }
  });
});

describe('PageRank', () => {
  it('is a probability distribution over all entities', () => {
    const scores = [...rankings.of.values()].map((r) => r.pagerank);
    expect(scores).toHaveLength(store.entities().length);
    for (const s of scores) expect(s).toBeGreaterThan(0);
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('is the fixed point of the PageRank equation (damping 0.85, dangling entities spread evenly)', () => {
    const n = store.graph.order;
    const x = (id: string) => rankings.of.get(id)!.pagerank;
    const dangling = store.graph.filterNodes((id) => store.graph.outDegree(id) === 0).reduce((sum, id) => sum + x(id), 0);
    for (const id of store.graph.nodes()) {
      const inflow = store.graph.inEdges(id).reduce((sum, e) => {
        const source = store.graph.source(e);
        return sum + x(source) / store.graph.outDegree(source);
      }, 0);
      expect(Math.abs(x(id) - ((1 - 0.85) / n + 0.85 * (inflow + dangling / n))), id).toBeLessThan(1e-6);
    }
  });

  it('ranks what many relations point at above what nothing points at', () => {
    expect(rankings.of.get('region:450000')!.pagerank).toBeGreaterThan(rankings.of.get('policy:notice')!.pagerank);
  });

  it('gives an empty graph no ranks instead of failing to converge', () => {
    expect(pageRanks(createPolicyGraph())).toEqual({});
  });
});

describe('ranked lists', () => {
  it('ranks highest first, equal scores sharing a rank and keeping data order', () => {
    const metrics = rankings.ranked('DEGREE', 'METRIC');
    expect(metrics.map((r) => [r.entity.id, r.score, r.rank])).toEqual([
      ['metric:recipients', 3, 1],
      ['metric:funds', 2, 2],
      ['metric:nanning-grant', 2, 2],
    ]);
  });

  it('ranks all kinds together when no kind is given, by each measure', () => {
    for (const measure of ['PAGERANK', 'DEGREE', 'IN_DEGREE', 'OUT_DEGREE'] as const) {
      const all = rankings.ranked(measure, null);
      expect(all).toHaveLength(store.entities().length);
      for (let i = 1; i < all.length; i++) expect(all[i]!.score).toBeLessThanOrEqual(all[i - 1]!.score);
    }
    expect(rankings.ranked('IN_DEGREE', null)[0]!.entity.id).toBe('region:450000');
    expect(rankings.ranked('OUT_DEGREE', null)[0]!.entity.id).toBe('policy:notice');
  });
});

describe('sorted connections', () => {
  let richer: Rankings;
  beforeAll(async () => {
    richer = (await coIssuingStore()).derived(rankingsDerivation);
  });

  it('orders agencies by documents issued, most first', () => {
    expect(ids(richer.agencies.DATA_ORDER)).toEqual(['agency:civil-affairs', 'agency:education', 'agency:market']);
    // civil-affairs 4 (notice, standard, plan, data-sharing), market 3 (standard, plan, market-rule), education 2.
    expect(ids(richer.agencies.POLICIES_ISSUED)).toEqual(['agency:civil-affairs', 'agency:market', 'agency:education']);
  });

  it('orders programs by figures, by governing documents and by degree', () => {
    expect(ids(richer.programs.DATA_ORDER)).toEqual(['program:dibao', 'program:lottery-fund']);
    expect(ids(richer.programs.METRICS)).toEqual(['program:lottery-fund', 'program:dibao']); // 3 figures against 2
    expect(ids(richer.programs.POLICIES)).toEqual(['program:dibao', 'program:lottery-fund']); // 1 against 0
    expect(ids(richer.programs.DEGREE)).toEqual(['program:dibao', 'program:lottery-fund']); // 5 against 4
  });

  it('orders by PageRank descending', () => {
    const scores = richer.agencies.PAGERANK.map((a) => richer.of.get(a.id)!.pagerank);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
