import type { RelationType } from '../model/relations.js';
import type { EntityNode } from './graph.js';
import { type Blocked, shortestRoute, stepKey } from './shortest-route.js';
import type { Direction, PolicyStore } from './store.js';
import { stepBetween, Walk, type WalkStep, within } from './walk.js';

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
  const walk = new Walk(store, query.direction ?? 'BOTH', query.relationTypes);
  const [source, target] = [walk.index.numberOf(from), walk.index.numberOf(to)];
  if (source === undefined || target === undefined) return null;
  const route = shortestRoute(walk, source, target, maxHops);
  return route ? toPath(store, walk, route) : null;
}

/**
 * Up to `first` paths between two entities, shortest first: the k shortest simple paths (Yen's algorithm over a
 * bidirectional breadth-first search), each a distinct sequence of entities. The search is bounded by
 * first × maxHops shortest-path searches, however many paths the graph holds: a hub such as the autonomous
 * region, with a hundred figures scoped to it, never makes the search enumerate every simple path. Entities and
 * steps a branch may not use are skipped by the search, never removed from a graph: nothing is copied per request.
 */
export function paths(store: PolicyStore, from: string, to: string, query: PathQuery & { first?: number } = {}): Path[] {
  const maxHops = within('maxHops', query.maxHops, pathLimits.maxHops);
  const first = within('first', query.first, pathLimits.first);
  const walk = new Walk(store, query.direction ?? 'BOTH', query.relationTypes);
  const [source, target] = [walk.index.numberOf(from), walk.index.numberOf(to)];
  if (source === undefined || target === undefined) return [];
  return shortestRoutes(walk, source, target, first, maxHops).map((route) => toPath(store, walk, route));
}

function toPath(store: PolicyStore, walk: Walk, route: number[]): Path {
  return {
    entities: route.map((n) => store.entity(walk.index.ids[n]!)!),
    steps: route.slice(1).map((n, i) => stepBetween(store, walk, route[i]!, n)),
  };
}

const hops = (route: readonly number[]) => route.length - 1;

/** Yen's k shortest simple paths, as entity sequences, shortest first, none longer than maxHops. */
function shortestRoutes(walk: Walk, source: number, target: number, k: number, maxHops: number): number[][] {
  const shortest = shortestRoute(walk, source, target, maxHops);
  if (!shortest) return [];
  const found = [shortest];
  const candidates: number[][] = [];
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
      const tail = shortestRoute(walk, spur, target, maxHops - i, blockedFor(walk, root.slice(0, -1), taken));
      if (!tail) continue;
      const route = [...root.slice(0, -1), ...tail];
      const key = route.join(' ');
      if (known.has(key)) continue;
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

/** Entities and steps a branch may not use; a step taken out of a walk that goes either way is taken out both ways. */
function blockedFor(walk: Walk, entities: number[], steps: (readonly [number, number])[]): Blocked {
  const keys = steps.flatMap(([a, b]) => (walk.direction === 'BOTH' ? [stepKey(a, b), stepKey(b, a)] : [stepKey(a, b)]));
  return { entities: new Set(entities), steps: new Set(keys) };
}
