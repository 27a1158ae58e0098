import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { RelationType } from '../model/relations.js';
import type { EntityNode, RelationEdge } from './graph.js';
import type { Derivation, Direction, PolicyStore } from './store.js';

/** One step of a walk: every relation of the allowed types between two entities, walked in the allowed direction. */
export type WalkEdge = { relations: RelationEdge[] };

/**
 * The policy graph as a walk may go: a simple graph whose edges point the way a walk may go
 * (forward for OUTGOING, reversed for INCOMING, undirected for BOTH), restricted to the allowed relation types.
 * Parallel relations between two entities (a notice that both IMPLEMENTS and CITES a regulation) collapse into
 * one edge that keeps them all, so graphology's algorithms see each pair of neighbours once and always walk
 * "outbound".
 */
export type WalkGraph = AbstractGraph<Record<string, never>, WalkEdge>;

/** One step taken: the relation walked (and the others between the same two entities), and its direction as walked. */
export type WalkStep = {
  relation: RelationEdge;
  alternatives: RelationEdge[];
  direction: 'OUTGOING' | 'INCOMING';
  from: EntityNode;
  to: EntityNode;
};

/** Builds the walk graph in one pass over the relations: O(entities + relations), about a millisecond for the bundled data. */
export function walkGraph(store: PolicyStore, direction: Direction, types: readonly RelationType[] = []): WalkGraph {
  const walk: WalkGraph = direction === 'BOTH' ? new UndirectedGraph() : new DirectedGraph();
  store.graph.forEachNode((id) => walk.addNode(id));
  store.graph.forEachEdge((_key, relation, source, target) => {
    if (types.length > 0 && !types.includes(relation.type)) return;
    const [from, to] = direction === 'INCOMING' ? [target, source] : [source, target];
    const existing = walk.edge(from, to);
    if (existing === undefined) walk.addEdge(from, to, { relations: [relation] });
    else walk.getEdgeAttributes(existing).relations.push(relation);
  });
  return walk;
}

/** The three walk graphs over every relation type, built once at load: most lookups filter no types. */
export const fullWalkGraphs: Derivation<Readonly<Record<Direction, WalkGraph>>> = {
  name: 'walk graphs',
  build: (store) => ({ OUTGOING: walkGraph(store, 'OUTGOING'), INCOMING: walkGraph(store, 'INCOMING'), BOTH: walkGraph(store, 'BOTH') }),
};

/** A walk graph to read, never to change: the one built at load when no types are filtered, else a fresh one. */
export function sharedWalkGraph(store: PolicyStore, direction: Direction, types: readonly RelationType[] = []): WalkGraph {
  return types.length === 0 ? store.derived(fullWalkGraphs)[direction] : walkGraph(store, direction, types);
}

/** A walk graph the caller may change (a search that takes entities out and puts them back): never the shared one. */
export function ownWalkGraph(store: PolicyStore, direction: Direction, types: readonly RelationType[] = []): WalkGraph {
  return types.length === 0 ? store.derived(fullWalkGraphs)[direction].copy() : walkGraph(store, direction, types);
}

/** The step from one entity to the next of a walk: the first relation between them (data order), the rest as alternatives. */
export function stepBetween(store: PolicyStore, walk: WalkGraph, from: string, to: string): WalkStep {
  const [relation, ...alternatives] = walk.getEdgeAttributes(walk.edge(from, to)!).relations;
  return {
    relation: relation!,
    alternatives,
    direction: relation!.from === from ? 'OUTGOING' : 'INCOMING',
    from: store.entity(from)!,
    to: store.entity(to)!,
  };
}

/** A search limit as asked, or its default; a RangeError past its ceiling (the API refuses such requests first). */
export function within(name: string, value: number | undefined, limit: { default: number; ceiling: number }): number {
  const chosen = value ?? limit.default;
  if (!Number.isInteger(chosen) || chosen < 1 || chosen > limit.ceiling) {
    throw new RangeError(`${name} must be an integer from 1 to ${limit.ceiling}, got ${chosen}`);
  }
  return chosen;
}
