import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom, zipfPicker } from '../../../bench/scale/random.js';
import { syntheticCounts, syntheticParts, writeSyntheticDataSet, type WrittenDataSet } from '../../../bench/scale/synthetic.js';
import { entityKinds } from '../../../src/model/kinds.js';
import { relationTypes } from '../../../src/model/relations.js';
import { loadStore } from '../../../src/store/load.js';
import type { PolicyStore } from '../../../src/store/store.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('a generated data set of 2,000 entities, loaded by the real loader', () => {
  let dir: string;
  let written: WrittenDataSet;
  let store: PolicyStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'policy-graph-synthetic-'));
    written = await writeSyntheticDataSet(dir, 2000, { perFile: 800 });
    store = await loadStore(dir); // throws a DataSetError listing every problem if there is any
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('has exactly the entities asked for, split into files of at most perFile entities', async () => {
    expect(store.graph.order).toBe(2000);
    expect(written).toMatchObject({ entities: 2000, files: 4 }); // sources.json and three parts of 800, 800, 399
    expect((await readdir(dir)).sort()).toEqual(['part-0000.json', 'part-0001.json', 'part-0002.json', 'sources.json']);
  });

  it('has every kind of entity and every relation type of the model', () => {
    for (const kind of entityKinds) expect(store.count(kind), kind).toBeGreaterThan(0);
    for (const type of relationTypes) expect(store.relationCounts.get(type), type).toBeGreaterThan(0);
  });

  it('has between four and six relations an entity on average', () => {
    const average = store.graph.size / store.graph.order;
    expect(average).toBeGreaterThanOrEqual(4);
    expect(average).toBeLessThanOrEqual(6);
  });

  it('has hubs: the top agency and region have far more relations than the median entity', () => {
    const { graph } = store;
    const degrees = graph.mapNodes((id) => graph.degree(id));
    const top = (kind: 'AGENCY' | 'REGION') => Math.max(...store.entities([kind]).map((e) => graph.degree(e.id)));
    expect(top('AGENCY')).toBeGreaterThan(20 * median(degrees));
    expect(top('REGION')).toBeGreaterThan(20 * median(degrees));
    expect(store.count('POLICY') + store.count('METRIC')).toBeGreaterThan(store.graph.order / 2);
  });

  it('names entities in Chinese policy words that search and lookup find', () => {
    const [agency] = store.entities(['AGENCY']);
    expect(agency!.name).toMatch(/^\p{Script=Han}+$/u);
    expect(store.lookup(agency!.name).map((e) => e.id)).toEqual([agency!.id]);
    expect(store.lookup(agency!.aliases[0]!).map((e) => e.id)).toEqual([agency!.id]);
    expect(store.entities(['POLICY']).filter((p) => p.name.includes('养老')).length).toBeGreaterThan(10);
  });
});

describe('generating', () => {
  const texts = (seed: number) => [...syntheticParts(500, { seed })].map(([name, file]) => name + JSON.stringify(file));

  it('is deterministic: one seed gives one data set, another seed another', () => {
    expect(texts(7)).toEqual(texts(7));
    expect(texts(8)).not.toEqual(texts(7));
  });

  it('counts every kind, summing to the total, and refuses a size it cannot make', () => {
    const counts = syntheticCounts(1_000_000);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(counts.AGENCY).toBeLessThan(counts.POLICY / 10);
    expect(() => syntheticCounts(10)).toThrow(/at least 20 entities, got 10/);
    expect(() => syntheticCounts(1.5)).toThrow(/whole number/);
  });
});

describe('Zipf picks', () => {
  it('stay in range and favour the first items: item 0 about 1/H(n) of the picks', () => {
    const pick = zipfPicker(100);
    const random = seededRandom(3);
    const hits = new Array<number>(100).fill(0);
    for (let k = 0; k < 20_000; k++) hits[pick(random)]!++;
    expect(hits.reduce((a, b) => a + b, 0)).toBe(20_000);
    const harmonic = Array.from({ length: 100 }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b);
    expect(hits[0]! / 20_000).toBeCloseTo(1 / harmonic, 1);
    expect(hits[0]!).toBeGreaterThan(10 * hits[50]!);
  });

  it('refuses an empty set of items', () => {
    expect(() => zipfPicker(0)).toThrow(RangeError);
  });
});
