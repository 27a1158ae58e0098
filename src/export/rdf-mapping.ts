/**
 * The RDF mapping shared by JSON-LD and Turtle: each entity and relation becomes a small tree of statements
 * (`Description`), which jsonld.ts and turtle.ts only serialize. Well-known vocabularies where they fit —
 * schema.org (names, types, quantities, dates), PROV-O (provenance), RDFS — and the policy-graph ontology `pgo:`
 * for the rest. README ("RDF mapping") has the same table for readers.
 *
 *   entity id           IRI <base><kind prefix>/<local id> (base configurable; default
 *                       https://policy-graph.example/id/policy/x), written policy:x with the kind prefixes declared,
 *                       and schema:identifier "policy:x"
 *   kind                rdf:type pgo:Policy … plus schema:Legislation (POLICY), schema:GovernmentOrganization (AGENCY),
 *                       schema:AdministrativeArea (REGION; schema:Place for an AREA), schema:QuantitativeValue (METRIC),
 *                       schema:Audience (TARGET_GROUP), schema:Organization, schema:Event, schema:CreativeWork (SOURCE)
 *   name / nameEn       schema:name and rdfs:label, "…"@zh / "…"@en
 *   aliases             schema:alternateName, @zh when it has Han characters, else @en
 *   description         schema:description "…"@en (the curator's words)
 *   citations           prov:wasDerivedFrom <source>, and prov:qualifiedDerivation [ a prov:Derivation ;
 *                       prov:entity <source> ; schema:citation "span"@<source language> ] per citation
 *   metric              schema:value (printed number, xsd:decimal), schema:unitText "万人", schema:minValue /
 *                       schema:maxValue (RANGE bounds), pgo:comparator "EXACT"; pgo:normalized [ a
 *                       schema:QuantitativeValue ; schema:value 2798000 (or min/max) ; schema:unitText "PERSON" ];
 *                       period: schema:startDate, schema:endDate (xsd:date) and schema:temporalCoverage "start/end";
 *                       asOf: schema:observationDate; cumulative: pgo:cumulative; change: pgo:change [ a
 *                       schema:QuantitativeValue ; schema:value ; schema:unitText ; pgo:normalized [...] ;
 *                       pgo:baseline "…" ; rdfs:label "比上年同期"@zh ]; region and subjects are relations below
 *   policy              pgo:docType, pgo:status, schema:legislationDate (issuedOn), schema:legislationIdentifier
 *                       (documentNumber), pgo:unnamedCoIssuerCount, pgo:seriesSize
 *   source              schema:publisher, schema:datePublished (xsd:dateTime), schema:author, schema:url,
 *                       schema:version (edition), schema:inLanguage
 *   event               pgo:eventType, schema:startDate, schema:endDate, pgo:edition
 *   other enums         pgo:level, pgo:programType, pgo:category: the model's value as a plain literal
 *   relation            <from> pgo:issuedBy <to> (the type in lower camel case), and a reified statement
 *                       relation:ISSUED_BY--policy--x--agency--y a rdf:Statement ; rdf:subject, rdf:predicate,
 *                       rdf:object ; schema:identifier (its key) ; pgo:role "LEAD" ; pgo:amount <metric> ;
 *                       pgo:implied ; pgo:derived ; rdfs:comment (note) ; and its citations as above
 *   data set            pg:dataset (<base>dataset) a schema:Dataset ; schema:version (data version)
 */
import type { ResolvedCitation } from '../model/citation.js';
import type { EntityNode, PolicyGraph, RelationEdge } from '../store/graph.js';
import { entityKinds, kindInfo } from '../model/kinds.js';
import type { RelationType } from '../model/relations.js';
import { type Description, han, kindStatements, type Term, text } from './rdf-fields.js';

export type { Description, Literal, Term } from './rdf-fields.js';

export const defaultBase = 'https://policy-graph.example/id/';
export const ontology = 'https://policy-graph.example/ontology#';

/**
 * The prefixes both serializations declare: the vocabularies, `pg` (the configurable base), and one per kind
 * (`policy:` → <base>policy/) and `relation:`, so that IRIs read like ids: policy:x, region:450000.
 */
export function prefixes(base: string): Record<string, string> {
  const kinds = Object.fromEntries(entityKinds.map((k) => [kindInfo[k].prefix, `${base}${kindInfo[k].prefix}/`]));
  return {
    pg: base,
    ...kinds,
    relation: `${base}relation/`,
    pgo: ontology,
    schema: 'http://schema.org/',
    prov: 'http://www.w3.org/ns/prov#',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
  };
}


const schemaClass: Partial<Record<EntityNode['kind'], string>> = {
  POLICY: 'schema:Legislation',
  AGENCY: 'schema:GovernmentOrganization',
  REGION: 'schema:AdministrativeArea',
  METRIC: 'schema:QuantitativeValue',
  TARGET_GROUP: 'schema:Audience',
  ORGANIZATION: 'schema:Organization',
  EVENT: 'schema:Event',
  SOURCE: 'schema:CreativeWork',
};


