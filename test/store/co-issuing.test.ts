import { beforeAll, describe, expect, it } from 'vitest';
import type { CoIssuing } from '../../src/store/co-issuing.js';
import { commonNeighbors } from '../../src/store/common-neighbors.js';
import { rankingsDerivation } from '../../src/store/rankings.js';
import type { RelationType } from '../../src/model/relations.js';
import type { Direction, PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';
import { coIssuingStore } from './co-issuing-fixture.js';

let store: PolicyStore;
let coIssuing: CoIssuing;
beforeAll(async () => {
  store = await coIssuingStore();
  coIssuing = store.derived(rankingsDerivation).coIssuing;
});

const ids = (entities: readonly { id: string }[]) => entities.map((e) => e.id);

describe('co-issuing', () => {
  it('lists the agencies an agency issued documents with, most documents first, ties in data order', () => {
    const ties = coIssuing.coIssuers('agency:civil-affairs');
    expect(ties.map((t) => [t.agency.id, ids(t.documents)])).toEqual([
      ['agency:education', ['policy:notice', 'policy:plan']],
      ['agency:market', ['policy:standard', 'policy:plan']],
    ]);
    expect(coIssuing.coIssuers('agency:market').map((t) => [t.agency.id, t.documents.length])).toEqual([
      ['agency:civil-affairs', 2],
      ['agency:education', 1],
    ]);
  });

  it('ranks agency pairs by documents both issued', () => {
    expect(coIssuing.pairs.map((p) => [ids(p.agencies), p.documents.length])).toEqual([
      [['agency:civil-affairs', 'agency:education'], 2],
      [['agency:civil-affairs', 'agency:market'], 2],
      [['agency:education', 'agency:market'], 1],
    ]);
  });

  it('keeps the co-issuers the source only counts on each joint document', () => {
    const joint = coIssuing.jointDocuments('agency:civil-affairs');
    expect(joint.map((j) => [j.policy.id, j.role, ids(j.namedCoIssuers), j.unnamedCoIssuerCount])).toEqual([
      ['policy:notice', 'LEAD', ['agency:education'], 9],
      ['policy:standard', 'LEAD', ['agency:market'], 0],
      ['policy:plan', 'JOINT', ['agency:education', 'agency:market'], 2],
      ['policy:data-sharing', 'LEAD', [], 3],
    ]);
    // A document an agency issued alone is not a joint document.
    expect(ids(coIssuing.jointDocuments('agency:market').map((j) => j.policy))).toEqual(['policy:standard', 'policy:plan']);
  });

  it('has nothing for an agency that issued nothing jointly, or an unknown id', async () => {
    const base = (await fixtureStore()).derived(rankingsDerivation).coIssuing;
    expect(base.pairs).toHaveLength(1);
    expect(coIssuing.coIssuers('agency:unknown')).toEqual([]);
    expect(coIssuing.jointDocuments('region:450000')).toEqual([]);
  });
});

describe('commonNeighbors', () => {
  const shared = (a: string, b: string, direction?: Direction, types?: RelationType[]) =>
    commonNeighbors(store, a, b, direction, types)!.map((n) => n.entity.id);

  it('finds what two agencies share, with the relations from each', () => {
    const found = commonNeighbors(store, 'agency:civil-affairs', 'agency:education')!;
    expect(ids(found.map((n) => n.entity))).toEqual(['policy:notice', 'policy:plan']);
    expect(found[1]!.relationsOfA.map((r) => [r.type, r.from, r.to, 'role' in r && r.role])).toEqual([
      ['ISSUED_BY', 'policy:plan', 'agency:civil-affairs', 'JOINT'],
    ]);
    expect(found[1]!.relationsOfB.map((r) => 'role' in r && r.role)).toEqual(['LEAD']);
  });

  it('follows the direction from both ends and filters by relation type', () => {
    // Both documents point at the target group and the regulation; nothing points at both.
    expect(shared('policy:notice', 'policy:plan', 'OUTGOING')).toEqual([
      'agency:civil-affairs', 'agency:education', 'target-group:dibao-recipients', 'policy:regulation',
    ]);
    expect(shared('policy:notice', 'policy:plan', 'INCOMING')).toEqual([]);
    expect(shared('policy:notice', 'policy:plan', 'BOTH', ['TARGETS'])).toEqual(['target-group:dibao-recipients']);
    expect(shared('agency:civil-affairs', 'agency:education', 'OUTGOING')).toEqual([]);
  });

  it('groups parallel relations to the same entity', () => {
    const regulation = commonNeighbors(store, 'policy:notice', 'policy:plan')!.find((n) => n.entity.id === 'policy:regulation')!;
    expect(regulation.relationsOfA.map((r) => r.type).sort()).toEqual(['CITES', 'IMPLEMENTS']);
    expect(regulation.relationsOfB.map((r) => r.type)).toEqual(['CITES']);
  });

  it('never lists a or b themselves, even when they are related', () => {
    // civil-affairs PARTNERS_WITH education: each is the other's neighbour, not a shared one.
    expect(shared('agency:civil-affairs', 'agency:education')).not.toContain('agency:civil-affairs');
    expect(shared('agency:civil-affairs', 'agency:education')).not.toContain('agency:education');
  });

  it('is null for an unknown id', () => {
    expect(commonNeighbors(store, 'agency:civil-affairs', 'agency:unknown')).toBeNull();
    expect(commonNeighbors(store, 'agency:unknown', 'agency:civil-affairs')).toBeNull();
  });
});
