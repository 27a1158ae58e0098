import type { Citation } from '../model/citation.js';
import type { MetricEntity } from '../model/entity.js';
import { allowsEndpoints, type Relation, relationKey } from '../model/relations.js';
import { createPolicyGraph, type EntityNode, type PolicyGraph, type RelationEdge } from './graph.js';
import { partOfCycles } from './hierarchy.js';
import { indexNames } from './names.js';
import { type DataProblem, formatPath } from './problems.js';
import type { ParsedFile } from './read-files.js';

type Located = { file: ParsedFile; path: (string | number)[] };

/**
 * Builds the graph from parsed files and checks the rules that span files: unique ids, citations that name
 * a known source, relation endpoints that exist and have kinds the type allows, no duplicate relations,
 * funding amounts that are figures in yuan. Every problem is collected; the caller refuses the graph when there is any.
 */
export function assembleGraph(files: ParsedFile[], invalidIds: ReadonlySet<string> = new Set()): { graph: PolicyGraph; problems: DataProblem[] } {
  const graph = createPolicyGraph();
  const problems: DataProblem[] = [];
  const report = ({ file, path }: Located, message: string) =>
    problems.push({ file: file.file, path: formatPath(path), line: file.lineOf(path), message });
  const entityOrigin = new Map<string, Located>();
  const relationOrigin = new Map<string, Located>();
  const metrics: { metric: MetricEntity; at: Located }[] = [];

  for (const file of files) {
    for (const { index, value: entity } of file.entities) {
      const at = { file, path: ['entities', index] };
      const first = entityOrigin.get(entity.id);
      if (first) {
        report({ file, path: [...at.path, 'id'] }, `duplicate id ${entity.id}: already defined in ${first.file.file} at ${formatPath(first.path)}`);
        continue;
      }
      entityOrigin.set(entity.id, at);
      graph.addNode(entity.id, { ...entity, citations: withDefaultSource(entity.citations, file) } as EntityNode);
      if (entity.kind === 'METRIC') metrics.push({ metric: entity, at });
    }
  }

  const addRelation = (relation: Relation, at: Located, derived: boolean) => {
    const missing = (['from', 'to'] as const).filter((end) => !graph.hasNode(relation[end]));
    for (const end of missing) {
      if (invalidIds.has(relation[end])) continue; // its own problem is reported where it is defined
      report(derived ? at : { ...at, path: [...at.path, end] }, `${relation.type} ${end} ${relation[end]}: no entity has this id`);
    }
    if (missing.length > 0) return;
    const fromKind = graph.getNodeAttribute(relation.from, 'kind');
    const toKind = graph.getNodeAttribute(relation.to, 'kind');
    if (!allowsEndpoints(relation.type, fromKind, toKind)) {
      return report(at, `${relation.type} may not connect ${fromKind} → ${toKind} (${relation.from} → ${relation.to}); the ontology lists the kinds each type allows`);
    }
    if (relation.from === relation.to) return report(at, `${relation.type} from ${relation.from} to itself`);
    const key = relationKey(relation);
    const first = relationOrigin.get(key);
    if (first) return report(at, `duplicate relation ${key}: already stated in ${first.file.file} at ${formatPath(first.path)}`);
    if ('amount' in relation && relation.amount && !invalidIds.has(relation.amount)) {
      const amount = graph.hasNode(relation.amount) ? graph.getNodeAttributes(relation.amount) : null;
      if (amount?.kind !== 'METRIC' || amount.baseUnit !== 'YUAN') {
        report({ ...at, path: [...at.path, 'amount'] }, `amount ${relation.amount} must be the id of a METRIC in YUAN`);
      }
    }
    relationOrigin.set(key, at);
    const citations = withDefaultSource(relation.citations, at.file);
    graph.addDirectedEdgeWithKey(key, relation.from, relation.to, { ...relation, key, citations, derived } as RelationEdge);
  };

  for (const { metric, at } of metrics) {
    for (const { relation, path } of derivedRelations(metric)) addRelation(relation, { ...at, path: [...at.path, ...path] }, true);
  }
  for (const file of files) {
    for (const { index, value } of file.relations) addRelation(value, { file, path: ['relations', index] }, false);
  }
  checkCitationSources(graph, entityOrigin, relationOrigin, invalidIds, report);
  for (const cycle of partOfCycles(graph)) {
    report(relationOrigin.get(cycle.at(-1)!)!, `PART_OF cycle: ${cycle.map((k) => graph.source(k)).join(' → ')} → ${graph.source(cycle[0]!)}`);
  }
  for (const c of indexNames(graph.mapNodes((_, e) => e)).conflicts) {
    const at = entityOrigin.get(c.id)!;
    const path = [...at.path, c.field, ...(c.index === undefined ? [] : [c.index])];
    report({ ...at, path }, `"${c.name}" already names ${c.otherId}: names and aliases must be unambiguous within a kind`);
  }
  return { graph, problems };
}

/** A metric's `region` and `subjects` are stated once on the metric and stored as SCOPED_TO and MEASURES relations. */
function derivedRelations(metric: MetricEntity) {
  const citations = metric.citations;
  const out: { relation: Relation; path: (string | number)[] }[] = [];
  if (metric.region) out.push({ relation: { type: 'SCOPED_TO', from: metric.id, to: metric.region, citations, implied: false }, path: ['region'] });
  metric.subjects.forEach((to, i) => out.push({ relation: { type: 'MEASURES', from: metric.id, to, citations, implied: false }, path: ['subjects', i] }));
  return out;
}

function withDefaultSource(citations: Citation[], file: ParsedFile) {
  return citations.map((c) => ({ source: c.source ?? file.source ?? '', span: c.span }));
}

/** Every citation must name a SOURCE entity, itself or through its file's default. */
function checkCitationSources(
  graph: PolicyGraph,
  entityOrigin: Map<string, Located>,
  relationOrigin: Map<string, Located>,
  invalidIds: ReadonlySet<string>,
  report: (at: Located, message: string) => void,
) {
  // A data set names few sources and cites them millions of times: each is looked up once.
  const sources = new Map<string, boolean>();
  const isSource = (id: string) => {
    let known = sources.get(id);
    if (known === undefined) sources.set(id, (known = graph.hasNode(id) && graph.getNodeAttribute(id, 'kind') === 'SOURCE'));
    return known;
  };
  const check = (citations: { source: string }[], at: Located) => {
    for (let i = 0; i < citations.length; i++) {
      const { source } = citations[i]!;
      // A source's own problem is reported where it is defined.
      if (source && (isSource(source) || invalidIds.has(source))) continue;
      const path = { ...at, path: [...at.path, 'citations', i, 'source'] };
      if (!source) report(path, 'the citation names no source and its file declares no default `source`');
      else report(path, `the citation's source ${source} is not a SOURCE entity of the data set`);
    }
  };
  graph.forEachNode((id, e) => check(e.citations, entityOrigin.get(id)!));
  graph.forEachEdge((key, r) => {
    if (!r.derived) check(r.citations, relationOrigin.get(key)!);
  });
}
