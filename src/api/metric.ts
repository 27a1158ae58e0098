import { z } from 'zod';
import { Metric } from '../model/entity.js';
import { Baseline, Comparator, MetricChange as ChangeSchema, Period as PeriodSchema } from '../model/metric.js';
import { EntityId, idOfKind } from '../model/ids.js';
import { kindInfo } from '../model/kinds.js';
import type { MetricChange, Period } from '../model/metric.js';
import { BaseUnit } from '../model/units.js';
import { filterMetrics, type MetricFilter } from '../store/metric-filter.js';
import { builder } from './builder.js';
import { dataList } from './complexity.js';
import { listConnection, relatedField, relatedOne, resolveList } from './connections.js';
import { enumFromModel, modelDoc } from './model-docs.js';
import { entityNodeOptions } from './node-options.js';
import { EntityRef, MetricRef, RegionRef } from './refs.js';
import { printedFigure } from './printed-figure.js';

export const BaseUnitEnum = enumFromModel('BaseUnit', BaseUnit);
export const ComparatorEnum = enumFromModel('Comparator', Comparator);
const BaselineEnum = enumFromModel('Baseline', Baseline);

export const PeriodRef = builder.objectRef<Period>('Period').implement({
  description: PeriodSchema.description!,
  fields: (t) => ({
    start: t.expose('start', { type: 'Date', description: modelDoc(PeriodSchema, 'start') }),
    end: t.expose('end', { type: 'Date', description: modelDoc(PeriodSchema, 'end') }),
  }),
});

const MetricChangeRef = builder.objectRef<MetricChange>('MetricChange').implement({
  description: ChangeSchema.description!,
  fields: (t) => ({
    value: t.exposeFloat('value', { description: modelDoc(ChangeSchema, 'value') }),
    unit: t.exposeString('unit', { description: modelDoc(ChangeSchema, 'unit') }),
    normalizedValue: t.exposeFloat('normalizedValue', { description: modelDoc(ChangeSchema, 'normalizedValue') }),
    baseline: t.expose('baseline', { type: BaselineEnum, description: 'What the change is measured against.' }),
    baselineLabel: t.exposeString('baselineLabel', { nullable: true, description: modelDoc(ChangeSchema, 'baselineLabel') }),
  }),
});

const doc = (field: string) => modelDoc(Metric, field);

builder.node(MetricRef, {
  ...entityNodeOptions('METRIC'),
  description: kindInfo.METRIC.description,
  fields: (t) => ({
    printed: t.string({
      description: 'The figure written as the source would print it, with its qualifier (约3.3亿元, 5000—7000元, 700多次).',
      resolve: printedFigure,
    }),
    value: t.exposeFloat('value', { nullable: true, description: doc('value') }),
    lower: t.exposeFloat('lower', { nullable: true, description: doc('lower') }),
    upper: t.exposeFloat('upper', { nullable: true, description: doc('upper') }),
    unit: t.exposeString('unit', { description: doc('unit') }),
    baseUnit: t.expose('baseUnit', { type: BaseUnitEnum, description: 'The unit the normalized figures are in.' }),
    normalizedValue: t.exposeFloat('normalizedValue', { nullable: true, description: doc('normalizedValue') }),
    normalizedLower: t.exposeFloat('normalizedLower', { nullable: true, description: doc('normalizedLower') }),
    normalizedUpper: t.exposeFloat('normalizedUpper', { nullable: true, description: doc('normalizedUpper') }),
    comparator: t.expose('comparator', { type: ComparatorEnum, description: 'How the printed figure relates to the true quantity.' }),
    change: t.expose('change', { type: MetricChangeRef, nullable: true, description: 'The change against a baseline, where the source states one.' }),
    period: t.expose('period', { type: PeriodRef, nullable: true, description: 'The period the figure covers, where it covers one.' }),
    asOf: t.expose('asOf', { type: 'Date', nullable: true, description: doc('asOf') }),
    cumulative: t.exposeBoolean('cumulative', { description: doc('cumulative') }),
    region: relatedOne(t, RegionRef, 'SCOPED_TO', 'OUTGOING', 'The region the figure is scoped to (SCOPED_TO).'),
    subjects: t.field({
      type: [EntityRef],
      description: 'What the figure counts or measures (MEASURES): programs, target groups, organizations, events.',
      complexity: dataList('subjects'),
      resolve: (m, _args, { store }) => store.related(m.id, 'MEASURES', 'OUTGOING'),
    }),
    partOf: relatedOne(t, MetricRef, 'PART_OF', 'OUTGOING', 'The larger figure this one is a part of (134.5万 of the 634万), if any.'),
    parts: relatedField(t, MetricRef, ['PART_OF'], 'INCOMING', 'The figures that are parts of this one.'),
  }),
});

/** The filter as the store takes it: absent and null criteria both mean "any". */
export const MetricFilterSchema = z
  .object({
    subject: EntityId.nullish(),
    program: idOfKind('PROGRAM').nullish(),
    targetGroup: idOfKind('TARGET_GROUP').nullish(),
    region: EntityId.nullish(),
    includeSubRegions: z.boolean().nullish(),
    baseUnit: BaseUnit.nullish(),
    comparator: Comparator.nullish(),
    cumulative: z.boolean().nullish(),
    from: z.iso.date().nullish(),
    to: z.iso.date().nullish(),
    asOf: z.iso.date().nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '`from` must not be after `to`', path: ['from'] })
  .transform((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v != null)) as MetricFilter)
  .nullish();

export const MetricFilterInput = builder.inputType('MetricFilter', {
  description: 'Criteria for figures; all given criteria must hold.',
  fields: (t) => ({
    subject: t.id({ required: false, description: 'Only figures that measure this entity (a program, target group, organization …).' }),
    program: t.id({ required: false, description: 'Only figures that measure this program (program:minimum-living-allowance); sub-programs are not included.' }),
    targetGroup: t.id({ required: false, description: 'Only figures that measure this target group (target-group:minimum-living-allowance-recipients).' }),
    region: t.id({ required: false, description: 'Only figures scoped to this region (and its sub-regions, see includeSubRegions).' }),
    includeSubRegions: t.boolean({ required: false, defaultValue: true, description: 'With region: include figures of its sub-regions (default true).' }),
    baseUnit: t.field({ type: BaseUnitEnum, required: false, description: 'Only figures in this base unit.' }),
    comparator: t.field({ type: ComparatorEnum, required: false, description: 'Only figures with this comparator.' }),
    cumulative: t.boolean({ required: false, description: 'Only running totals (true) or only non-cumulative figures (false).' }),
    from: t.field({ type: 'Date', required: false, description: 'Only figures whose period ends on or after this date (or as of a date on or after it).' }),
    to: t.field({ type: 'Date', required: false, description: 'Only figures whose period starts on or before this date (or as of a date on or before it).' }),
    asOf: t.field({ type: 'Date', required: false, description: 'Only figures that hold on this date: as of exactly this date, or over a period that contains it.' }),
  }),
});

builder.queryFields((t) => ({
  metrics: t.field({
    type: listConnection(MetricRef),
    description: 'Figures, in data-set order, filtered by subject, program, target group, region, base unit, comparator, cumulative, period or as-of date.',
    args: {
      ...t.arg.connectionArgs(),
      filter: t.arg({ type: MetricFilterInput, required: false, validate: MetricFilterSchema, description: 'Which figures to list (default: all).' }),
    },
    resolve: resolveList(({ store }, args: { filter?: z.infer<typeof MetricFilterSchema> }) => filterMetrics(store, args.filter ?? {})),
  }),
}));
