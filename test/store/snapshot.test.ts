import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { neighborhood } from '../../src/store/neighborhood.js';
import { paths, shortestPath } from '../../src/store/paths.js';
import { rankingMeasures, rankingsDerivation } from '../../src/store/rankings.js';
import { searchIndex } from '../../src/store/search-index.js';
import { readSnapshotHeader, SnapshotError, snapshotFormat } from '../../src/store/snapshot-file.js';
import { loadSnapshot, writeSnapshot } from '../../src/store/snapshot.js';
import { PolicyStore } from '../../src/store/store.js';
import { writeSyntheticDataSet } from '../../bench/scale/synthetic.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'snapshot-test-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** What a request could read from a store, in a form to compare: everything but timing. */
function answers(store: PolicyStore, queries: { search: string[]; pairs: [string, string][] }) {
  const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);
  const rankings = store.derived(rankingsDerivation);
  return {
    graph: store.graph.export(),
    version: store.info.version,
    files: store.info.files,
    relationCounts: [...store.relationCounts],
    entities: ids(store.entities()),
    lookups: store.entities().slice(0, 200).map((e) => ids(store.lookup(e.name))),
    search: queries.search.map((q) => store.derived(searchIndex).search(q).map((h) => [h.entity.id, h.score, h.exact, h.queryTerms])),
    rankings: rankingMeasures.map((m) => rankings.ranked(m, null).map((r) => [r.entity.id, r.rank, r.score])),
    agencies: Object.entries(rankings.agencies).map(([order, list]) => [order, ids(list)]),
    coIssuing: rankings.coIssuing.pairs.map((p) => [ids(p.agencies), ids(p.documents)]),
    paths: queries.pairs.map(([a, b]) => [
      shortestPath(store, a, b, { maxHops: 6 })?.entities.map((e) => e.id),
      paths(store, a, b, { maxHops: 4, first: 5 }).map((p) => p.steps.map((s) => s.relation.key)),
      neighborhood(store, a, { depth: 2, limit: 100 })?.relations.map((r) => r.key),
    ]),
  };
}

/** Pairs of entities a few relations apart, and some ids a walk from each. */
function pairsOf(store: PolicyStore, count: number): [string, string][] {
  const ids = store.graph.nodes();
  return Array.from({ length: count }, (_, i) => {
    const a = ids[(i * 7919) % ids.length]!;
    const near = neighborhood(store, a, { depth: 3, limit: 500 })!.entities;
    return [a, near[(i * 31) % near.length]!.entity.id];
  });
}

describe('a snapshot of the bundled data', () => {
  let files: PolicyStore;
  let file: string;
  beforeAll(async () => {
    files = await loadStore(defaultDataDir);
    file = join(scratch, 'bundled.snapshot');
    await writeSnapshot(files, file);
  });

  it('loads as the same store: entities, relations, lookups, search, rankings, paths', async () => {
    const snapshot = await loadSnapshot(file);
    const queries = { search: ['低保', '民政厅', '养老', 'nanning', 'dibao', '279.8万人', '广西 救助'], pairs: pairsOf(files, 40) };
    const expected = answers(files, queries);
    expect(expected.search.every((hits) => hits.length > 0)).toBe(true);
    expect(expected.paths.filter(([shortest]) => shortest && shortest.length > 2).length).toBeGreaterThan(10);
    expect(answers(snapshot, queries)).toEqual(expected);
  });

  it('takes the rankings\' sorted orders from the snapshot instead of sorting again', () => {
    const rankings = files.derived(rankingsDerivation);
    const saved = rankingsDerivation.snapshot!.save(rankings, files);
    const reversed = { ...saved, orders: { ...saved.orders, 'DEGREE:*': saved.orders['DEGREE:*']!.slice().reverse() } };
    const restored = rankingsDerivation.snapshot!.restore(new PolicyStore(files.graph, files.info), reversed);
    const order = (list: readonly { entity: { id: string } }[]) => list.map((r) => r.entity.id);
    expect(order(restored.ranked('DEGREE', null))).toEqual(order(rankings.ranked('DEGREE', null)).reverse());
    expect(order(restored.ranked('PAGERANK', 'AGENCY'))).toEqual(order(rankings.ranked('PAGERANK', 'AGENCY')));
    const short = { ...saved, orders: { ...saved.orders, 'AGENCY:DEGREE': saved.orders['AGENCY:DEGREE']!.subarray(1) } };
    expect(() => rankingsDerivation.snapshot!.restore(new PolicyStore(files.graph, files.info), short)).toThrow(/the saved order AGENCY:DEGREE has \d+ entities, not \d+/);
  });

  it('records the data version of the files in its header, readable without the body', async () => {
    const header = await readSnapshotHeader(file);
    expect(header).toMatchObject({ format: snapshotFormat, dataVersion: files.info.version, entities: files.graph.order, relations: files.graph.size });
    expect(header.sections.map((s) => s.name)).toEqual(['entities.0', 'relations.0', 'derived:search index', 'derived:rankings']);
  });
});

