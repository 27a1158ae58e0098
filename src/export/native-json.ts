/**
 * The native format: graphology's own serialization (`graph.export()`: options, attributes, nodes with their key
 * and attributes, edges with key, source, target and attributes), holding every attribute of every entity and
 * relation, citations included. The graph attributes say what the file is: `format`, `formatVersion`, the
 * `dataVersion` it was exported from and the `filter` that selected it.
 *
 * `importNativeJson` reads it back into a graph identical to the exported one, after checking every entity and
 * relation against the model again (zod), with the rules the loader adds: citations name their source, relation
 * keys and ends agree with their attributes, relation types connect the kinds they allow.
 */
import { Entity } from '../model/entity.js';
import { allowsEndpoints, Relation, relationKey } from '../model/relations.js';
import { createPolicyGraph, type EntityNode, type PolicyGraph, type RelationEdge } from '../store/graph.js';
import { DataSetError, type DataProblem, formatPath } from '../store/problems.js';
import { type Progress, silent, ticker } from './progress.js';
import type { ExportFilter } from './select.js';

export const nativeFormat = 'policy-graph';
export const nativeFormatVersion = 1;

/** What a native file says about itself (its graph attributes). */
export type NativeHeader = { format: typeof nativeFormat; formatVersion: number; dataVersion: string; filter?: ExportFilter };

/** Writes the graph as graphology's serialization, an entity or relation per line, so that large graphs stream. */
export function* writeNativeJson(graph: PolicyGraph, header: Omit<NativeHeader, 'format' | 'formatVersion'>, progress: Progress = silent): Generator<string> {
  const attributes: NativeHeader = { format: nativeFormat, formatVersion: nativeFormatVersion, ...header };
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(attributes)},\n"nodes":[`;
  progress.start('entities', graph.order);
  const nodes = ticker(progress);
  let first = true;
  for (const { node, attributes: e } of graph.nodeEntries()) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify({ key: node, attributes: e })}`;
    first = false;
    nodes.tick();
  }
  nodes.flush();
  yield '\n],\n"edges":[';
  progress.start('relations', graph.size);
  const edges = ticker(progress);
  first = true;
  for (const { edge, attributes: r, source, target } of graph.edgeEntries()) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify({ key: edge, source, target, attributes: r })}`;
    first = false;
    edges.tick();
  }
  edges.flush();
  yield '\n]}\n';
}

type Serialized = {
  options?: unknown;
  attributes?: Partial<NativeHeader>;
  nodes?: { key?: unknown; attributes?: Record<string, unknown> }[];
  edges?: { key?: unknown; source?: unknown; target?: unknown; attributes?: Record<string, unknown> }[];
};

/**
 * Reads a native export back: the graph, and what the file says about itself. Throws a DataSetError listing every
 * problem (`nodes[3].attributes.value: …`) when the file is not a graph the loader would have built.
 */
export function importNativeJson(text: string, { file = 'graph.json', progress = silent }: { file?: string; progress?: Progress } = {}): {
  graph: PolicyGraph;
  header: Partial<NativeHeader>;
} {
  const problems: DataProblem[] = [];
  const report = (path: PropertyKey[], message: string) => problems.push({ file, path: formatPath(path), message });
  let data: Serialized;
  try {
    data = JSON.parse(text) as Serialized;
  } catch (error) {
    throw new DataSetError([{ file, path: '', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  if (!Array.isArray(data?.nodes) || !Array.isArray(data.edges)) {
    throw new DataSetError([{ file, path: '', message: 'not a graph: expected graphology’s serialization, with "nodes" and "edges" lists' }]);
  }
  const header = data.attributes ?? {};
  if (header.format !== undefined && header.format !== nativeFormat) report(['attributes', 'format'], `expected "${nativeFormat}", got ${JSON.stringify(header.format)}`);
  if (typeof header.formatVersion === 'number' && header.formatVersion > nativeFormatVersion) {
    report(['attributes', 'formatVersion'], `format version ${header.formatVersion} is newer than this program reads (${nativeFormatVersion})`);
  }
  const graph = createPolicyGraph();
  // Entities refused here are reported once, not again by every relation that reaches them.
  const refused = new Set<unknown>();
  progress.start('checking entities', data.nodes.length);
  const nodeTicks = ticker(progress);
  data.nodes.forEach(({ key, attributes }, i) => {
    nodeTicks.tick();
    const entity = checkEntity(key, attributes, (path, message) => report(['nodes', i, ...path], message));
    if (!entity) refused.add(attributes?.id ?? key);
    else if (graph.hasNode(entity.id)) report(['nodes', i, 'key'], `duplicate entity ${entity.id}`);
    else graph.addNode(entity.id, entity);
  });
  nodeTicks.flush();
  progress.start('checking relations', data.edges.length);
  const edgeTicks = ticker(progress);
  data.edges.forEach((edge, i) => {
    edgeTicks.tick();
    if (refused.has(edge.attributes?.from) || refused.has(edge.attributes?.to)) return;
    const relation = checkRelation(graph, edge, (path, message) => report(['edges', i, ...path], message));
    if (relation) graph.addDirectedEdgeWithKey(relation.key, relation.from, relation.to, relation);
  });
  edgeTicks.flush();
  if (problems.length > 0) throw new DataSetError(problems);
  return { graph, header };
}

type Report = (path: PropertyKey[], message: string) => void;

function checkEntity(key: unknown, attributes: Record<string, unknown> | undefined, report: Report): EntityNode | null {
  const parsed = Entity.safeParse(attributes);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(['attributes', ...issue.path], issue.message);
    return null;
  }
  const entity = parsed.data;
  if (key !== entity.id) report(['key'], `the key ${JSON.stringify(key)} differs from the entity's id ${entity.id}`);
  if (!citationsResolved(entity.citations, report)) return null;
  return key === entity.id ? (inOrderOf(attributes!, entity) as EntityNode) : null;
}

