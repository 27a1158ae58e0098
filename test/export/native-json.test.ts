import { beforeAll, describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/formats.js';
import { importNativeJson, nativeFormat } from '../../src/export/native-json.js';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { DataSetError } from '../../src/store/problems.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';

const text = (store: PolicyStore, filter = {}) => {
  const out = exportGraph('json', store.graph, { dataVersion: store.info.version, filter });
  if (out.kind !== 'text') throw new Error('json is one text');
  return [...out.chunks].join('');
};

/** The problems a changed export is refused with. */
function problemsOf(json: string, change: (data: any) => void) {
  const data = JSON.parse(json);
  change(data);
  try {
    importNativeJson(JSON.stringify(data));
  } catch (error) {
    expect(error).toBeInstanceOf(DataSetError);
    return (error as DataSetError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('the changed file was accepted');
}

describe('native JSON on the bundled data', () => {
  let store: PolicyStore;
  let json = '';
  beforeAll(async () => {
    store = await loadStore(defaultDataDir);
    json = text(store);
  });

  it('is graphology’s serialization of the store’s graph, with a header in the graph attributes', () => {
    const data = JSON.parse(json);
    expect(data.attributes).toEqual({ format: nativeFormat, formatVersion: 1, dataVersion: store.info.version });
    expect({ ...data, attributes: {} }).toEqual(store.graph.export());
  });

  it('imports back to an identical graph: same nodes, edges, keys and attributes, and the same file again', () => {
    const { graph, header } = importNativeJson(json);
    expect(header.dataVersion).toBe(store.info.version);
    expect(graph.order).toBe(store.graph.order);
    expect(graph.size).toBe(store.graph.size);
    expect(graph.export()).toEqual(store.graph.export());
    store.graph.forEachEdge((key, r, from, to) => {
      expect(graph.source(key)).toBe(from);
      expect(graph.target(key)).toBe(to);
      expect(graph.getEdgeAttributes(key)).toEqual(r);
    });
    // Byte for byte, attribute order included.
    const again = exportGraph('json', graph, { dataVersion: store.info.version });
    expect(again.kind === 'text' && [...again.chunks].join('')).toBe(json);
  });

  it('keeps every citation and Chinese text as it is', () => {
    const { graph } = importNativeJson(json);
    const metric = graph.getNodeAttributes('metric:gx-minimum-living-allowance-recipients-2023');
    expect(metric).toMatchObject({ name: '全区低保对象人数', value: 279.8, unit: '万人', normalizedValue: 2798000, baseUnit: 'PERSON' });
    expect(metric.citations).toEqual([{ source: 'source:gx-2023-civil-affairs-review', span: '目前,全区共纳入低保对象279.8万人,比上年同期增加10万人' }]);
  });

  it('records the filter of a partial export, and imports it too', () => {
    const part = text(store, { kinds: ['POLICY', 'AGENCY'] });
    const { graph, header } = importNativeJson(part);
    expect(header.filter).toEqual({ kinds: ['POLICY', 'AGENCY'] });
    expect(graph.order).toBe(store.count('POLICY') + store.count('AGENCY'));
    expect(graph.someNode((_, e) => e.kind !== 'POLICY' && e.kind !== 'AGENCY')).toBe(false);
    expect(graph.size).toBe(countAmong(store, ['POLICY', 'AGENCY']));
    expect(graph.size).toBeGreaterThanOrEqual(store.relationCounts.get('ISSUED_BY')!);
  });
});

function countAmong(store: PolicyStore, kinds: string[]) {
  return store.graph.filterEdges((_, __, from, to, a, b) => kinds.includes(a.kind) && kinds.includes(b.kind)).length;
}

describe('importing checks every entity and relation against the model', () => {
  let json = '';
  beforeAll(async () => {
    json = text(await fixtureStore());
  });

  it('refuses a figure whose normalized value does not match, naming where', () => {
    const problems = problemsOf(json, (d) => {
      d.nodes.find((n: any) => n.key === 'metric:recipients').attributes.normalizedValue = 2798;
    });
    expect(problems).toEqual([expect.stringMatching(/^nodes\[\d+\]\.attributes\.normalizedValue: normalizedValue 2798 does not match value 279\.8/)]);
  });

  it('refuses unknown fields, bad kinds and ids, and keys that differ from ids', () => {
    const problems = problemsOf(json, (d) => {
      d.nodes[0].attributes.colour = 'red';
      d.nodes[1].key = 'region:elsewhere';
    });
    expect(problems.join('\n')).toMatch(/nodes\[0\]\.attributes: Unrecognized key: "colour"/);
    expect(problems.join('\n')).toMatch(/nodes\[1\]\.key: the key "region:elsewhere" differs from the entity's id/);
  });

  it('refuses relations whose key, ends, kinds or citations are wrong', () => {
    const problems = problemsOf(json, (d) => {
      const issued = d.edges.find((e: any) => e.attributes.type === 'ISSUED_BY');
      issued.attributes.to = 'program:dibao';
      issued.attributes.key = 'ISSUED_BY:policy:notice->program:dibao';
      issued.key = issued.attributes.key;
      issued.target = 'program:dibao';
      const governs = d.edges.find((e: any) => e.attributes.type === 'GOVERNS');
      governs.attributes.citations[0].source = undefined;
      d.edges.find((e: any) => e.attributes.type === 'TARGETS').attributes.key = 'wrong';
      d.edges.find((e: any) => e.attributes.type === 'USES').attributes.from = 'program:nowhere';
    });
    const all = problems.join('\n');
    expect(all).toMatch(/ISSUED_BY may not connect POLICY → PROGRAM/);
    expect(all).toMatch(/attributes\.citations\[0\]\.source: a citation must name its source/);
    expect(all).toMatch(/attributes\.key: the relation's key must be TARGETS:policy:notice->target-group:dibao-recipients, got "wrong"/);
    expect(all).toMatch(/USES from program:nowhere: no entity of the file has this id/);
  });

  it('refuses what is not a graph', () => {
    expect(() => importNativeJson('{"nodes": 3}')).toThrow(/not a graph/);
    expect(() => importNativeJson('{')).toThrow(/not valid JSON/);
    expect(problemsOf(json, (d) => (d.attributes.format = 'something-else'))).toEqual(['attributes.format: expected "policy-graph", got "something-else"']);
  });
});
