/**
 * Each export of the bundled data, read back by a parser that is not ours: counts equal to the graph's, and known
 * facts intact (a figure's value and unit, a policy's issuer, Chinese names).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiDirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import jsonld from 'jsonld';
import { type Quad, Parser, Writer } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExportFormat, exportGraph } from '../../src/export/formats.js';
import { offlineDocumentLoader } from '../../src/export/jsonld.js';
import type { ExportFile } from '../../src/export/neo4j.js';
import { entityKinds, kindInfo } from '../../src/model/kinds.js';
import { relationTypes } from '../../src/model/relations.js';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import type { PolicyStore } from '../../src/store/store.js';

const metric = 'metric:gx-minimum-living-allowance-recipients-2023';
const policy = 'policy:gx-social-assistance-data-sharing-measures';
const policyName = '广西社会救助信息共享和数据利用管理办法';
const agency = 'agency:gx-civil-affairs';
const issued = `ISSUED_BY:${policy}->${agency}`;

let store: PolicyStore;
beforeAll(async () => {
  store = await loadStore(defaultDataDir);
});

function text(format: ExportFormat, base?: string): string {
  const out = exportGraph(format, store.graph, { dataVersion: store.info.version, ...(base ? { base } : {}) });
  if (out.kind !== 'text') throw new Error(`${format} is one text`);
  return [...out.chunks].join('');
}

describe('GEXF, read by graphology-gexf', () => {
  it('has every entity and relation, kinds and types as attributes, Chinese labels intact', () => {
    const graph = gexf.parse(MultiDirectedGraph, text('gexf'));
    expect([graph.order, graph.size]).toEqual([store.graph.order, store.graph.size]);
    expect(graph.getNodeAttributes(metric)).toMatchObject({ label: '全区低保对象人数', kind: 'METRIC', value: 279.8, unit: '万人', normalizedValue: 2798000, baseUnit: 'PERSON' });
    expect(graph.getNodeAttributes(policy)).toMatchObject({ label: policyName, kind: 'POLICY' });
    expect(graph.getEdgeAttributes(issued)).toMatchObject({ kind: 'ISSUED_BY', type: 'ISSUED_BY', role: 'LEAD' });
    expect([graph.source(issued), graph.target(issued)]).toEqual([policy, agency]);
    expect(JSON.parse(graph.getNodeAttribute(agency, 'aliases'))).toEqual(store.entity(agency)!.aliases);
    // A span with commas in it stays one span.
    expect(JSON.parse(graph.getNodeAttribute(metric, 'citationSpans'))).toEqual(['目前,全区共纳入低保对象279.8万人,比上年同期增加10万人']);
    for (const kind of entityKinds) expect(graph.filterNodes((_, a) => a.kind === kind)).toHaveLength(store.count(kind));
  });
});

describe('GraphML, read by graphology-graphml', () => {
  it('has every entity and relation with typed attributes', () => {
    const graph = graphml.parse(MultiDirectedGraph, text('graphml'));
    expect([graph.order, graph.size]).toEqual([store.graph.order, store.graph.size]);
    expect(graph.getAttribute('dataVersion')).toBe(store.info.version);
    expect(graph.getNodeAttributes(metric)).toMatchObject({ label: '全区低保对象人数', name: '全区低保对象人数', value: 279.8, unit: '万人', normalizedValue: 2798000, cumulative: false });
    expect(graph.getEdgeAttributes(issued)).toMatchObject({ label: 'ISSUED_BY', type: 'ISSUED_BY', role: 'LEAD', implied: false });
    expect(graph.getNodeAttribute(policy, 'unnamedCoIssuerCount')).toBe(10);
    for (const type of relationTypes) expect(graph.filterEdges((_, a) => a.type === type)).toHaveLength(store.relationCounts.get(type)!);
  });

  it('escapes what XML cannot hold as it is', async () => {
    const { escapeAttribute, escapeText } = await import('../../src/export/graphml.js');
    expect(escapeText('a < b & c > d\u0001')).toBe('a &lt; b &amp; c &gt; d\uFFFD');
    expect(escapeAttribute('"x"\n')).toBe('&quot;x&quot;&#10;');
  });
});

const S = 'http://schema.org/';
const PGO = 'https://policy-graph.example/ontology#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const base = 'https://policy-graph.example/id/';
const iri = (id: string) => base + id.replace(':', '/');

describe('Turtle, read by n3', () => {
  let quads: Quad[];
  beforeAll(() => {
    quads = new Parser().parse(text('turtle'));
  });
  const objects = (subject: string, predicate: string) => quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object);

  it('has a node for every entity, a triple and a reified statement for every relation', () => {
    const kindClasses = new Set(entityKinds.map((k) => PGO + kindInfo[k].typeName));
    const entities = quads.filter((q) => q.predicate.value === `${RDF}type` && kindClasses.has(q.object.value));
    expect(entities).toHaveLength(store.graph.order);
    expect(quads.filter((q) => q.predicate.value === `${RDF}type` && q.object.value === `${RDF}Statement`)).toHaveLength(store.graph.size);
    const relationPredicates = new Set(quads.filter((q) => q.predicate.value === `${RDF}predicate`).map((q) => q.object.value));
    expect(quads.filter((q) => relationPredicates.has(q.predicate.value))).toHaveLength(store.graph.size);
  });

  it('writes a figure as a quantity: printed value and unit, and the normalized value in its base unit', () => {
    expect(objects(iri(metric), `${S}value`)).toEqual([expect.objectContaining({ value: '279.8', datatype: expect.objectContaining({ value: `${XSD}decimal` }) })]);
    expect(objects(iri(metric), `${S}unitText`).map((o) => o.value)).toEqual(['万人']);
    const [normalized] = objects(iri(metric), `${PGO}normalized`);
    expect(objects(normalized!.value, `${S}value`).map((o) => o.value)).toEqual(['2798000']);
    expect(objects(normalized!.value, `${S}unitText`).map((o) => o.value)).toEqual(['PERSON']);
    expect(objects(iri(metric), `${S}observationDate`).map((o) => o.value)).toEqual(['2023-12-29']);
  });

  it('writes names in Chinese and English, issuers as triples, and provenance for each', () => {
    const names = objects(iri(policy), `${S}name`);
    expect(names.map((n) => [n.value, (n as { language: string }).language])).toEqual([
      [policyName, 'zh'],
      [store.entity(policy)!.nameEn, 'en'],
    ]);
    expect(objects(iri(policy), `${PGO}issuedBy`).map((o) => o.value)).toEqual([iri(agency)]);
    const statement = quads.find((q) => q.predicate.value === `${S}identifier` && q.object.value === issued)!.subject.value;
    expect(objects(statement, `${PGO}role`).map((o) => o.value)).toEqual(['LEAD']);
    expect(objects(statement, 'http://www.w3.org/ns/prov#wasDerivedFrom').map((o) => o.value)).toEqual([iri('source:gx-2023-civil-affairs-review')]);
    const [derivation] = objects(statement, 'http://www.w3.org/ns/prov#qualifiedDerivation');
    const spans = store.graph.getEdgeAttribute(issued, 'citations').map((c) => c.span);
    expect(objects(derivation!.value, `${S}citation`).map((o) => o.value)).toEqual(spans);
    expect(spans[0]).toContain('自治区民政厅联合10部门印发');
  });

  it('puts entities under the base given', () => {
    const other = new Parser().parse(text('turtle', 'https://data.example.org/gx#'));
    expect(other.some((q) => q.subject.value === 'https://data.example.org/gx#policy/gx-social-assistance-data-sharing-measures')).toBe(true);
  });
});

describe('JSON-LD, read by jsonld.js offline', () => {
  it('expands with its inline context, without fetching anything', async () => {
    const expanded = await jsonld.expand(JSON.parse(text('jsonld')), { documentLoader: offlineDocumentLoader });
    const kindClasses = new Set(entityKinds.map((k) => PGO + kindInfo[k].typeName));
    const entities = expanded.filter((n) => (n['@type'] as string[] | undefined)?.some((t) => kindClasses.has(t)));
    expect(entities).toHaveLength(store.graph.order);
    expect(expanded.filter((n) => (n['@type'] as string[] | undefined)?.includes(`${RDF}Statement`))).toHaveLength(store.graph.size);
    const figure = expanded.find((n) => n['@id'] === iri(metric))!;
    expect(figure[`${S}value`]).toEqual([{ '@value': '279.8', '@type': `${XSD}decimal` }]);
    expect(figure[`${S}unitText`]).toEqual([{ '@value': '万人' }]);
    expect((figure[`${PGO}normalized`] as any)[0][`${S}value`]).toEqual([{ '@value': 2798000 }]);
    const document = expanded.find((n) => n['@id'] === iri(policy))!;
    expect(document[`${S}name`]).toContainEqual({ '@value': policyName, '@language': 'zh' });
    expect(document[`${PGO}issuedBy`]).toEqual([{ '@id': iri(agency) }]);
  });

  it('is the same RDF as the Turtle export (canonical N-Quads equal)', async () => {
    const canonize = jsonld.canonize as (input: unknown, options: object) => Promise<string>;
    const options = { documentLoader: offlineDocumentLoader, algorithm: 'RDFC-1.0' };
    const fromJsonLd = await canonize(JSON.parse(text('jsonld')), options);
    const writer = new Writer({ format: 'N-Quads' });
    writer.addQuads(new Parser().parse(text('turtle')));
    const nquads = await new Promise<string>((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
    const fromTurtle = await canonize(nquads, { ...options, inputFormat: 'application/n-quads' });
    expect(fromJsonLd.split('\n').length).toBeGreaterThan(10_000);
    expect(fromJsonLd).toBe(fromTurtle);
  }, 60_000);

  it('refuses a document whose context is remote rather than fetching it', async () => {
    const remote = { '@context': 'https://schema.org/', name: 'x' };
    await expect(jsonld.expand(remote, { documentLoader: offlineDocumentLoader })).rejects.toThrow();
  });
});

describe('Neo4j CSV, read by csv-parse', () => {
  let files: ExportFile[];
  const rows = (name: string) => parseCsv([...files.find((f) => f.name === name)!.chunks()].join(''), { columns: true }) as Record<string, string>[];
  beforeAll(() => {
    const out = exportGraph('neo4j', store.graph, { dataVersion: store.info.version });
    if (out.kind !== 'files') throw new Error('neo4j is several files');
    files = out.files;
  });

  it('has a nodes file per kind and a relationships file per type, in neo4j-admin’s header conventions', () => {
    const nodeFiles = files.filter((f) => f.name.startsWith('nodes-'));
    expect(nodeFiles.map((f) => f.name)).toEqual(entityKinds.filter((k) => store.count(k) > 0).map((k) => `nodes-${k}.csv`));
    for (const kind of entityKinds.filter((k) => store.count(k) > 0)) {
      const list = rows(`nodes-${kind}.csv`);
      expect(list).toHaveLength(store.count(kind));
      expect(Object.keys(list[0]!).slice(0, 2)).toEqual(['id:ID(Entity)', ':LABEL']);
      expect(new Set(list.map((r) => r[':LABEL']))).toEqual(new Set([`Entity;${kindInfo[kind].typeName}`]));
    }
    for (const type of relationTypes.filter((t) => store.relationCounts.get(t)! > 0)) {
      const list = rows(`relationships-${type}.csv`);
      expect(list).toHaveLength(store.relationCounts.get(type)!);
      expect(Object.keys(list[0]!).slice(0, 3)).toEqual([':START_ID(Entity)', ':END_ID(Entity)', ':TYPE']);
    }
    expect(files.map((f) => f.name)).toContain('README.txt');
    expect([...files[0]!.chunks()].join('')).toMatch(/neo4j-admin database import full[\s\S]*--nodes=nodes-POLICY\.csv[\s\S]*--array-delimiter=";"/);
  });

  it('types properties and keeps figures, issuers, arrays and Chinese text', () => {
    const figure = rows('nodes-METRIC.csv').find((r) => r['id:ID(Entity)'] === metric)!;
    expect(figure).toMatchObject({ name: '全区低保对象人数', 'value:double': '279.8', unit: '万人', 'normalizedValue:double': '2798000', 'asOf:date': '2023-12-29', 'cumulative:boolean': 'false' });
    const department = rows('nodes-AGENCY.csv').find((r) => r['id:ID(Entity)'] === agency)!;
    expect(department['aliases:string[]']!.split(';')).toEqual(store.entity(agency)!.aliases);
    const issuers = rows('relationships-ISSUED_BY.csv').filter((r) => r[':START_ID(Entity)'] === policy);
    expect(issuers.map((r) => [r[':END_ID(Entity)'], r[':TYPE'], r.role])).toEqual([[agency, 'ISSUED_BY', 'LEAD']]);
    expect(rows('nodes-POLICY.csv').find((r) => r['id:ID(Entity)'] === policy)!['unnamedCoIssuerCount:long']).toBe('10');
  });
});