/**
 * The checked values (defaults filled in) with the keys in the file's order, so that an exported graph imports
 * to attributes that export again byte for byte (the loader builds some, such as derived relations, by hand).
 */
function inOrderOf<T extends object>(raw: object, checked: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) if (key in checked) out[key] = (checked as Record<string, unknown>)[key];
  return Object.assign(out, checked) as T;
}

function checkRelation(graph: PolicyGraph, edge: NonNullable<Serialized['edges']>[number], report: Report): RelationEdge | null {
  const { key, derived, ...rest } = edge.attributes ?? {};
  const parsed = Relation.safeParse(rest);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(['attributes', ...issue.path], issue.message);
    return null;
  }
  const r = parsed.data;
  const expected = relationKey(r);
  const problems = ([
    key !== expected && [['attributes', 'key'], `the relation's key must be ${expected}, got ${JSON.stringify(key)}`],
    edge.key !== expected && [['key'], `the edge key must be the relation's key ${expected}, got ${JSON.stringify(edge.key)}`],
    edge.source !== r.from && [['source'], `the edge's source ${JSON.stringify(edge.source)} differs from the relation's from ${r.from}`],
    edge.target !== r.to && [['target'], `the edge's target ${JSON.stringify(edge.target)} differs from the relation's to ${r.to}`],
    typeof derived !== 'boolean' && [['attributes', 'derived'], 'derived must be true or false'],
    ...(['from', 'to'] as const).map((end) => !graph.hasNode(r[end]) && [['attributes', end], `${r.type} ${end} ${r[end]}: no entity of the file has this id`]),
    graph.hasEdge(expected) && [['key'], `duplicate relation ${expected}`],
  ] as (false | [PropertyKey[], string])[]).filter((p): p is [PropertyKey[], string] => p !== false);
  for (const [path, message] of problems) report(path, message);
  if (problems.length > 0 || !citationsResolved(r.citations, report)) return null;
  const [fromKind, toKind] = [graph.getNodeAttribute(r.from, 'kind'), graph.getNodeAttribute(r.to, 'kind')];
  if (!allowsEndpoints(r.type, fromKind, toKind)) {
    report([], `${r.type} may not connect ${fromKind} → ${toKind} (${r.from} → ${r.to})`);
    return null;
  }
  return inOrderOf(edge.attributes!, { ...r, key: expected, derived: derived as boolean }) as RelationEdge;
}

/** After loading, every citation names its source; a native file must keep it so. */
function citationsResolved(citations: { source?: string | undefined }[], report: Report): boolean {
  const missing = citations.flatMap((c, i) => (c.source ? [] : [i]));
  for (const i of missing) report(['attributes', 'citations', i, 'source'], 'a citation must name its source');
  return missing.length === 0;
}
