import { bfsFromNode } from 'graphology-traversal/bfs.js';
import type { RelationType } from '../model/relations.js';
import type { EntityNode, RelationEdge } from './graph.js';
import type { Direction, PolicyStore } from './store.js';
import { sharedWalkGraph, within } from './walk-graph.js';

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
  const walk = sharedWalkGraph(store, query.direction ?? 'BOTH', query.relationTypes);
  const entities: Neighbor[] = [];
  let truncated = false;
  // Breadth first, so that when the limit cuts, the entities kept are the nearest ones.
  bfsFromNode(walk, id, (reached, _attributes, at) => {
    if (entities.length === limit) {
      truncated = true;
      return true;
    }
    entities.push({ entity: store.entity(reached)!, depth: at });
    return at === depth;
  });
  const kept = new Set(entities.map((n) => n.entity.id));
  const relations: RelationEdge[] = [];
  walk.forEachEdge((_key, step, source, target) => {
    if (kept.has(source) && kept.has(target)) relations.push(...step.relations);
  });
  return { center, entities, relations, truncated };
}
