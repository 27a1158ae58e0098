/**
 * The size-table harness works end to end on a small data set: the measurement a child would make, run in
 * process on 1,000 entities with a tiny tinybench budget, the path pairs at the hop counts claimed, the table and
 * goals as printed, and a child that cannot finish reported as such. No timing is asserted.
 */
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChild } from '../../../bench/scale/child-run.js';
import { snapshotFileOf } from '../../../bench/scale/load-strategies.js';
import { type BenchBudget, measureSize, type SizeMeasurement } from '../../../bench/scale/measure.js';
import { operationKeys, pathPairs } from '../../../bench/scale/operations.js';
import { seededRandom } from '../../../bench/scale/random.js';
import { ensureSnapshot } from '../../../bench/scale/snapshot-build.js';
import { writeSyntheticDataSet } from '../../../bench/scale/synthetic.js';
import { goalLines, sizeTable } from '../../../bench/scale/table.js';
import { loadStore } from '../../../src/store/load.js';
import { shortestPath } from '../../../src/store/paths.js';

const tiny: BenchBudget = { time: 5, iterations: 5, warmupTime: 0, warmupIterations: 1 };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-graph-scale-harness-'));
  await writeSyntheticDataSet(dir, 1000, { seed: 5 });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('measuring one size in process', () => {
  let measured: SizeMeasurement;
  beforeAll(async () => {
    measured = await measureSize(dir, 'files', tiny, { seed: 5, inputs: 50, pathStarts: 4 });
  }, 60_000);

  it('loads the data set and reports its size, load time and memory', () => {
    expect(measured).toMatchObject({ strategy: 'files', entities: 1000 });
    expect(measured.relations).toBeGreaterThan(4000);
    expect(measured.loadSeconds).toBeGreaterThan(0);
    expect(measured.rssBytes).toBeGreaterThan(measured.heapUsedBytes);
    expect(measured.peakRssBytes).toBeGreaterThanOrEqual(measured.rssBytes * 0.9);
  });

  it('gives every operation a finite p50 no greater than its p99, over at least the calls asked for', () => {
    for (const key of operationKeys) {
      const { p50, p99, samples } = measured.latency[key];
      expect(Number.isFinite(p50) && Number.isFinite(p99), key).toBe(true);
      expect(p50, key).toBeLessThanOrEqual(p99);
      expect(samples, key).toBeGreaterThanOrEqual(tiny.iterations);
    }
  });

  it('counts the path pairs by hops, up to the longest', () => {
    const hops = Object.keys(measured.pathHops).map(Number);
    expect(Math.max(...hops)).toBe(measured.maxHops);
    expect(measured.maxHops).toBeGreaterThanOrEqual(3);
  });
});

describe('measuring one size from its snapshot', () => {
  let data: string;
  beforeAll(async () => {
    data = join(await mkdtemp(join(tmpdir(), 'policy-graph-scale-snapshot-')), 'data');
    await writeSyntheticDataSet(data, 1000, { seed: 5 });
  });
  afterAll(() => rm(dirname(data), { recursive: true, force: true }));

  it('builds the snapshot once beside the data set, reuses it, and measures the same graph from it', async () => {
    const first = await ensureSnapshot(data, 1024, 120_000, () => {});
    expect(first).toMatchObject({ ok: true, file: snapshotFileOf(data), builtSeconds: expect.any(Number) });
    expect(dirname(snapshotFileOf(data))).toBe(dirname(data));
    expect(await ensureSnapshot(data, 1024, 120_000, () => {})).toMatchObject({ ok: true, builtSeconds: null });
    const fromSnapshot = await measureSize(data, 'snapshot', tiny, { seed: 5, inputs: 50, pathStarts: 4 });
    const fromFiles = await loadStore(data);
    expect(fromSnapshot).toMatchObject({ strategy: 'snapshot', entities: fromFiles.graph.order, relations: fromFiles.graph.size });
  }, 120_000);

  it('stops a snapshot build at its time limit and says so', async () => {
    const other = join(dirname(data), 'slow', 'data');
    await writeSyntheticDataSet(other, 1000, { seed: 6 });
    const built = await ensureSnapshot(other, 1024, 300, () => {});
    expect(built).toMatchObject({ ok: false, reason: 'building the snapshot passed its 0.3 s time limit', seconds: expect.any(Number) });
    expect(await access(snapshotFileOf(other)).then(() => true, () => false)).toBe(false);
  }, 60_000);

  it('reports a snapshot that cannot be built', async () => {
    const built = await ensureSnapshot(join(dirname(data), 'missing', 'data'), 1024, 60_000, () => {});
    expect(built).toMatchObject({ ok: false, reason: expect.stringMatching(/building the snapshot failed \(exit code 1\)/) });
  }, 60_000);
});

