import { crc32, inflateRawSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiDirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import { Parser } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { importNativeJson } from '../../src/export/native-json.js';
import { relationTypes } from '../../src/model/relations.js';
import { createPolicyYoga } from '../../src/server/yoga.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';

/** The files of a ZIP archive, read from its central directory, each checked against its CRC-32. */
function unzip(bytes: Buffer): Record<string, string> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    const [crc, compressed, nameLength, local] = [bytes.readUInt32LE(at + 16), bytes.readUInt32LE(at + 20), bytes.readUInt16LE(at + 28), bytes.readUInt32LE(at + 42)];
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = inflateRawSync(bytes.subarray(start, start + compressed));
    expect(crc32(data)).toBe(crc);
    files[name] = data.toString('utf8');
    at += 46 + nameLength;
  }
  return files;
}

let store: PolicyStore;
let other: PolicyStore;
let serving: PolicyStore | null;
let yoga: ReturnType<typeof createPolicyYoga>;
beforeAll(async () => {
  store = await fixtureStore();
  other = await fixtureStore((files) => {
    files['places.yaml']!.entities![1].nameEn = 'Nanning City';
  });
  yoga = createPolicyYoga({
    getStore: () => {
      if (!serving) throw new Error('no data set is loaded yet');
      return serving;
    },
  });
  serving = store;
});
const get = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) => yoga.fetch(`http://yoga${path}`, init);

describe('GET /export/{format}', () => {
  it('answers each format with its media type and a file name for download', async () => {
    const expected = {
      json: ['application/json', 'json'],
      gexf: ['application/gexf+xml', 'gexf'],
      graphml: ['application/graphml+xml', 'graphml'],
      jsonld: ['application/ld+json', 'jsonld'],
      turtle: ['text/turtle; charset=utf-8', 'ttl'],
      neo4j: ['application/zip', 'zip'],
    };
    for (const [format, [type, extension]] of Object.entries(expected)) {
      const response = await get(`/export/${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="policy-graph-${store.info.version}.${extension}"`);
      expect(response.headers.get('x-data-version')).toBe(store.info.version);
      expect(Number(response.headers.get('content-length'))).toBe((await response.arrayBuffer()).byteLength);
    }
  });

  it('sends what the parsers read back', async () => {
    const { graph } = importNativeJson(await (await get('/export/json')).text());
    expect(graph.export()).toEqual(store.graph.export());
    expect(gexf.parse(MultiDirectedGraph, await (await get('/export/gexf')).text()).order).toBe(store.graph.order);
    expect(new Parser().parse(await (await get('/export/turtle')).text()).length).toBeGreaterThan(100);
    const files = unzip(Buffer.from(await (await get('/export/neo4j')).arrayBuffer()));
    expect(files['README.txt']).toMatch(/neo4j-admin database import full/);
    expect(parseCsv(files['nodes-POLICY.csv']!, { columns: true })).toHaveLength(2);
    // The fixture has a relation of every type.
    expect(Object.keys(files).filter((f) => f.startsWith('relationships-'))).toHaveLength(relationTypes.length);
  });

  it('builds the whole graph once per data version, with an ETag', async () => {
    const first = await get('/export/gexf');
    const etag = first.headers.get('etag');
    expect(etag).toBe(`"${store.info.version}-gexf"`);
    expect((await get('/export/gexf', { headers: { 'if-none-match': etag! } })).status).toBe(304);
    serving = other;
    try {
      const after = await get('/export/gexf');
      expect(after.headers.get('etag')).toBe(`"${other.info.version}-gexf"`);
      expect(await after.text()).toContain('Nanning City');
      expect((await get('/export/gexf', { headers: { 'if-none-match': etag! } })).status).toBe(200);
    } finally {
      serving = store;
    }
  });

  it('exports a part of the graph from query parameters', async () => {
    const response = await get('/export/json?kinds=policy,agency&around=policy:notice&depth=1');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="policy-graph-${store.info.version}-around-policy.notice-1_POLICY-AGENCY.json"`);
    expect(response.headers.get('etag')).toBeNull();
    const { graph, header } = importNativeJson(await response.text());
    expect(graph.nodes().sort()).toEqual(['agency:civil-affairs', 'agency:education', 'policy:notice', 'policy:regulation']);
    expect(header.filter).toEqual({ kinds: ['POLICY', 'AGENCY'], around: 'policy:notice', depth: 1 });
    const turtle = await (await get('/export/turtle?kinds=POLICY&base=https://data.example.org/id/')).text();
    expect(turtle).toContain('@prefix policy: <https://data.example.org/id/policy/>');
  });

  it('answers HEAD with the headers only', async () => {
    const response = await get('/export/graphml', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await response.text()).toBe('');
  });

  it('refuses bad parameters with 400 and a message naming each', async () => {
    const response = await get('/export/json?kinds=POLICY,PEOPLE&depth=0&colour=red');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { errors } = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST']);
    expect(errors.map((e) => e.message)).toEqual([
      'unknown parameter "colour": use kinds, around, depth, base',
      expect.stringMatching(/^kinds: unknown kind "PEOPLE"/),
      'depth: must be a whole number from 1 to 10',
    ]);
    const depth = await get('/export/json?around=policy:notice&depth=99');
    expect(await depth.json()).toEqual({ errors: [{ message: 'depth: must be a whole number from 1 to 10', extensions: { code: 'BAD_REQUEST' } }] });
    expect((await get('/export/turtle?base=ftp://example.org/')).status).toBe(400);
  });

  it('answers 404 for an unknown format or entity, 405 for other methods, 503 before the data is in', async () => {
    const format = await get('/export/csv');
    expect([format.status, ((await format.json()) as { errors: { message: string }[] }).errors[0]!.message]).toEqual([
      404,
      'no export format "csv": use one of json, gexf, graphml, jsonld, turtle, neo4j',
    ]);
    const entity = await get('/export/json?around=policy:nowhere');
    expect([entity.status, ((await entity.json()) as { errors: { message: string }[] }).errors[0]!.message]).toEqual([404, 'around: no entity has the id policy:nowhere']);
    const post = await get('/export/json', { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    serving = null;
    try {
      expect((await get('/export/json')).status).toBe(503);
    } finally {
      serving = store;
    }
  });
});