/** The predicate of a relation type: ISSUED_BY → pgo:issuedBy. */
export function relationPredicate(type: RelationType): string {
  return `pgo:${type.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`;
}

export type MappingContext = {
  base: string;
  /** The language of a source's text (its `language`, zh unless said), for the spans that quote it. */
  sourceLanguage(source: string): string;
};

/** region:450000 → <base>region/450000. */
export function entityIri(base: string, id: string): string {
  return base + id.replace(':', '/');
}

/** ISSUED_BY from policy:x to agency:y → <base>relation/ISSUED_BY--policy--x--agency--y (ids never contain "--"). */
export function relationIri(base: string, r: Pick<RelationEdge, 'type' | 'from' | 'to'>): string {
  return `${base}relation/${[r.type, r.from, r.to].join('--').replaceAll(':', '--')}`;
}

function provenance(citations: readonly ResolvedCitation[], ctx: MappingContext): Description['statements'] {
  const sources = [...new Set(citations.map((c) => c.source))];
  return [
    ...sources.map((s): [string, Term] => ['prov:wasDerivedFrom', { iri: entityIri(ctx.base, s) }]),
    ...citations.map((c): [string, Term] => [
      'prov:qualifiedDerivation',
      {
        types: ['prov:Derivation'],
        statements: [
          ['prov:entity', { iri: entityIri(ctx.base, c.source) }],
          ['schema:citation', text(c.span, ctx.sourceLanguage(c.source))],
        ],
      },
    ]),
  ];
}

export function describeEntity(e: EntityNode, ctx: MappingContext): Description {
  const klass = e.kind === 'REGION' && e.level === 'AREA' ? 'schema:Place' : schemaClass[e.kind];
  const statements: Description['statements'] = [
    ['schema:identifier', { value: e.id }],
    ['schema:name', text(e.name, 'zh')],
    ['schema:name', text(e.nameEn, 'en')],
    ['rdfs:label', text(e.name, 'zh')],
    ['rdfs:label', text(e.nameEn, 'en')],
    ...e.aliases.map((a): [string, Term] => ['schema:alternateName', text(a, han.test(a) ? 'zh' : 'en')]),
  ];
  if (e.description) statements.push(['schema:description', text(e.description, 'en')]);
  statements.push(...kindStatements(e), ...provenance(e.citations, ctx));
  return { id: entityIri(ctx.base, e.id), types: [`pgo:${kindInfo[e.kind].typeName}`, ...(klass ? [klass] : [])], statements };
}

const predicates = new Map<string, string>();

/** The relation as a plain triple: [from IRI, predicate (prefixed), to IRI]. */
/** The plain (predicate, object) pairs of an entity's outgoing relations, which belong to its own description. */
export function outgoingTriples(graph: PolicyGraph, id: string, base: string): [string, Term][] {
  const triples: [string, Term][] = [];
  graph.forEachOutEdge(id, (_key, r) => {
    const [, predicate, to] = relationTriple(r, base);
    triples.push([predicate, { iri: to }]);
  });
  return triples;
}

export function relationTriple(r: Pick<RelationEdge, 'type' | 'from' | 'to'>, base: string): [string, string, string] {
  let predicate = predicates.get(r.type);
  if (predicate === undefined) predicates.set(r.type, (predicate = relationPredicate(r.type)));
  return [entityIri(base, r.from), predicate, entityIri(base, r.to)];
}

/** The relation as a reified statement that carries its properties and citations. */
export function describeRelation(r: RelationEdge, ctx: MappingContext): Description {
  const [from, predicate, to] = relationTriple(r, ctx.base);
  const statements: Description['statements'] = [
    ['rdf:subject', { iri: from }],
    ['rdf:predicate', { iri: ontology + predicate.slice('pgo:'.length) }],
    ['rdf:object', { iri: to }],
    ['schema:identifier', { value: r.key }],
  ];
  if ('role' in r) statements.push(['pgo:role', { value: r.role }]);
  if ('amount' in r && r.amount) statements.push(['pgo:amount', { iri: entityIri(ctx.base, r.amount) }]);
  statements.push(['pgo:implied', { value: r.implied }], ['pgo:derived', { value: r.derived }]);
  if (r.note) statements.push(['rdfs:comment', text(r.note, 'en')]);
  statements.push(...provenance(r.citations, ctx));
  return { id: relationIri(ctx.base, r), types: ['rdf:Statement'], statements };
}

export function describeDataSet(base: string, dataVersion: string): Description {
  return {
    id: `${base}dataset`,
    types: ['schema:Dataset'],
    statements: [
      ['schema:name', text('Policy graph', 'en')],
      ['schema:version', { value: dataVersion }],
    ],
  };
}
