import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import type { MetricFilter } from '../store/metric-filter.js';
import {
  aggregateMetrics,
  type MetricAggregate,
  type MetricGroup,
  type MetricGrouping,
  metricGroupings,
  type MetricOverlap,
  type MetricPossibleOverlap,
} from '../store/metric-aggregate.js';
import type { PolicyStore } from '../store/store.js';
import { builder } from './builder.js';
import { ceilingsOf, dataList } from './complexity.js';
import { listConnection } from './connections.js';
import { BaseUnitEnum, MetricFilterInput, MetricFilterSchema, PeriodRef } from './metric.js';
import { pageSize, paginate } from './pagination.js';
import { EntityRef, MetricRef, ProgramRef, RegionRef, TargetGroupRef } from './refs.js';

const MetricGroupByEnum = builder.enumType('MetricGroupBy', {
  description: 'A dimension to group figures by. BASE_UNIT is always one of them: figures of different units are never added.',
  values: {
    REGION: { description: 'The region the figure is scoped to (exactly that region: a city’s figures form their own group).' },
    PROGRAM: { description: 'Each program the figure measures; a figure measuring two programs is in both groups.' },
    TARGET_GROUP: { description: 'Each target group the figure measures; a figure measuring two groups is in both groups.' },
    BASE_UNIT: { description: 'The base unit (PERSON, YUAN …). Always applied, asked for or not.' },
    PERIOD: { description: 'The span the figure covers: its period, or its as-of date as a one-day span.' },
  } satisfies Record<MetricGrouping, { description: string }>,
});

const MetricOverlapReasonEnum = builder.enumType('MetricOverlapReason', {
  description: 'Why the parts of an overlap are already counted in its total.',
  values: {
    PART_OF: { description: 'The data states that each part is PART_OF the total figure (134.5万 of the 634万), directly or through other figures.' },
    SUB_REGION: {
      description:
        'The total is the same measure for a larger region: each part is stated for one of its sub-regions, measures every subject the total measures, and covers days the total also covers.',
    },
  } satisfies Record<MetricOverlap['reason'], { description: string }>,
});

/** A connection over plain objects (groups, overlaps): the same paging as every list, 1–100 per page. */
function pageOf<T>(ref: ObjectRef<any, T>, what: string) {
  return builder.connectionObject(
    { type: ref, name: `${ref.name}Connection`, description: `A page of ${what}.` },
    { name: `${ref.name}Edge`, description: `One of a page of ${what}.` },
  );
}
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** A paged list field over items the parent already holds. */
function paged<P, T>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>,
  type: ObjectRef<any, any>,
  description: string,
  items: (parent: P) => readonly T[],
) {
  return t.field({ type, args: t.arg.connectionArgs(), description, resolve: (parent, args) => paginate(items(parent), args, (x) => x) as never });
}

/** The entity a group key or overlap names, or null. */
const entityOrNull = (store: PolicyStore, id: string | null) => (id ? store.entity(id) : null) as never;

const MetricOverlapRef = builder.objectRef<MetricOverlap>('MetricOverlap').implement({
  description: 'A figure of a group that already includes other figures of the group: those parts are left out of its sum.',
  fields: (t) => ({
    reason: t.expose('reason', { type: MetricOverlapReasonEnum, description: 'Why the parts are already counted in the total.' }),
    total: t.field({ type: MetricRef, description: 'The figure that includes the parts.', resolve: (o) => o.total }),
    parts: paged(t, listConnection(MetricRef), 'The figures the total includes; none of them is added to the sum.', (o) => o.parts),
  }),
});

const MetricPossibleOverlapRef = builder.objectRef<MetricPossibleOverlap>('MetricPossibleOverlap').implement({
  description:
    'Summed figures that measure a common subject, in the same region or one within the other, over common days, while the data states no PART_OF between them: they may count the same people or money twice (279.8万 低保对象 and 134.5万 脱贫人口纳入低保).',
  fields: (t) => ({
    subjects: t.field({ type: [EntityRef], description: 'The subjects the figures have in common.', complexity: dataList('subjects'), resolve: (o) => o.subjects }),
    metrics: paged(t, listConnection(MetricRef), 'The figures that may overlap; all of them are in the sum.', (o) => o.metrics),
  }),
});

