/**
 * Turtle, written by n3's Writer from the same descriptions as JSON-LD (rdf-mapping.ts): prefixed names where the
 * IRI allows (pg:policy:gx-…), blank nodes nested in [ … ], numbers and booleans bare. The writer's output is
 * collected per entity and handed on, so that large graphs stream.
 */
import { DataFactory, Writer, type Quad_Object } from 'n3';
import type { PolicyGraph } from '../store/graph.js';
import { type Progress, silent, ticker } from './progress.js';
import { type Description, describeDataSet, describeEntity, describeRelation, type MappingContext, outgoingTriples, prefixes, type Term } from './rdf-mapping.js';

const { namedNode, literal, quad } = DataFactory;

export function* writeTurtle(graph: PolicyGraph, ctx: MappingContext & { dataVersion: string }, progress: Progress = silent): Generator<string> {
  const known = prefixes(ctx.base);
  let pending: string[] = [];
  const writer = new Writer({ write: (chunk: string) => void pending.push(chunk), end: () => {} } as never, { prefixes: known, end: false });
  const flush = () => {
    const out = pending.join('');
    pending = [];
    return out;
  };
  const iri = (name: string) => {
    const colon = name.indexOf(':');
    const ns = known[name.slice(0, colon)];
    return namedNode(ns && !name.includes('//') ? ns + name.slice(colon + 1) : name);
  };
  const term = (t: Term): Quad_Object => {
    if ('iri' in t) return namedNode(t.iri);
    if ('statements' in t) return writer.blank(statements(t)) as Quad_Object;
    if (t.lang) return literal(t.value as string, t.lang);
    if (t.datatype) return literal(String(t.value), iri(t.datatype));
    if (typeof t.value === 'boolean') return literal(String(t.value), iri('xsd:boolean'));
    if (typeof t.value === 'number') return literal(String(t.value), iri(Number.isInteger(t.value) && Math.abs(t.value) < 1e21 ? 'xsd:integer' : 'xsd:double'));
    return literal(t.value);
  };
  const statements = (d: Description) => [
    ...d.types.map((t) => ({ predicate: iri('rdf:type'), object: iri(t) as Quad_Object })),
    ...d.statements.map(([p, o]) => ({ predicate: iri(p), object: term(o) })),
  ];
  const write = (d: Description, extra: [string, Term][] = []) => {
    const subject = namedNode(d.id!);
    for (const { predicate, object } of statements({ ...d, statements: [...d.statements, ...extra] })) writer.addQuad(quad(subject, predicate, object));
  };

  write(describeDataSet(ctx.base, ctx.dataVersion));
  progress.start('entities', graph.order);
  const nodes = ticker(progress);
  for (const { node: id, attributes: e } of graph.nodeEntries()) {
    const triples = outgoingTriples(graph, id, ctx.base);
    write(describeEntity(e, ctx), triples);
    nodes.tick();
    if (pending.length > 512) yield flush();
  }
  nodes.flush();
  progress.start('relations', graph.size);
  const edges = ticker(progress);
  for (const r of graph.edgeEntries()) {
    write(describeRelation(r.attributes, ctx));
    edges.tick();
    if (pending.length > 512) yield flush();
  }
  edges.flush();
  writer.end();
  yield flush();
}
