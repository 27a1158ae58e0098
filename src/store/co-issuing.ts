import type { z } from 'zod';
import type { IssuerRole } from '../model/relations.js';
import type { EntityNode } from './graph.js';
import type { PolicyStore } from './store.js';

/** A document an agency issued together with other agencies, named (ISSUED_BY) or only counted by the source. */
export type JointDocument = {
  policy: EntityNode;
  /** The part this agency played: LEAD or JOINT. */
  role: z.infer<typeof IssuerRole>;
  /** The other agencies the graph names as issuers, in data order. */
  namedCoIssuers: EntityNode[];
  /** Co-issuers the source only counts (联合10部门), never named in the graph. */
  unnamedCoIssuerCount: number;
};

/** Another agency an agency issued documents with, and those documents (data order). */
export type CoIssuerTie = { agency: EntityNode; documents: EntityNode[] };

/** Two agencies (in data order) and the documents both issued (data order). */
export type CoIssuingPair = { agencies: [EntityNode, EntityNode]; documents: EntityNode[] };

/** Who issued documents with whom, from the ISSUED_BY relations and each document's unnamedCoIssuerCount. */
export type CoIssuing = {
  /** Agency pairs with at least one joint document, most documents first, ties in data order of the agencies. */
  pairs: CoIssuingPair[];
  /** The agencies an agency co-issued with, most documents first, ties in data order; none for an unknown id. */
  coIssuers(agencyId: string): CoIssuerTie[];
  /** The documents an agency issued with at least one other agency (named or counted), in data order. */
  jointDocuments(agencyId: string): JointDocument[];
};

const mostDocumentsFirst = <T extends { documents: EntityNode[] }>(ties: T[]) =>
  ties.sort((x, y) => y.documents.length - x.documents.length);

/** Builds the co-issuing index in one pass over the documents; plain data, shared by every request. */
export function buildCoIssuing(store: PolicyStore): CoIssuing {
  const joint = new Map<string, JointDocument[]>();
  const ties = new Map<string, Map<string, CoIssuerTie>>();
  const pairs = new Map<string, CoIssuingPair>();

  for (const policy of store.entities(['POLICY'])) {
    const issuers = store.relations(policy.id, 'OUTGOING', ['ISSUED_BY']);
    const named = store.inDataOrder(issuers.map((v) => v.other));
    const unnamed = policy.kind === 'POLICY' ? (policy.unnamedCoIssuerCount ?? 0) : 0;
    if (named.length + unnamed < 2) continue;
    for (const { relation, other: agency } of issuers) {
      const role = 'role' in relation ? relation.role : 'JOINT';
      const namedCoIssuers = named.filter((a) => a !== agency);
      const list = joint.get(agency.id) ?? [];
      list.push({ policy, role, namedCoIssuers, unnamedCoIssuerCount: unnamed });
      joint.set(agency.id, list);
      const mine = ties.get(agency.id) ?? new Map<string, CoIssuerTie>();
      for (const co of namedCoIssuers) {
        const tie = mine.get(co.id) ?? { agency: co, documents: [] };
        tie.documents.push(policy);
        mine.set(co.id, tie);
      }
      ties.set(agency.id, mine);
    }
    named.forEach((a, i) => {
      for (const b of named.slice(i + 1)) {
        const key = `${a.id} ${b.id}`;
        const pair = pairs.get(key) ?? { agencies: [a, b], documents: [] };
        pair.documents.push(policy);
        pairs.set(key, pair);
      }
    });
  }

  // Sorting is stable: sort into data order of the agencies first, then by document count.
  const sortedTies = new Map(
    [...ties].map(([id, mine]) => {
      const order = store.inDataOrder([...mine.values()].map((t) => t.agency));
      return [id, mostDocumentsFirst(order.map((a) => mine.get(a.id)!))];
    }),
  );
  const agencyOrder = new Map(store.inDataOrder(store.entities(['AGENCY'])).map((a, i) => [a.id, i]));
  const place = (p: CoIssuingPair) => p.agencies.map((a) => agencyOrder.get(a.id)!);
  const sortedPairs = [...pairs.values()].sort((x, y) => {
    const [x0, x1] = place(x);
    const [y0, y1] = place(y);
    return x0! - y0! || x1! - y1!;
  });

  return {
    pairs: mostDocumentsFirst(sortedPairs),
    coIssuers: (id) => sortedTies.get(id) ?? [],
    jointDocuments: (id) => joint.get(id) ?? [],
  };
}