const MetricGroupRef = builder.objectRef<MetricGroup>('MetricGroup').implement({
  description:
    'Figures that share a key (base unit, and the region, program, target group or period asked for), counted and summed without double counting.',
  fields: (t) => ({
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: 'The region of the group; null unless grouped by REGION, or for figures scoped to no region.',
      resolve: (g, _a, { store }) => entityOrNull(store, g.key.region),
    }),
    program: t.field({
      type: ProgramRef,
      nullable: true,
      description: 'The program of the group; null unless grouped by PROGRAM, or for figures measuring no program.',
      resolve: (g, _a, { store }) => entityOrNull(store, g.key.program),
    }),
    targetGroup: t.field({
      type: TargetGroupRef,
      nullable: true,
      description: 'The target group of the group; null unless grouped by TARGET_GROUP, or for figures measuring none.',
      resolve: (g, _a, { store }) => entityOrNull(store, g.key.targetGroup),
    }),
    baseUnit: t.field({ type: BaseUnitEnum, description: 'The base unit of every figure of the group.', resolve: (g) => g.key.baseUnit }),
    period: t.field({
      type: PeriodRef,
      nullable: true,
      description: 'The span every figure of the group covers (an as-of date is a one-day span); null unless grouped by PERIOD.',
      resolve: (g) => g.key.period,
    }),
    count: t.int({ description: 'How many figures the group holds.', resolve: (g) => g.metrics.length }),
    summedCount: t.int({ description: 'How many of them are added to the sum (count minus those in excludedFromSum).', resolve: (g) => g.metrics.length - g.excludedFromSum.length }),
    sum: t.float({
      nullable: true,
      description:
        'The sum of normalizedValue over the figures not in excludedFromSum (a RANGE adds its lower bound); null for PERCENT, since shares do not add up. It is exact only when approximate, lowerBound, upperBound and mayDoubleCount are all false.',
      resolve: (g) => g.sum,
    }),
    min: t.float({ description: 'The smallest normalizedValue of the group (a RANGE gives its lower bound); over all its figures, summed or not.', resolve: (g) => g.min }),
    max: t.float({ description: 'The largest normalizedValue of the group (a RANGE gives its upper bound); over all its figures, summed or not.', resolve: (g) => g.max }),
    approximate: t.boolean({ description: 'True when a summed figure is APPROXIMATE (约): the sum is approximate too.', resolve: (g) => g.approximate }),
    lowerBound: t.boolean({ description: 'True when a summed figure is MORE_THAN, AT_LEAST or a RANGE: the true total is at least the sum.', resolve: (g) => g.lowerBound }),
    upperBound: t.boolean({
      description:
        'True when a summed figure is LESS_THAN or AT_MOST: the true total is at most the sum (with lowerBound too, the sum is only indicative).',
      resolve: (g) => g.upperBound,
    }),
    mayDoubleCount: t.boolean({ description: 'True when possibleOverlaps is not empty: summed figures may count the same things twice.', resolve: (g) => g.possibleOverlaps.length > 0 }),
    metrics: paged(t, listConnection(MetricRef), 'Every figure of the group, in data-set order.', (g) => g.metrics),
    excludedFromSum: paged(t, listConnection(MetricRef), 'The figures left out of the sum because another figure of the group already includes them (see overlaps).', (g) => g.excludedFromSum),
    overlaps: paged(
      t,
      pageOf(MetricOverlapRef, 'overlaps'),
      'Each figure of the group that includes others of it (a region’s total and its cities’ figures; a figure and its PART_OF parts), with those parts.',
      (g) => g.overlaps,
    ),
    possibleOverlaps: paged(
      t,
      pageOf(MetricPossibleOverlapRef, 'possible overlaps'),
      'Summed figures that may count the same things twice, which the data neither links by PART_OF nor tells apart.',
      (g) => g.possibleOverlaps,
    ),
  }),
});

const MetricAggregateRef = builder.objectRef<MetricAggregate>('MetricAggregate').implement({
  description: 'Figures grouped and summed per group, never adding different units nor a total to its own parts.',
  fields: (t) => ({
    groupBy: t.field({ type: [MetricGroupByEnum], description: 'The dimensions applied: those asked for, always with BASE_UNIT.', resolve: (a) => a.groupBy }),
    metricCount: t.int({ description: 'How many figures the filter matched; a figure may be in several groups, so group counts can add up to more.', resolve: (a) => a.metricCount }),
    groups: paged(t, pageOf(MetricGroupRef, 'groups of figures'), 'The groups, in the data-set order of their first figure.', (a) => a.groups),
  }),
});

const GroupBy = z
  .array(z.enum(metricGroupings))
  .refine((list) => new Set(list).size === list.length, { message: 'must not name a dimension twice' })
  .nullish();

builder.queryFields((t) => ({
  metricAggregate: t.field({
    type: MetricAggregateRef,
    description: `Counts and sums the figures that match a filter, per group (groups paged ${pageSize.default} by default, at most ${pageSize.max}). Never adds figures of different base units (BASE_UNIT is always a grouping), never adds a figure to another that already includes it (a region’s total and its sub-regions’ figures, PART_OF parts): those are listed as overlaps and left out of the sum. Summed figures that may still count the same things (a common subject, place and day, no PART_OF stated) are listed as possibleOverlaps and set mayDoubleCount. A figure with several programs or target groups belongs to each of their groups.`,
    // A pass over the figures and their overlaps; the groups are a connection, costed by their page.
    complexity: (_args, ctx) => ceilingsOf(ctx).pass,
    args: {
      filter: t.arg({ type: MetricFilterInput, required: false, validate: MetricFilterSchema, description: 'Which figures to aggregate (default: all).' }),
      groupBy: t.arg({
        type: [MetricGroupByEnum],
        required: false,
        validate: GroupBy,
        description: 'The dimensions to group by, each at most once (default: BASE_UNIT only; BASE_UNIT is always added).',
      }),
    },
    resolve: (_root, args, { store }) => aggregateMetrics(store, (args.filter ?? {}) as MetricFilter, args.groupBy ?? []),
  }),
}));
