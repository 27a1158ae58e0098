import type { EntityNode } from './graph.js';
import type { PolicyStore } from './store.js';

export type PolicyFilter = {
  /** Documents this agency issued, as lead or jointly. */
  issuedBy?: string | null | undefined;
  /** Documents aimed at this target group or institution. */
  targets?: string | null | undefined;
  /** Documents issued by an agency located in this region or one of its sub-regions. */
  region?: string | null | undefined;
};

/** The policy documents that pass every given criterion, in data-set order, found through the graph's adjacency. */
export function filterPolicies(store: PolicyStore, { issuedBy, targets, region }: PolicyFilter): EntityNode[] {
  const sets: EntityNode[][] = [];
  if (issuedBy) sets.push(store.related(issuedBy, 'ISSUED_BY', 'INCOMING'));
  if (targets) sets.push(store.related(targets, 'TARGETS', 'INCOMING'));
  if (region) {
    const agencies = [...store.regionWithDescendants(region)].flatMap((r) => store.related(r, 'LOCATED_IN', 'INCOMING'));
    sets.push(agencies.flatMap((a) => (a.kind === 'AGENCY' ? store.related(a.id, 'ISSUED_BY', 'INCOMING') : [])));
  }
  if (sets.length === 0) return store.entities(['POLICY']);
  const [first, ...rest] = sets.sort((a, b) => a.length - b.length);
  const others = rest.map((list) => new Set(list));
  return store.inDataOrder(first!.filter((p) => others.every((set) => set.has(p))));
}