describe('a snapshot of a generated data set', () => {
  it('round-trips a graph spread over many sections', async () => {
    const dir = join(scratch, 'generated');
    await writeSyntheticDataSet(dir, 3000, { perFile: 500 });
    const files = await loadStore(dir);
    const file = join(scratch, 'generated.snapshot');
    await writeSnapshot(files, file, { itemsPerSection: 700 });
    const header = await readSnapshotHeader(file);
    expect(header.sections.filter((s) => s.name.startsWith('relations.')).length).toBe(Math.ceil(files.graph.size / 700));
    const snapshot = await loadSnapshot(file);
    const queries = { search: ['合成', '民政局12', 'synthetic meeting', '万人'], pairs: pairsOf(files, 30) };
    expect(answers(snapshot, queries)).toEqual(answers(files, queries));
    // A data set changed after the snapshot was made has another version: a stale snapshot is detectable.
    await writeFile(join(dir, 'part-0000.json'), (await readFile(join(dir, 'part-0000.json'), 'utf8')).replace('"name":"', '"name":"改'));
    expect((await loadStore(dir)).info.version).not.toBe((await readSnapshotHeader(file)).dataVersion);
  }, 60_000);
});

describe('a damaged snapshot', () => {
  let good: Buffer;
  const damaged = async (name: string, bytes: Uint8Array) => {
    const file = join(scratch, name);
    await writeFile(file, bytes);
    return file;
  };
  /** The SnapshotError loading `file` gives: the file is named and no store is returned. */
  const refusal = async (file: string) => {
    const error = await loadSnapshot(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).file).toBe(file);
    expect((error as Error).message).toContain(file);
    return (error as SnapshotError).problem;
  };

  beforeAll(async () => {
    const file = join(scratch, 'good.snapshot');
    await writeSnapshot(await loadStore(defaultDataDir), file);
    good = await readFile(file);
  });

  it('is refused when truncated, anywhere', async () => {
    for (const length of [0, 10, 30, 200, good.length - 1000, good.length - 1]) {
      expect(await refusal(await damaged(`cut-${length}`, good.subarray(0, length)))).toMatch(/truncated|not a policy-graph snapshot/);
    }
    expect(await refusal(await damaged('cut-body', good.subarray(0, good.length - 1)))).toMatch(/^truncated: \d+ bytes, but its header describes \d+/);
  });

  it('is refused when it is not a snapshot, or has bytes after its end', async () => {
    expect(await refusal(await damaged('yaml', Buffer.from('entities: []\n')))).toMatch(/not a policy-graph snapshot/);
    const wrongMagic = Buffer.from(good);
    wrongMagic[0] = 'Q'.charCodeAt(0);
    expect(await refusal(await damaged('magic', wrongMagic))).toMatch(/not a policy-graph snapshot/);
    expect(await refusal(await damaged('longer', Buffer.concat([good, Buffer.from('x')])))).toMatch(/1 bytes after the last section/);
    expect(await refusal(join(scratch, 'missing.snapshot'))).toMatch(/cannot open: ENOENT/);
  });

  it('is refused when written in another format version', async () => {
    const at = 'POLICY-GRAPH-SNAPSHOT\n'.length;
    const length = good.readUInt32LE(at);
    const header = JSON.parse(good.subarray(at + 4, at + 4 + length).toString('utf8'));
    const other = Buffer.from(JSON.stringify({ ...header, format: snapshotFormat + 1 }));
    const size = Buffer.alloc(4);
    size.writeUInt32LE(other.length);
    const file = await damaged('format', Buffer.concat([good.subarray(0, at), size, other, good.subarray(at + 4 + length)]));
    expect(await refusal(file)).toBe(`snapshot format ${snapshotFormat + 1}, but this version reads format ${snapshotFormat}: write the snapshot again`);
  });

  it('is refused when a byte of any section flips, naming the section', async () => {
    const header = await readSnapshotHeader(join(scratch, 'good.snapshot'));
    let at = good.length - header.sections.reduce((sum, s) => sum + s.bytes, 0);
    for (const section of header.sections) {
      const flipped = Buffer.from(good);
      flipped[at + Math.floor(section.bytes / 2)]! ^= 0x01;
      expect(await refusal(await damaged(`flip-${section.name}`, flipped))).toBe(`section ${section.name} fails its checksum: the file is corrupt`);
      at += section.bytes;
    }
  });
});
