import { MultiDirectedGraph } from 'graphology';
import type { ResolvedCitation } from '../model/citation.js';
import type { Entity } from '../model/entity.js';
import type { Relation } from '../model/relations.js';

/** An entity as stored: every citation names its source. */
export type EntityNode = Entity & { citations: ResolvedCitation[] };

/** A relation as stored: its key, and whether the loader derived it from a metric's `region` or `subjects`. */
export type RelationEdge = Relation & { key: string; citations: ResolvedCitation[]; derived: boolean };

/** The policy graph: a directed multigraph of entities and typed relations. */
export type PolicyGraph = MultiDirectedGraph<EntityNode, RelationEdge>;

export function createPolicyGraph(): PolicyGraph {
  return new MultiDirectedGraph<EntityNode, RelationEdge>({ allowSelfLoops: false });
}
