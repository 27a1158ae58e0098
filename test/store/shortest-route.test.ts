import { DirectedGraph, UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { shortestRoute, stepKey } from '../../src/store/shortest-route.js';
import type { Direction, PolicyStore } from '../../src/store/store.js';
import { Walk } from '../../src/store/walk.js';

let store: PolicyStore;
beforeAll(async () => {
  store = await loadStore(defaultDataDir);
});

/** The walk as a graphology graph, built as the walk graphs were: graphology's own search is the reference. */
function referenceGraph(direction: Direction) {
  const graph = direction === 'BOTH' ? new UndirectedGraph() : new DirectedGraph();
  store.graph.forEachNode((id) => graph.addNode(id));
  store.graph.forEachEdge((_key, _r, source, target) => {
    const [from, to] = direction === 'INCOMING' ? [target, source] : [source, target];
    if (!graph.hasEdge(from, to)) graph.addEdge(from, to);
  });
  return graph;
}

describe('shortestRoute over the relation index', () => {
  it.each(['BOTH', 'OUTGOING', 'INCOMING'] as const)('finds the route graphology finds, walking %s', (direction) => {
    const walk = new Walk(store, direction);
    const reference = referenceGraph(direction);
    const ids = walk.index.ids;
    let found = 0;
    for (let a = 0; a < ids.length; a += 5) {
      for (let b = 1; b < ids.length; b += 7) {
        const expected = bidirectional(reference, ids[a]!, ids[b]!);
        const route = shortestRoute(walk, a, b, 1000);
        expect(route ? route.map((n) => ids[n]) : null).toEqual(expected);
        if (route && route.length > 2) found++;
      }
    }
    expect(found).toBeGreaterThan(direction === 'BOTH' ? 500 : 10);
  });

  it('gives up beyond maxHops without changing the route within it', () => {
    const walk = new Walk(store, 'BOTH');
    const [a, b] = [walk.index.numberOf('program:minimum-living-allowance')!, walk.index.numberOf('region:450100')!];
    const route = shortestRoute(walk, a, b, 6)!;
    const hops = route.length - 1;
    expect(hops).toBeGreaterThan(1);
    expect(shortestRoute(walk, a, b, hops)).toEqual(route);
    expect(shortestRoute(walk, a, b, hops - 1)).toBeNull();
  });

  it('walks around blocked entities and steps, or finds nothing', () => {
    const walk = new Walk(store, 'BOTH');
    const [a, b] = [walk.index.numberOf('program:minimum-living-allowance')!, walk.index.numberOf('region:450100')!];
    const route = shortestRoute(walk, a, b, 6)!;
    const middle = route[1]!;
    const around = shortestRoute(walk, a, b, 6, { entities: new Set([middle]), steps: new Set() });
    expect(around).not.toBeNull();
    expect(around).not.toContain(middle);
    const stepBlocked = shortestRoute(walk, a, b, 6, { entities: new Set(), steps: new Set([stepKey(a, middle)]) });
    expect(stepBlocked?.[1]).not.toBe(middle);
    const everyFirstStep = new Set<number>();
    walk.forEachNext(a, (n) => void everyFirstStep.add(stepKey(a, n)));
    expect(shortestRoute(walk, a, b, 6, { entities: new Set(), steps: everyFirstStep })).toBeNull();
  });
});
