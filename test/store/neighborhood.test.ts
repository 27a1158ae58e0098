import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { type Neighborhood, neighborhood, neighborhoodLimits } from '../../src/store/neighborhood.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';

let store: PolicyStore;
beforeAll(async () => {
  store = await fixtureStore();
});

const depths = (n: Neighborhood | null) => Object.fromEntries(n!.entities.map((e) => [e.entity.id, e.depth]));

/** The relations of the graph whose two ends are both listed (of the given types): what `relations` must hold. */
function induced(s: PolicyStore, n: Neighborhood, types: string[] = []) {
  const listed = new Set(n.entities.map((e) => e.entity.id));
  return s.graph
    .filterEdges((_key, r, a, b) => listed.has(a) && listed.has(b) && (types.length === 0 || types.includes(r.type)))
    .map((key) => s.graph.getEdgeAttributes(key));
}

describe('neighborhood', () => {
  it('lists the center at depth 0 and its neighbours at depth 1, with the relations among them', () => {
    const n = neighborhood(store, 'program:dibao')!;
    expect(n.center.id).toBe('program:dibao');
    expect(n.entities[0]).toEqual({ entity: n.center, depth: 0 });
    expect(depths(n)).toEqual({
      'program:dibao': 0,
      'policy:notice': 1,
      'organization:platform': 1,
      'program:lottery-fund': 1,
      'metric:recipients': 1,
      'metric:funds': 1,
    });
    expect(new Set(n.relations)).toEqual(new Set(induced(store, n)));
    expect(n.relations.map((r) => r.type).sort()).toEqual(['FUNDS', 'GOVERNS', 'MEASURES', 'MEASURES', 'USES']);
    expect(n.truncated).toBe(false);
  });

  it('follows relations only in the direction asked for', () => {
    expect(Object.keys(depths(neighborhood(store, 'program:dibao', { direction: 'OUTGOING' })))).toEqual(['program:dibao', 'organization:platform']);
    expect(Object.keys(depths(neighborhood(store, 'program:dibao', { direction: 'INCOMING' }))).sort()).toEqual([
      'metric:funds',
      'metric:recipients',
      'policy:notice',
      'program:dibao',
      'program:lottery-fund',
    ]);
    // Two steps forward from the notice: its issuers, then where the lead issuer is seated.
    expect(depths(neighborhood(store, 'policy:notice', { direction: 'OUTGOING', depth: 2, relationTypes: ['ISSUED_BY', 'LOCATED_IN'] }))).toEqual({
      'policy:notice': 0,
      'agency:civil-affairs': 1,
      'agency:education': 1,
      'region:450000': 2,
    });
  });

  it('records the fewest relations to each entity, and keeps only relations of the types asked for', () => {
    const n = neighborhood(store, 'program:dibao', { depth: 2, relationTypes: ['GOVERNS', 'ISSUED_BY'] })!;
    expect(depths(n)).toEqual({ 'program:dibao': 0, 'policy:notice': 1, 'agency:civil-affairs': 2, 'agency:education': 2 });
    // The two agencies are partners, but PARTNERS_WITH is not among the types asked for.
    expect(n.relations.map((r) => r.type).sort()).toEqual(['GOVERNS', 'ISSUED_BY', 'ISSUED_BY']);
    const all = neighborhood(store, 'program:dibao', { depth: 2 })!;
    expect(depths(all)['agency:civil-affairs']).toBe(2);
    expect(depths(all)['region:450000']).toBe(2);
    expect(depths(all)['policy:notice']).toBe(1);
    expect(new Set(all.relations)).toEqual(new Set(induced(store, all)));
    expect(all.relations.map((r) => r.key)).toContain('PARTNERS_WITH:agency:civil-affairs->agency:education');
  });

  it('cuts at the limit, keeping the nearest entities, and says so', () => {
    const cut = neighborhood(store, 'program:dibao', { limit: 3 })!;
    expect(cut.entities).toHaveLength(3);
    expect(cut.entities.map((e) => e.depth)).toEqual([0, 1, 1]);
    expect(cut.truncated).toBe(true);
    expect(new Set(cut.relations)).toEqual(new Set(induced(store, cut)));
    const exact = neighborhood(store, 'program:dibao', { limit: 6 })!;
    expect(exact.entities).toHaveLength(6);
    expect(exact.truncated).toBe(false);
    const deeper = neighborhood(store, 'program:dibao', { limit: 6, depth: 2 })!;
    expect(deeper.entities.map((e) => e.depth)).toEqual([0, 1, 1, 1, 1, 1]);
    expect(deeper.truncated).toBe(true);
  });

  it('answers null for an unknown id and refuses depth and limit past their ceilings', () => {
    expect(neighborhood(store, 'program:none')).toBeNull();
    expect(() => neighborhood(store, 'program:dibao', { depth: neighborhoodLimits.depth.ceiling + 1 })).toThrow(RangeError);
    expect(() => neighborhood(store, 'program:dibao', { limit: neighborhoodLimits.limit.ceiling + 1 })).toThrow(RangeError);
    expect(() => neighborhood(store, 'program:dibao', { limit: 0 })).toThrow(RangeError);
  });
});

describe('neighborhood on the bundled data', () => {
  let bundled: PolicyStore;
  beforeAll(async () => {
    bundled = await loadStore(defaultDataDir);
  });

  it('shows 低保 with the documents that govern it, the system it is part of, its group and its figures', () => {
    const n = neighborhood(bundled, 'program:minimum-living-allowance')!;
    const at = depths(n);
    for (const id of [
      'policy:gx-minimum-living-allowance-review-measures',
      'policy:gx-return-to-poverty-monitoring-minimum-living-allowance-linkage-notice',
      'program:social-assistance',
      'target-group:minimum-living-allowance-recipients',
      'metric:gx-minimum-living-allowance-recipients-2023',
      'metric:gx-minimum-living-allowance-funds-2023',
    ]) {
      expect(at[id], id).toBe(1);
    }
    expect(Object.values(at).filter((d) => d === 0)).toHaveLength(1);
    expect(new Set(n.relations)).toEqual(new Set(induced(bundled, n)));
    expect(n.relations.map((r) => r.type)).toEqual(expect.arrayContaining(['GOVERNS', 'PART_OF', 'TARGETS', 'MEASURES']));
  });

  it('reaches the issuing department, the region and the sibling documents at depth 2', () => {
    const one = depths(neighborhood(bundled, 'program:minimum-living-allowance'));
    const n = neighborhood(bundled, 'program:minimum-living-allowance', { depth: 2, limit: neighborhoodLimits.limit.ceiling })!;
    const two = depths(n);
    expect(n.truncated).toBe(false);
    for (const [id, depth] of Object.entries(one)) expect(two[id], id).toBe(depth);
    expect(two['agency:gx-civil-affairs']).toBe(2);
    expect(two['region:450000']).toBe(2);
    expect(two['policy:gx-social-assistance-data-sharing-measures']).toBe(2);
    expect(Object.keys(two).length).toBeGreaterThan(Object.keys(one).length);
  });
});
