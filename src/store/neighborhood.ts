import type { RelationType } from '../model/relations.js';
import type { EntityNode, RelationEdge } from './graph.js';
import type { Direction, PolicyStore } from './store.js';
import { stepKey } from './shortest-route.js';
import { Walk, within } from './walk.js';

/** Defaults and hard ceilings of neighbourhoods: depth in relations from the center, limit in entities. */
export const neighborhoodLimits = {
  depth: { default: 1, ceiling: 3 },
  limit: { default: 50, ceiling: 500 },
} as const;

/** How far to look: up to depth relations away, only these types (all when empty), in this direction, at most limit entities. */
export type NeighborhoodQuery = { depth?: number; relationTypes?: readonly RelationType[]; direction?: Direction; limit?: number };

/** An entity of a neighbourhood and the fewest relations it is away from the center (0 for the center). */
export type Neighbor = { entity: EntityNode; depth: number };

/**
 * The subgraph around an entity as flat lists: the entities reached breadth-first (the center first, then by
 * depth), every relation of the allowed types among them, and whether the limit left out entities within depth.
 */
export type Neighborhood = { center: EntityNode; entities: Neighbor[]; relations: RelationEdge[]; truncated: boolean };

/** The neighbourhood of an entity, or null when no entity has the id. */
export function neighborhood(store: PolicyStore, id: string, query: NeighborhoodQuery = {}): Neighborhood | null {
  const depth = within('depth', query.depth, neighborhoodLimits.depth);
  const limit = within('limit', query.limit, neighborhoodLimits.limit);
  const center = store.entity(id);
  if (!center) return null;
  const walk = new Walk(store, query.direction ?? 'BOTH', query.relationTypes);
  const { ids } = walk.index;
  const entities: Neighbor[] = [];
  const kept = new Set<number>();
  let truncated = false;
  // Breadth first, so that when the limit cuts, the entities kept are the nearest ones. An entity is queued
  // once, when first seen; the queue is read in order (graphology-traversal's bfsFromNode, over the index).
  const queue: [entity: number, depth: number][] = [[walk.index.numberOf(id)!, 0]];
  const seen = new Set([queue[0]![0]]);
  for (let next = 0; next < queue.length; next++) {
    const [reached, at] = queue[next]!;
    if (entities.length === limit) {
      truncated = true;
      continue;
    }
    entities.push({ entity: store.entity(ids[reached]!)!, depth: at });
    kept.add(reached);
    if (at === depth) continue;
    walk.forEachNext(reached, (neighbor) => {
      if (!seen.has(neighbor)) {
        seen.add(neighbor);
        queue.push([neighbor, at + 1]);
      }
    });
  }
  return { center, entities, relations: relationsAmong(walk, kept), truncated };
}

/**
 * The relations of the walk's types among the given entities, grouped by the two entities they link (by ordered
 * pair when the walk has a direction), groups in data order of their first relation, each group in data order
 * (the order graphology walk graphs gave). Reads only the kept entities' own relations, never every relation.
 */
function relationsAmong(walk: Walk, kept: ReadonlySet<number>): RelationEdge[] {
  const { outStart, outRelations, to, from, relations } = walk.index;
  const found: number[] = [];
  for (const n of kept) {
    for (let i = outStart[n]!; i < outStart[n + 1]!; i++) {
      const r = outRelations[i]!;
      if (kept.has(to[r]!) && walk.allows(r)) found.push(r);
    }
  }
  const groups = new Map<number, RelationEdge[]>();
  for (const r of found.sort((a, b) => a - b)) {
    const [a, b] = walk.direction === 'BOTH' && from[r]! > to[r]! ? [to[r]!, from[r]!] : [from[r]!, to[r]!];
    const key = stepKey(a, b);
    const group = groups.get(key);
    if (group) group.push(relations[r]!);
    else groups.set(key, [relations[r]!]);
  }
  return [...groups.values()].flat();
}