describe('path pairs', () => {
  it('are at the hop counts claimed: shortestPath takes exactly that many steps', async () => {
    const store = await loadStore(dir);
    const pairs = pathPairs(store, seededRandom(9), 4);
    expect(new Set(pairs.map((p) => p.hops))).toEqual(new Set([1, 2, 3, ...pairs.map((p) => p.hops)]));
    for (const { from, to, hops } of pairs) {
      expect(shortestPath(store, from, to, { maxHops: 6 })?.steps.length, `${from} → ${to}`).toBe(hops);
      if (hops > 1) expect(shortestPath(store, from, to, { maxHops: hops - 1 }), `${from} → ${to} in fewer hops`).toBeNull();
    }
  }, 30_000);
});

describe('the printed table and goals', () => {
  const at = (size: number, change: Partial<SizeMeasurement> = {}) => ({
    size,
    strategy: 'files' as const,
    dataBytes: 750 * size,
    finished: true as const,
    measured: {
      strategy: 'files' as const, entities: size, relations: 5 * size, loadSeconds: 12.5, rssBytes: 2.5e9, heapUsedBytes: 2e9,
      peakRssBytes: 3.1e9, gcForced: true, pathHops: { 1: 2, 6: 1 }, maxHops: 6,
      latency: Object.fromEntries(operationKeys.map((k) => [k, { p50: 0.0004, p99: 0.002, mean: 0.001, samples: 100 }])) as SizeMeasurement['latency'],
      ...change,
    },
  });

  it('names the strategy of each row, and how long a snapshot built in the run took', () => {
    const snapshotRow = { ...at(10_000), strategy: 'snapshot' as const, builtSeconds: 42 };
    const table = sizeTable([at(10_000), snapshotRow]);
    expect(table).toContain('| 10^4 | files | 10,000 | 50,000 | 12.5 |');
    expect(table).toContain('| 10^4 | snapshot | 10,000 | 50,000 | 12.5 (built in 42 s) |');
  });

  it('judges each goal at 10^6 by its own figure', () => {
    const lines = goalLines([at(10_000, { loadSeconds: 99 }), at(1_000_000, { rssBytes: 3.5e9 })]);
    expect(lines).toEqual([
      '✓  loads in under 30 s: 12.5 s',
      '✗  under 3 GB resident after load: 3,500 MB',
      '✓  node by id p99 under 1 ms: 2.00 µs',
      '✓  lookup p99 under 1 ms: 2.00 µs',
      '✓  shortest path ≤ 6 hops p99 under 50 ms: 2.00 µs, pairs up to 6 hops',
    ]);
  });

  it('shows a size that did not finish with its reason, and fails the goals when it is 10^6', () => {
    const failed = {
      size: 1_000_000, strategy: 'files' as const, dataBytes: 7.5e8, finished: false as const, reason: 'passed its 15 min time limit', lastNote: '[900 s] loading', peakRssBytes: 7.9e9, readBytes: 3.1e8, seconds: 612,
    };
    expect(sizeTable([at(10_000), failed])).toContain(
      '| 10^6 | files | did not finish after 612 s: passed its 15 min time limit (last: [900 s] loading; had read ≈ 310 MB, the data files are 750 MB; peak RSS 7,900 MB) |',
    );
    expect(goalLines([failed]).every((line) => line.startsWith('✗'))).toBe(true);
    expect(goalLines([at(10_000)]).every((line) => line.startsWith('–'))).toBe(true);
  });
});

describe('a child that cannot finish', () => {
  const job = { strategy: 'files', budget: tiny, seed: 1 };
  const limits = { heapMb: 512, timeoutMs: 60_000, rssLimitMb: null };

  it('is reported with the error that stopped it', async () => {
    const result = await runChild({ ...job, dataDir: join(dir, 'no-such-directory') }, limits, () => {});
    expect(result).toMatchObject({ finished: false, reason: expect.stringMatching(/exit code 1: .*DataSetError.*cannot read the data directory/) });
  }, 30_000);

  it('is killed at its time limit and reported so', async () => {
    // Shorter than starting Node with tsx and loading the data set, so the child cannot finish first.
    const result = await runChild({ ...job, dataDir: dir }, { ...limits, timeoutMs: 600 }, () => {});
    expect(result).toMatchObject({ finished: false, reason: 'passed its 0.6 s time limit', seconds: expect.closeTo(0.6, 0) });
    if (process.platform === 'linux') expect(result).toMatchObject({ peakRssBytes: expect.any(Number), readBytes: expect.any(Number) });
  }, 30_000);

  it.runIf(process.platform === 'linux')('is killed when its resident memory passes the limit', async () => {
    const result = await runChild({ ...job, dataDir: dir }, { ...limits, rssLimitMb: 40 }, () => {});
    expect(result).toMatchObject({ finished: false, reason: 'resident memory passed the 40 MB limit' });
    expect((result as { peakRssBytes: number }).peakRssBytes).toBeGreaterThan(40e6);
  }, 30_000);
});
