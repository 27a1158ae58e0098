/**
 * The graph on screen: a graphology multigraph that neighbourhoods and paths from the API are merged into, laid
 * out with ForceAtlas2 for a bounded number of iterations, synchronously (a few milliseconds for a few hundred
 * nodes), so that it settles at once instead of drifting.
 */
import { MultiDirectedGraph } from 'graphology';
import * as forceAtlas2Module from 'graphology-layout-forceatlas2';
import { kindColors } from '../i18n.js';
import type { EntityRef, GraphRelation, Kind, Neighborhood, Path, RelationType } from '../queries.js';

// CommonJS: module.exports is the layout function, which Node-style interop (esbuild's, for a "type": "module"
// package) makes the default import; its types declare it as an ES default export, one level further down.
const forceAtlas2 = forceAtlas2Module.default as unknown as typeof forceAtlas2Module.default.default;

export type NodeAttributes = {
  x: number;
  y: number;
  size: number;
  color: string;
  kind: Kind;
  name: string;
  nameEn: string;
  /** Set by sigma's node reducer from name or nameEn; kept here for sigma's types. */
  label?: string;
  /** Held in place by the layout (the nodes already on screen when a neighbourhood is added). */
  fixed?: boolean;
};
export type EdgeAttributes = { relation: RelationType; size: number; color: string; type: 'arrow'; label?: string };
export type ExplorerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export const createGraph = (): ExplorerGraph => new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();

/** A stable pseudo-random number in [0, 1) per id (FNV-1a), so that a reload draws the same picture. */
function unit(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/** A distance in the graph's own coordinates: about a tenth of what is on screen (the layout scales freely). */
function spacing(graph: ExplorerGraph): number {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((_, { x, y }) => {
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  });
  return graph.order < 2 ? 10 : Math.max(10, Math.max(maxX - minX, maxY - minY) / 10);
}

/** Where a new node starts: on a ring around the node it was reached from (or the origin). */
function startPosition(graph: ExplorerGraph, id: string, near: string | null, ring: number, step: number) {
  const base = near && graph.hasNode(near) ? graph.getNodeAttributes(near) : { x: 0, y: 0 };
  const angle = unit(id) * 2 * Math.PI;
  const radius = step * ring * (0.8 + 0.4 * unit(`${id}#r`));
  return { x: base.x + radius * Math.cos(angle), y: base.y + radius * Math.sin(angle) };
}

const nodeSize = (degree: number | undefined) => 5 + Math.min(9, Math.sqrt(degree ?? 1) * 1.6);

function addEntity(graph: ExplorerGraph, entity: EntityRef & { degree?: number }, near: string | null, ring: number, step: number) {
  if (graph.hasNode(entity.id)) {
    if (entity.degree !== undefined) graph.setNodeAttribute(entity.id, 'size', nodeSize(entity.degree));
    return;
  }
  graph.addNode(entity.id, {
    ...startPosition(graph, entity.id, near, ring, step),
    size: nodeSize(entity.degree),
    color: kindColors[entity.kind] ?? '#999',
    kind: entity.kind,
    name: entity.name,
    nameEn: entity.nameEn,
  });
}

function addRelation(graph: ExplorerGraph, relation: GraphRelation) {
  const from = relation.from.id;
  const to = relation.to.id;
  if (graph.hasEdge(relation.id) || !graph.hasNode(from) || !graph.hasNode(to)) return;
  graph.addDirectedEdgeWithKey(relation.id, from, to, { relation: relation.type, size: 1.5, color: '#b8b8b8', type: 'arrow' });
}

export function mergeNeighborhood(graph: ExplorerGraph, hood: Neighborhood) {
  // A centre new to the graph starts beside a neighbour already on screen (if any), not on top of everything.
  const anchor = hood.entities.find(({ depth, entity }) => depth > 0 && graph.hasNode(entity.id))?.entity.id ?? null;
  const step = spacing(graph);
  for (const { depth, entity } of hood.entities) {
    if (depth === 0) addEntity(graph, entity, anchor, anchor ? 3 : 0, step);
    else addEntity(graph, entity, hood.center.id, depth, step);
  }
  for (const relation of hood.relations) addRelation(graph, relation);
}

export function mergePath(graph: ExplorerGraph, path: Path) {
  const step = spacing(graph);
  for (const { from, to, relation } of path.steps) {
    addEntity(graph, from, null, 1, step);
    addEntity(graph, to, from.id, 1, step);
    addRelation(graph, relation);
  }
}

/**
 * Runs ForceAtlas2 for `iterations` steps. With `keep`, the nodes in it stay where they are and only the others
 * move, so that expanding a node does not rearrange what the reader has already looked at.
 */
export function layout(graph: ExplorerGraph, iterations: number, keep?: Set<string>) {
  if (graph.order < 2) return;
  graph.forEachNode((node) => graph.setNodeAttribute(node, 'fixed', keep?.has(node) ?? false));
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: null,
    settings: {
      ...forceAtlas2.inferSettings(graph),
      // Plain gravity and a strong repulsion spread the nodes over the canvas; the inferred strong gravity
      // packs a neighbourhood of a few dozen nodes into a ball whose labels overlap.
      strongGravityMode: false,
      gravity: 1,
      scalingRatio: 40,
      adjustSizes: true,
      barnesHutOptimize: graph.order > 300,
    },
  });
  graph.forEachNode((node) => graph.removeNodeAttribute(node, 'fixed'));
}
