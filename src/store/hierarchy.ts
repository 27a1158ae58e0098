import type { PolicyGraph } from './graph.js';

/**
 * The PART_OF cycles of the graph (a region inside itself, a figure that is part of its own part), each as the
 * relation keys that close it. Hierarchies must be acyclic: sums, sub-regions and paths up a hierarchy rely on it.
 */
export function partOfCycles(graph: PolicyGraph): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const trail: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    graph.forEachOutEdge(node, (key, relation, _source, target) => {
      if (relation.type !== 'PART_OF') return;
      trail.push(key);
      if (state.get(target) === 'open') {
        const start = trail.findIndex((k) => graph.source(k) === target);
        cycles.push(trail.slice(start));
      } else if (!state.has(target)) visit(target);
      trail.pop();
    });
    state.set(node, 'done');
  };
  graph.forEachNode((node) => {
    if (!state.has(node)) visit(node);
  });
  return cycles;
}
