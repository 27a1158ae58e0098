/**
 * JSON-LD: one document with an inline @context (the prefixes of rdf-mapping.ts, nothing to fetch) and an @graph
 * of node objects, an entity or relation per line so that large graphs stream. Keys are prefixed names
 * ("schema:name"), literals value objects with their @language or @type, blank nodes nested objects.
 * Relations appear twice, as in Turtle: a property of their `from` entity ({"pgo:issuedBy": {"@id": …}}) and a
 * reified rdf:Statement carrying their properties and citations.
 */
import type { RemoteDocument } from 'jsonld/jsonld-spec.js';
import type { PolicyGraph } from '../store/graph.js';
import { type Progress, silent, ticker } from './progress.js';
import { type Description, describeDataSet, describeEntity, describeRelation, type MappingContext, outgoingTriples, prefixes, type Term } from './rdf-mapping.js';

type JsonLdNode = Record<string, unknown>;

/** An IRI as a prefixed name where a declared prefix and a plain local name allow (region:450000), else whole. */
type Compact = (iri: string) => string;
const localName = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;

function compacting(prefixTable: Record<string, string>, base: string): Compact {
  const byNamespace = new Map(Object.entries(prefixTable).map(([prefix, ns]) => [ns, prefix]));
  const vocabularies = Object.entries(prefixTable).filter(([, ns]) => !ns.startsWith(base));
  const local = (prefix: string | undefined, rest: string) => (prefix !== undefined && localName.test(rest) ? `${prefix}:${rest}` : undefined);
  return (iri) => {
    if (iri.startsWith(base)) {
      // <base>policy/x → policy:x; <base>dataset → pg:dataset
      const rest = iri.slice(base.length);
      const slash = rest.indexOf('/');
      const compact = slash < 0 ? local('pg', rest) : local(byNamespace.get(base + rest.slice(0, slash + 1)), rest.slice(slash + 1));
      return compact ?? iri;
    }
    for (const [prefix, ns] of vocabularies) if (iri.startsWith(ns)) return local(prefix, iri.slice(ns.length)) ?? iri;
    return iri;
  };
}

function object(term: Term, compact: Compact): unknown {
  if ('iri' in term) return { '@id': compact(term.iri) };
  if ('statements' in term) return node(term, compact);
  if (term.lang) return { '@value': term.value, '@language': term.lang };
  if (term.datatype) return { '@value': term.value, '@type': term.datatype };
  return term.value;
}

function node(d: Description, compact: Compact, extra: [string, Term][] = []): JsonLdNode {
  const out: JsonLdNode = {};
  if (d.id) out['@id'] = compact(d.id);
  if (d.types.length > 0) out['@type'] = d.types.length === 1 ? d.types[0] : d.types;
  // A predicate with one value has it alone, with more a list of them (kept as the list while it grows).
  const lists = new Set<string>();
  const add = ([predicate, term]: [string, Term]) => {
    const value = object(term, compact);
    const seen = out[predicate];
    if (seen === undefined) out[predicate] = value;
    else if (lists.has(predicate)) (seen as unknown[]).push(value);
    else {
      out[predicate] = [seen, value];
      lists.add(predicate);
    }
  };
  d.statements.forEach(add);
  extra.forEach(add);
  return out;
}

export function* writeJsonLd(graph: PolicyGraph, ctx: MappingContext & { dataVersion: string }, progress: Progress = silent): Generator<string> {
  const context = prefixes(ctx.base);
  const compact = compacting(context, ctx.base);
  yield `{"@context":${JSON.stringify(context)},\n"@graph":[\n${JSON.stringify(node(describeDataSet(ctx.base, ctx.dataVersion), compact))}`;
  progress.start('entities', graph.order);
  const nodes = ticker(progress);
  for (const { node: id, attributes: e } of graph.nodeEntries()) {
    const triples = outgoingTriples(graph, id, ctx.base);
    yield `,\n${JSON.stringify(node(describeEntity(e, ctx), compact, triples))}`;
    nodes.tick();
  }
  nodes.flush();
  progress.start('relations', graph.size);
  const edges = ticker(progress);
  for (const r of graph.edgeEntries()) {
    yield `,\n${JSON.stringify(node(describeRelation(r.attributes, ctx), compact))}`;
    edges.tick();
  }
  edges.flush();
  yield '\n]}\n';
}

/**
 * A jsonld.js document loader that loads nothing: the export's context is inline, and a document that names a
 * remote context is refused rather than fetched. Give it to every jsonld call (expand, toRDF, compact …).
 */
export async function offlineDocumentLoader(url: string): Promise<RemoteDocument> {
  throw new Error(`refusing to load ${url}: policy-graph JSON-LD is read offline, with its inline @context`);
}
