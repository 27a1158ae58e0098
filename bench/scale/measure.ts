/**
 * What the size table measures for one data set, in the process that runs it: the time the load strategy takes
 * to load and validate it, the resident memory after load (after a full garbage collection when the process
 * runs with --expose-gc), and the latency of each operation (p50/p99 from tinybench over many varied calls).
 */
import { performance } from 'node:perf_hooks';
import { Bench } from 'tinybench';
import type { PolicyStore } from '../../src/store/store.js';
import { loadStrategies, type LoadStrategyName } from './load-strategies.js';
import { type OperationKey, type PathPair, type RotationOptions, scaleOperations } from './operations.js';

/** How long tinybench runs each operation: at least `time` ms and `iterations` calls, after a short warm-up. */
export type BenchBudget = { time: number; iterations: number; warmupTime: number; warmupIterations: number };

export const defaultBudget: BenchBudget = { time: 2000, iterations: 100, warmupTime: 250, warmupIterations: 10 };

/** The latency of one operation in milliseconds, and how many calls it was measured over. */
export type Latency = { p50: number; p99: number; mean: number; samples: number };

export type StoreMeasurement = {
  latency: Record<OperationKey, Latency>;
  /** The shortest-path pairs used, by hop count: how many of each. */
  pathHops: Record<number, number>;
  maxHops: number;
};

export type SizeMeasurement = StoreMeasurement & {
  strategy: LoadStrategyName;
  entities: number;
  relations: number;
  loadSeconds: number;
  /** Resident memory after load (and after a full GC when available), in bytes. */
  rssBytes: number;
  heapUsedBytes: number;
  /** The highest resident memory of the process up to the end of the measurements, in bytes. */
  peakRssBytes: number;
  gcForced: boolean;
};

/** A progress note for whoever watches (the parent shows the last one if the run does not finish). */
export type Progress = (note: string) => void;

/** Measures the latency of every operation on a loaded store; tinybench throws if an operation throws. */
export async function measureStore(store: PolicyStore, budget: BenchBudget = defaultBudget, rotations?: RotationOptions, progress: Progress = () => {}): Promise<StoreMeasurement> {
  const { operations, pairs } = scaleOperations(store, rotations);
  progress(`picked ${pairs.length} path pairs; measuring ${operations.map((o) => o.key).join(', ')}`);
  const bench = new Bench({ ...budget, throws: true });
  for (const op of operations) bench.add(op.key, op.call, { async: false });
  bench.addEventListener('cycle', (event) => progress(`measured ${event.task?.name}`));
  await bench.run();
  const latency = {} as Record<OperationKey, Latency>;
  for (const op of operations) {
    const result = bench.getTask(op.key)!.result;
    if (!('latency' in result)) throw new Error(`tinybench did not complete ${op.key}: ${result.state}`);
    const { p50, p99, mean, samplesCount } = result.latency;
    latency[op.key] = { p50, p99, mean, samples: samplesCount };
  }
  const pathHops: Record<number, number> = {};
  for (const p of pairs) pathHops[p.hops] = (pathHops[p.hops] ?? 0) + 1;
  return { latency, pathHops, maxHops: Math.max(0, ...pairs.map((p: PathPair) => p.hops)) };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Loads the data set in `dir` with a strategy and measures it: the whole of what the size table shows for one size. */
export async function measureSize(
  dir: string,
  strategy: LoadStrategyName,
  budget: BenchBudget = defaultBudget,
  rotations?: RotationOptions,
  progress: Progress = () => {},
): Promise<SizeMeasurement> {
  progress(`loading ${dir} (${strategy})`);
  const started = performance.now();
  const store = await loadStrategies[strategy](dir);
  const loadSeconds = (performance.now() - started) / 1000;
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  progress(`loaded ${store.graph.order} entities, ${store.graph.size} relations in ${loadSeconds.toFixed(1)} s; RSS ${(rss / 1e6).toFixed(0)} MB`);
  const measured = await measureStore(store, budget, rotations, progress);
  return {
    strategy,
    entities: store.graph.order,
    relations: store.graph.size,
    loadSeconds,
    rssBytes: rss,
    heapUsedBytes: heapUsed,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    gcForced: gc !== undefined,
    ...measured,
  };
}
