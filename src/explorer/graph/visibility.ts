/** Which nodes and edges the filters leave on screen, and what is highlighted. */
import type { Kind, RelationType } from '../queries.js';
import type { ExplorerGraph } from './model.js';

export type Visibility = { nodes: Set<string>; edges: Set<string> };

/**
 * An edge shows when its type and both ends' kinds are not filtered out; a node shows when one of its edges
 * shows. Pinned nodes (the open entity, the roots, the path) and path edges always show.
 */
export function computeVisibility(
  graph: ExplorerGraph,
  hiddenRelations: RelationType[],
  hiddenKinds: Kind[],
  pinned: Set<string>,
  pinnedEdges: Set<string>,
): Visibility {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const kindShown = (node: string) => pinned.has(node) || !hiddenKinds.includes(graph.getNodeAttribute(node, 'kind'));
  graph.forEachEdge((edge, attributes, source, target) => {
    const shown = pinnedEdges.has(edge) || (!hiddenRelations.includes(attributes.relation) && kindShown(source) && kindShown(target));
    if (!shown) return;
    edges.add(edge);
    nodes.add(source);
    nodes.add(target);
  });
  for (const node of pinned) if (graph.hasNode(node)) nodes.add(node);
  return { nodes, edges };
}

/** How many nodes of each kind and edges of each type the graph holds, for the legend and the filters. */
export function countGraph(graph: ExplorerGraph) {
  const kinds = new Map<Kind, number>();
  const relations = new Map<RelationType, number>();
  graph.forEachNode((_, a) => kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1));
  graph.forEachEdge((_, a) => relations.set(a.relation, (relations.get(a.relation) ?? 0) + 1));
  return { kinds, relations };
}

/** The nodes and edges of a path, for highlighting. */
export type Highlight = { nodes: Set<string>; edges: Set<string> };
