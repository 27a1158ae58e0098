import type { Comparator } from '../model/metric.js';
import type { BaseUnit } from '../model/units.js';
import type { EntityNode } from './graph.js';
import type { PolicyStore } from './store.js';

export type MetricNode = Extract<EntityNode, { kind: 'METRIC' }>;

export type MetricFilter = {
  /** Figures that measure this entity (any kind). */
  subject?: string | undefined;
  /** Figures that measure this program. */
  program?: string | undefined;
  /** Figures that measure this target group. */
  targetGroup?: string | undefined;
  /** Figures scoped to this region, or to one of its sub-regions when `includeSubRegions`. */
  region?: string | undefined;
  includeSubRegions?: boolean | undefined;
  baseUnit?: BaseUnit | undefined;
  comparator?: Comparator | undefined;
  cumulative?: boolean | undefined;
  /** Figures whose period overlaps, or whose as-of date falls within, [from, to] (either end open). */
  from?: string | undefined;
  to?: string | undefined;
  /** Figures as of this date, or whose period contains it. */
  asOf?: string | undefined;
};

/** The days a figure covers: its period, or the single day it is as of. */
export function metricSpan(m: MetricNode): { start: string; end: string } {
  return m.period ?? { start: m.asOf!, end: m.asOf! };
}

/** True when two figures cover at least one common day. */
export function spansIntersect(a: MetricNode, b: MetricNode): boolean {
  const [x, y] = [metricSpan(a), metricSpan(b)];
  return x.start <= y.end && y.start <= x.end;
}

/**
 * The figures that pass every given criterion, in data-set order. Candidates come from the graph's adjacency
 * (the figures MEASURING each named subject, program and target group, or SCOPED_TO the regions) rather than
 * from a scan of all figures.
 */
export function filterMetrics(store: PolicyStore, filter: MetricFilter): MetricNode[] {
  const regions = filter.region
    ? filter.includeSubRegions === false
      ? new Set(store.entity(filter.region) ? [filter.region] : [])
      : store.regionWithDescendants(filter.region)
    : null;
  const measured = [filter.subject, filter.program, filter.targetGroup].filter((id): id is string => !!id);
  const measuring = measured.map((id) => new Set(store.related(id, 'MEASURES', 'INCOMING')));
  const candidates =
    measuring.length > 0
      ? [...measuring[0]!].filter((m) => measuring.every((set) => set.has(m)))
      : regions
        ? [...regions].flatMap((r) => store.related(r, 'SCOPED_TO', 'INCOMING'))
        : store.entities(['METRIC']);
  return store.inDataOrder(candidates as MetricNode[]).filter((m) => {
    if (regions && !(m.region && regions.has(m.region))) return false;
    if (filter.baseUnit && m.baseUnit !== filter.baseUnit) return false;
    if (filter.comparator && m.comparator !== filter.comparator) return false;
    if (filter.cumulative !== undefined && m.cumulative !== filter.cumulative) return false;
    const span = metricSpan(m);
    if (filter.from && span.end < filter.from) return false;
    if (filter.to && span.start > filter.to) return false;
    if (filter.asOf && !(span.start <= filter.asOf && filter.asOf <= span.end)) return false;
    return true;
  });
}
