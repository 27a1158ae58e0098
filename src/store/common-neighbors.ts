import type { RelationType } from '../model/relations.js';
import type { EntityNode, RelationEdge } from './graph.js';
import type { Direction, PolicyStore } from './store.js';

/** An entity both `a` and `b` are related to, with the relations that link each of them to it. */
export type CommonNeighbor = { entity: EntityNode; relationsOfA: RelationEdge[]; relationsOfB: RelationEdge[] };

/** The relations of an entity (of these types, in this direction), grouped by the entity at the other end. */
function relationsByNeighbor(store: PolicyStore, id: string, direction: Direction, types: readonly RelationType[]) {
  const byNeighbor = new Map<string, RelationEdge[]>();
  for (const { relation, other } of store.relations(id, direction, types)) {
    byNeighbor.set(other.id, [...(byNeighbor.get(other.id) ?? []), relation]);
  }
  return byNeighbor;
}

/**
 * What two entities share: every entity that both `a` and `b` are related to (over relations of the given
 * types, all when empty, in the given direction seen from `a` and from `b`), in data order, each with the
 * relations from `a` and from `b`. Null when either id names no entity. `a` and `b` are never their own
 * common neighbours (the graph has no self-loops), even when they are related to each other.
 */
export function commonNeighbors(
  store: PolicyStore,
  a: string,
  b: string,
  direction: Direction = 'BOTH',
  types: readonly RelationType[] = [],
): CommonNeighbor[] | null {
  if (!store.entity(a) || !store.entity(b)) return null;
  const ofA = relationsByNeighbor(store, a, direction, types);
  const ofB = relationsByNeighbor(store, b, direction, types);
  const shared = [...ofA.keys()].filter((id) => ofB.has(id) && id !== a && id !== b).map((id) => store.entity(id)!);
  return store.inDataOrder(shared).map((entity) => ({
    entity,
    relationsOfA: ofA.get(entity.id)!,
    relationsOfB: ofB.get(entity.id)!,
  }));
}
