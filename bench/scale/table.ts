/**
 * The size table as printed: one row per size (or "did not finish" with why, how far and how much memory), the
 * machine it ran on, and the issue's goals at 10^6 entities with ✓ or ✗ each. Markdown, so it can go in the README.
 */
import os from 'node:os';
import type { LoadStrategyName } from './load-strategies.js';
import type { SizeMeasurement } from './measure.js';
import { operationKeys, type OperationKey } from './operations.js';

/** What became of one size: its measurement, or why it did not finish. */
export type SizeOutcome = { size: number; strategy: LoadStrategyName; dataBytes: number; builtSeconds?: number | null } & (
  | { finished: true; measured: SizeMeasurement }
  | { finished: false; reason: string; lastNote: string | null; peakRssBytes: number | null; readBytes: number | null; seconds: number }
);

const headings: Record<OperationKey, string> = {
  node: 'node by id',
  lookup: 'lookup',
  search: 'search (Chinese)',
  neighborhood: 'neighbourhood d2',
  path: 'shortest path',
};

const mb = (bytes: number) => Math.round(bytes / 1e6).toLocaleString('en-US');

/** A latency in ms, in µs below a millisecond: three significant figures. */
export function formatLatency(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toPrecision(3)} µs` : `${ms.toPrecision(3)} ms`;
}

/** 10^4 for 10000, else the number with separators. */
export function formatSize(size: number): string {
  const exponent = Math.log10(size);
  return Number.isInteger(exponent) ? `10^${exponent}` : size.toLocaleString('en-US');
}

function row(outcome: SizeOutcome): string {
  if (!outcome.finished) {
    const how = [
      outcome.lastNote && `last: ${outcome.lastNote}`,
      outcome.readBytes && `had read ≈ ${mb(outcome.readBytes)} MB, the data files are ${mb(outcome.dataBytes)} MB`,
      outcome.peakRssBytes && `peak RSS ${mb(outcome.peakRssBytes)} MB`,
    ].filter(Boolean);
    return `| ${formatSize(outcome.size)} | ${outcome.strategy} | did not finish after ${outcome.seconds.toFixed(0)} s: ${outcome.reason}${how.length ? ` (${how.join('; ')})` : ''} |`;
  }
  const m = outcome.measured;
  const cells = operationKeys.map((k) => `${formatLatency(m.latency[k].p50)} / ${formatLatency(m.latency[k].p99)}`);
  cells[cells.length - 1] += ` (≤ ${m.maxHops} hops)`;
  const built = outcome.builtSeconds ? ` (built in ${outcome.builtSeconds.toFixed(0)} s)` : '';
  return `| ${formatSize(outcome.size)} | ${outcome.strategy} | ${m.entities.toLocaleString('en-US')} | ${m.relations.toLocaleString('en-US')} | ${m.loadSeconds.toFixed(1)}${built} | ${mb(m.rssBytes)} | ${mb(m.heapUsedBytes)} | ${mb(m.peakRssBytes)} | ${cells.join(' | ')} |`;
}

/**
 * The size table: one row per size and load strategy (a snapshot's row says how long building it took, when it
 * was built in this run). RSS and heap are after load and a full GC (heap is what the store keeps alive;
 * RSS is higher by what the allocator holds on to after the load's peak); peak is the process's highest RSS.
 */
export function sizeTable(outcomes: SizeOutcome[]): string {
  const ops = operationKeys.map((k) => `${headings[k]} p50 / p99`);
  return [
    `| size | from | entities | relations | load s | RSS MB | heap MB | peak MB | ${ops.join(' | ')} |`,
    `|---|---|---:|---:|---:|---:|---:|---:|${ops.map(() => '---:').join('|')}|`,
    ...outcomes.map(row),
  ].join('\n');
}

/** The issue's goals at 10^6 entities, each ✓ or ✗ (or why it cannot be judged), from the outcomes of one strategy. */
export function goalLines(outcomes: SizeOutcome[]): string[] {
  const goals: [string, (m: SizeMeasurement) => [boolean, string]][] = [
    ['loads in under 30 s', (m) => [m.loadSeconds < 30, `${m.loadSeconds.toFixed(1)} s`]],
    ['under 3 GB resident after load', (m) => [m.rssBytes < 3e9, `${mb(m.rssBytes)} MB`]],
    ['node by id p99 under 1 ms', (m) => [m.latency.node.p99 < 1, formatLatency(m.latency.node.p99)]],
    ['lookup p99 under 1 ms', (m) => [m.latency.lookup.p99 < 1, formatLatency(m.latency.lookup.p99)]],
    ['shortest path ≤ 6 hops p99 under 50 ms', (m) => [m.latency.path.p99 < 50, `${formatLatency(m.latency.path.p99)}, pairs up to ${m.maxHops} hops`]],
  ];
  const million = outcomes.find((o) => o.size === 1_000_000);
  return goals.map(([goal, judge]) => {
    if (!million) return `–  ${goal}: not measured (10^6 was not among the sizes)`;
    if (!million.finished) return `✗  ${goal}: 10^6 did not finish (${million.reason})`;
    const [met, figure] = judge(million.measured);
    return `${met ? '✓' : '✗'}  ${goal}: ${figure}`;
  });
}

/** The machine the figures come from. */
export function machineLine(): string {
  const cpus = os.cpus();
  return `machine: ${cpus.length} cores, ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
}
