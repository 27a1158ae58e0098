import type { BaseUnit } from '../model/units.js';
import type { EntityNode } from './graph.js';
import { filterMetrics, type MetricFilter, type MetricNode, metricSpan } from './metric-filter.js';
import { groupOverlaps, type MetricOverlap, type MetricPossibleOverlap, regionWithin, type RegionWithin } from './metric-overlap.js';
import type { PolicyStore } from './store.js';

export const metricGroupings = ['REGION', 'PROGRAM', 'TARGET_GROUP', 'BASE_UNIT', 'PERIOD'] as const;
export type MetricGrouping = (typeof metricGroupings)[number];
export type { MetricOverlap, MetricPossibleOverlap };

/** What the figures of a group share. Dimensions the grouping does not use are null. */
export type MetricGroupKey = {
  region: string | null;
  program: string | null;
  targetGroup: string | null;
  baseUnit: BaseUnit;
  period: { start: string; end: string } | null;
};

export type MetricGroup = {
  key: MetricGroupKey;
  metrics: MetricNode[];
  excludedFromSum: MetricNode[];
  overlaps: MetricOverlap[];
  possibleOverlaps: MetricPossibleOverlap[];
  /** Null for shares (PERCENT): percentages are not added. */
  sum: number | null;
  min: number;
  max: number;
  approximate: boolean;
  lowerBound: boolean;
  upperBound: boolean;
};

export type MetricAggregate = { groupBy: MetricGrouping[]; metricCount: number; groups: MetricGroup[] };

/** The lower and upper figure of a metric in its base unit: its bounds for a RANGE, else its value twice. */
export function metricBounds(m: MetricNode): [number, number] {
  return m.comparator === 'RANGE' ? [m.normalizedLower!, m.normalizedUpper!] : [m.normalizedValue!, m.normalizedValue!];
}

/**
 * Groups the figures that pass `filter` and sums each group without double counting. Base unit is always a
 * grouping dimension: figures of different units are never added. A figure belongs to one group per value of
 * each dimension it has several values for (a figure measuring two programs is in both programs' groups).
 */
export function aggregateMetrics(store: PolicyStore, filter: MetricFilter, groupBy: readonly MetricGrouping[]): MetricAggregate {
  const dimensions = metricGroupings.filter((d) => d === 'BASE_UNIT' || groupBy.includes(d));
  const metrics = filterMetrics(store, filter);
  const within = regionWithin(store);
  const groups = new Map<string, { key: MetricGroupKey; metrics: MetricNode[] }>();
  for (const m of metrics) {
    for (const key of groupKeys(store, m, dimensions)) {
      const id = JSON.stringify(key);
      if (!groups.has(id)) groups.set(id, { key, metrics: [] });
      groups.get(id)!.metrics.push(m);
    }
  }
  return { groupBy: dimensions, metricCount: metrics.length, groups: [...groups.values()].map((g) => summarize(store, within, g.key, g.metrics)) };
}

/** Every key a figure is grouped under: the cartesian product of its values in each dimension. */
function groupKeys(store: PolicyStore, m: MetricNode, dimensions: readonly MetricGrouping[]): MetricGroupKey[] {
  const measured = (kind: EntityNode['kind']) => {
    const ids = store
      .related(m.id, 'MEASURES', 'OUTGOING')
      .filter((e) => e.kind === kind)
      .map((e) => e.id);
    return ids.length > 0 ? ids : [null];
  };
  const has = (d: MetricGrouping) => dimensions.includes(d);
  const keys: MetricGroupKey[] = [];
  for (const region of has('REGION') ? [m.region ?? null] : [null]) {
    for (const program of has('PROGRAM') ? measured('PROGRAM') : [null]) {
      for (const targetGroup of has('TARGET_GROUP') ? measured('TARGET_GROUP') : [null]) {
        keys.push({ region, program, targetGroup, baseUnit: m.baseUnit, period: has('PERIOD') ? metricSpan(m) : null });
      }
    }
  }
  return keys;
}

function summarize(store: PolicyStore, within: RegionWithin, key: MetricGroupKey, members: MetricNode[]): MetricGroup {
  const { excluded, overlaps, possibleOverlaps } = groupOverlaps(store, within, members);
  const summed = members.filter((m) => !excluded.has(m));
  const bounds = members.map(metricBounds);
  // toPrecision(15) drops binary noise from adding decimal figures (0.95亿 + 4113.99万).
  const sum = Number(summed.reduce((total, m) => total + metricBounds(m)[0], 0).toPrecision(15));
  return {
    key,
    metrics: members,
    excludedFromSum: members.filter((m) => excluded.has(m)),
    overlaps,
    possibleOverlaps,
    sum: key.baseUnit === 'PERCENT' ? null : sum,
    min: Math.min(...bounds.map(([lower]) => lower)),
    max: Math.max(...bounds.map(([, upper]) => upper)),
    approximate: summed.some((m) => m.comparator === 'APPROXIMATE'),
    lowerBound: summed.some((m) => ['MORE_THAN', 'AT_LEAST', 'RANGE'].includes(m.comparator)),
    upperBound: summed.some((m) => ['LESS_THAN', 'AT_MOST'].includes(m.comparator)),
  };
}
