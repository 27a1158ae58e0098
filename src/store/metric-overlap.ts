import type { EntityNode } from './graph.js';
import { type MetricNode, spansIntersect } from './metric-filter.js';
import type { PolicyStore } from './store.js';

// Which figures of a group already include others (so that a sum adds each thing once), and which may count the
// same things without the data saying so.

/** A figure of the group that includes others of the same group: the others are left out of the sum. */
export type MetricOverlap = { reason: 'SUB_REGION' | 'PART_OF'; total: MetricNode; parts: MetricNode[] };

/** Summed figures that measure common subjects in overlapping regions over common days, with no PART_OF between them. */
export type MetricPossibleOverlap = { subjects: EntityNode[]; metrics: MetricNode[] };

/** The figures a figure is PART_OF, directly or through other figures. */
function metricAncestors(store: PolicyStore, id: string): Set<string> {
  const found = new Set<string>();
  const frontier = [id];
  for (const current of frontier) {
    for (const whole of store.related(current, 'PART_OF', 'OUTGOING')) {
      if (whole.kind !== 'METRIC' || found.has(whole.id)) continue;
      found.add(whole.id);
      frontier.push(whole.id);
    }
  }
  return found;
}

/** Answers "is region `inner` the region `outer` or within it", remembering each region's descendants. */
export type RegionWithin = (inner: string, outer: string) => boolean;

export function regionWithin(store: PolicyStore): RegionWithin {
  const descendants = new Map<string, Set<string>>();
  return (inner, outer) => {
    if (!descendants.has(outer)) descendants.set(outer, store.regionWithDescendants(outer));
    return descendants.get(outer)!.has(inner);
  };
}

const subjectIds = (store: PolicyStore, m: MetricNode) => new Set(store.related(m.id, 'MEASURES', 'OUTGOING').map((e) => e.id));

/**
 * Why `part` is already counted in `total`, or null when it is not: the data says it is PART_OF the total, or
 * the total is the same measure for a larger region (its region contains the part's, it measures no subject the
 * part does not, and they cover common days). 279.8万 低保对象 in Guangxi includes Nanning's 低保对象, but
 * 134.5万 脱贫人口纳入低保 in Guangxi is not the total of Nanning's 低保对象.
 */
function inclusion(
  store: PolicyStore,
  within: RegionWithin,
  total: MetricNode,
  part: MetricNode,
  partOf: Set<string>,
): MetricOverlap['reason'] | null {
  if (partOf.has(total.id)) return 'PART_OF';
  if (!total.region || !part.region || total.region === part.region || !within(part.region, total.region)) return null;
  const partSubjects = subjectIds(store, part);
  const sameMeasure = [...subjectIds(store, total)].every((s) => partSubjects.has(s));
  return sameMeasure && spansIntersect(total, part) ? 'SUB_REGION' : null;
}

type Inclusion = { reason: MetricOverlap['reason']; total: MetricNode; part: MetricNode };

/**
 * The overlaps to report: each summed figure with all the figures it includes, then each left-out figure with
 * those it includes that no figure before it did (a city's parts when the city itself is within the region's total).
 */
function reportOverlaps(members: MetricNode[], inclusions: Inclusion[], excluded: Set<MetricNode>): MetricOverlap[] {
  const overlaps: MetricOverlap[] = [];
  const reported = new Set<MetricNode>();
  for (const total of [...members.filter((m) => !excluded.has(m)), ...members.filter((m) => excluded.has(m))]) {
    const own = inclusions.filter((i) => i.total === total && !(excluded.has(total) && reported.has(i.part)));
    for (const reason of ['PART_OF', 'SUB_REGION'] as const) {
      const parts = own.filter((i) => i.reason === reason).map((i) => i.part);
      if (parts.length > 0) overlaps.push({ reason, total, parts });
    }
    own.forEach((i) => reported.add(i.part));
  }
  return overlaps;
}

/** The figures of a group left out of its sum (another figure includes them), the overlaps that say why, and the possible ones. */
export function groupOverlaps(store: PolicyStore, within: RegionWithin, members: MetricNode[]) {
  const partOf = new Map(members.map((m) => [m, metricAncestors(store, m.id)]));
  const inclusions = members.flatMap((total) =>
    members.flatMap((part): Inclusion[] => {
      const reason = part === total ? null : inclusion(store, within, total, part, partOf.get(part)!);
      return reason ? [{ reason, total, part }] : [];
    }),
  );
  const excluded = new Set(inclusions.map((i) => i.part));
  const summed = members.filter((m) => !excluded.has(m));
  return { excluded, overlaps: reportOverlaps(members, inclusions, excluded), possibleOverlaps: possibleOverlaps(store, within, summed) };
}

/**
 * Summed figures that may count the same things twice: they measure a common subject, in the same region or one
 * within the other (or name no region), over common days, and the data states no PART_OF between them
 * (279.8万 低保对象 and 134.5万 脱贫人口纳入低保). Figures that share several subjects are reported once.
 */
function possibleOverlaps(store: PolicyStore, within: RegionWithin, summed: MetricNode[]): MetricPossibleOverlap[] {
  const meet = (a: MetricNode, b: MetricNode) =>
    spansIntersect(a, b) && (!a.region || !b.region || within(a.region, b.region) || within(b.region, a.region));
  const bySubject = new Map<string, { subject: EntityNode; metrics: MetricNode[] }>();
  for (const m of summed) {
    for (const subject of store.related(m.id, 'MEASURES', 'OUTGOING')) {
      if (!bySubject.has(subject.id)) bySubject.set(subject.id, { subject, metrics: [] });
      bySubject.get(subject.id)!.metrics.push(m);
    }
  }
  const bySet = new Map<string, MetricPossibleOverlap>();
  for (const { subject, metrics } of bySubject.values()) {
    const sharing = metrics.filter((m) => metrics.some((other) => other !== m && meet(m, other)));
    if (sharing.length < 2) continue;
    const id = sharing.map((m) => m.id).join(' ');
    if (!bySet.has(id)) bySet.set(id, { subjects: [], metrics: sharing });
    bySet.get(id)!.subjects.push(subject);
  }
  return [...bySet.values()];
}
