import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import type { RelationType } from '../model/relations.js';
import type { EntityNode } from './graph.js';
import type { Direction, PolicyStore } from './store.js';
import { ownWalkGraph, sharedWalkGraph, stepBetween, type WalkEdge, type WalkGraph, type WalkStep, within } from './walk-graph.js';

/** Defaults and hard ceilings of path searches: a request beyond a ceiling is refused, never run slowly. */
export const pathLimits = {
  maxHops: { default: 4, ceiling: 6 },
  first: { default: 5, ceiling: 20 },
} as const;

/** Which relations a path may walk: at most maxHops steps, only these types (all when empty), in this direction. */
export type PathQuery = { maxHops?: number; relationTypes?: readonly RelationType[]; direction?: Direction };

/** A walk from one entity to another: its entities from start to end and the steps between them, in order. */
export type Path = { entities: EntityNode[]; steps: WalkStep[] };

/** The shortest path between two entities within the query's limits, or null when there is none (or an id is unknown). */
export function shortestPath(store: PolicyStore, from: string, to: string, query: PathQuery = {}): Path | null {
  const maxHops = within('maxHops', query.maxHops, pathLimits.maxHops);
  if (!store.entity(from) || !store.entity(to)) return null;
  const walk = sharedWalkGraph(store, query.direction ?? 'BOTH', query.relationTypes);
  const route = bidirectional(walk, from, to);
  return route && route.length - 1 <= maxHops ? toPath(store, walk, route) : null;
}

/**
 * Up to `first` paths between two entities, shortest first: the k shortest simple paths (Yen's algorithm over
 * graphology's bidirectional search), each a distinct sequence of entities. The search is bounded by
 * first × maxHops shortest-path searches, however many paths the graph holds: a hub such as the autonomous
 * region, with a hundred figures scoped to it, never makes the search enumerate every simple path.
 */
export function paths(store: PolicyStore, from: string, to: string, query: PathQuery & { first?: number } = {}): Path[] {
  const maxHops = within('maxHops', query.maxHops, pathLimits.maxHops);
  const first = within('first', query.first, pathLimits.first);
  if (!store.entity(from) || !store.entity(to)) return [];
  const walk = ownWalkGraph(store, query.direction ?? 'BOTH', query.relationTypes);
  return shortestRoutes(walk, from, to, first, maxHops).map((route) => toPath(store, walk, route));
}

function toPath(store: PolicyStore, walk: WalkGraph, route: string[]): Path {
  return {
    entities: route.map((id) => store.entity(id)!),
    steps: route.slice(1).map((id, i) => stepBetween(store, walk, route[i]!, id)),
  };
}

const hops = (route: readonly string[]) => route.length - 1;

/** Yen's k shortest simple paths, as entity sequences, shortest first, none longer than maxHops. */
function shortestRoutes(walk: WalkGraph, source: string, target: string, k: number, maxHops: number): string[][] {
  const shortest = bidirectional(walk, source, target);
  if (!shortest || hops(shortest) > maxHops) return [];
  const found = [shortest];
  const candidates: string[][] = [];
  const known = new Set([shortest.join(' ')]);
  while (found.length < k) {
    const previous = found.at(-1)!;
    // Branch off at each entity of the previous route that leaves room for one more hop.
    for (let i = 0; i < hops(previous) && i < maxHops; i++) {
      const root = previous.slice(0, i + 1);
      const spur = previous[i]!;
      // The next step of every route found with this root is taken, so the branch must differ from them all;
      // the root's earlier entities are taken so that the path stays simple.
      const taken = found.filter((r) => r.length > i + 1 && root.every((id, j) => r[j] === id)).map((r) => [spur, r[i + 1]!] as const);
      const tail = withRemoved(walk, root.slice(0, -1), taken, () => bidirectional(walk, spur, target));
      if (!tail) continue;
      const route = [...root.slice(0, -1), ...tail];
      const key = route.join(' ');
      if (hops(route) > maxHops || known.has(key)) continue;
      known.add(key);
      const at = candidates.findIndex((c) => c.length > route.length);
      candidates.splice(at === -1 ? candidates.length : at, 0, route);
    }
    const next = candidates.shift();
    if (!next) break;
    found.push(next);
  }
  return found;
}

/** Runs `search` with the links at some entities and some links between pairs taken out, then puts them all back. */
function withRemoved<T>(walk: WalkGraph, entities: string[], links: (readonly [string, string])[], search: () => T): T {
  const removed: [key: string, source: string, target: string, attributes: WalkEdge][] = [];
  const take = (key: string) => {
    removed.push([key, walk.source(key), walk.target(key), walk.getEdgeAttributes(key)]);
    walk.dropEdge(key);
  };
  for (const id of entities) walk.edges(id).forEach(take);
  for (const [a, b] of links) {
    const key = walk.edge(a, b);
    if (key !== undefined) take(key);
  }
  try {
    return search();
  } finally {
    for (const [key, source, target, attributes] of removed) walk.addEdgeWithKey(key, source, target, attributes);
  }
}
