import { z } from 'zod';
import { describedEnum } from './described-enum.js';
import { idOfKind } from './ids.js';
import { BaseUnit, knownUnits, sameNumber, unitScale } from './units.js';

export const Comparator = describedEnum('How the printed figure relates to the true quantity.', {
  EXACT: 'The figure as stated (达, 共, or no qualifier).',
  APPROXIMATE: 'About this much (约).',
  MORE_THAN: 'More than this (多, 余, 超过, 以上 when strict).',
  AT_LEAST: 'At least this (不少于, 以上).',
  LESS_THAN: 'Less than this (不到, 不足).',
  AT_MOST: 'At most this (不超过, 以内).',
  RANGE: 'Between a lower and an upper bound (5000元—7000元).',
});
export type Comparator = z.infer<typeof Comparator>;

export const Baseline = describedEnum('What a change is measured against.', {
  PREVIOUS_YEAR_SAME_PERIOD: 'The same period of the previous year (比上年同期).',
  PREVIOUS_YEAR: 'The previous year (比上年).',
  OTHER: 'Another baseline, worded in baselineLabel.',
});

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

export const Period = z
  .object({
    start: isoDate.meta({ description: 'First day the figure covers (YYYY-MM-DD).' }),
    end: isoDate.meta({ description: 'Last day the figure covers (YYYY-MM-DD).' }),
  })
  .strict()
  .refine((p) => p.start <= p.end, { message: 'period start must not be after its end', path: ['end'] })
  .meta({ description: 'The span of time a figure covers, both ends included.' });
export type Period = z.infer<typeof Period>;

export const MetricChange = z
  .object({
    value: z.number().meta({ description: 'The change as printed, negative for a decrease (10 in 增加10万人).' }),
    unit: z.string().meta({ description: 'The unit of the change as printed (万人).' }),
    normalizedValue: z.number().meta({ description: 'The change in the base unit of its figure (100000).' }),
    baseline: Baseline,
    baselineLabel: z.string().optional().meta({ description: 'The baseline as the source words it (比上年同期).' }),
  })
  .strict()
  .meta({ description: 'A change of a figure against a baseline, such as 比上年同期增加10万人.' });
export type MetricChange = z.infer<typeof MetricChange>;

/** The quantity fields of a METRIC entity; the checks that tie them together are in `checkQuantity`. */
export const metricFields = {
  value: z.number().optional().meta({ description: 'The number as printed (279.8 in 279.8万人). Absent for a RANGE.' }),
  lower: z.number().optional().meta({ description: 'The lower bound as printed, for a RANGE (5000 in 5000元—7000元).' }),
  upper: z.number().optional().meta({ description: 'The upper bound as printed, for a RANGE (7000 in 5000元—7000元).' }),
  unit: z.string().meta({ description: `The unit as printed (万人, 亿元, 人次 …). Known units: ${knownUnits.join(' ')}` }),
  baseUnit: BaseUnit,
  normalizedValue: z.number().optional().meta({ description: 'The value in the base unit (2798000 for 279.8万人).' }),
  normalizedLower: z.number().optional().meta({ description: 'The lower bound in the base unit, for a RANGE.' }),
  normalizedUpper: z.number().optional().meta({ description: 'The upper bound in the base unit, for a RANGE.' }),
  comparator: Comparator.default('EXACT'),
  change: MetricChange.optional(),
  period: Period.optional(),
  asOf: isoDate.optional().meta({ description: 'The date the figure is as of (截至11月底 → 2023-11-30).' }),
  cumulative: z.boolean().default(false).meta({ description: 'True when the figure is a running total (累计, 已累计).' }),
  region: idOfKind('REGION').optional().meta({ description: 'The region the figure is scoped to (全区 → region:450000).' }),
  subjects: z
    .array(idOfKind('PROGRAM', 'TARGET_GROUP', 'ORGANIZATION', 'EVENT', 'POLICY'))
    .default([])
    .meta({ description: 'What the figure counts or measures: programs, target groups, organizations, events.' }),
};

type Quantity = {
  value?: number | undefined;
  lower?: number | undefined;
  upper?: number | undefined;
  unit: string;
  baseUnit: BaseUnit;
  normalizedValue?: number | undefined;
  normalizedLower?: number | undefined;
  normalizedUpper?: number | undefined;
  comparator: Comparator;
  change?: MetricChange | undefined;
  period?: Period | undefined;
  asOf?: string | undefined;
};

/** The rules that make a metric a consistent quantity; each problem is reported at its own path. */
export function checkQuantity(m: Quantity, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const scale = unitScale(m.unit, m.baseUnit);
  if (scale === null) {
    issue('unit', `unit "${m.unit}" cannot be normalized to ${m.baseUnit}; known units: ${knownUnits.join(' ')}`);
  }
  const normalized = (printed: string, norm: string, v?: number, n?: number) => {
    if (v === undefined) return issue(printed, `${printed} is required`);
    if (n === undefined) return issue(norm, `${norm} is required`);
    if (scale !== null && !sameNumber(v * scale, n)) {
      issue(norm, `${norm} ${n} does not match ${printed} ${v} × ${scale} (${m.unit} → ${m.baseUnit}) = ${v * scale}`);
    }
  };
  if (m.comparator === 'RANGE') {
    for (const f of ['value', 'normalizedValue'] as const) {
      if (m[f] !== undefined) issue(f, `a RANGE has lower and upper bounds, not a ${f}`);
    }
    normalized('lower', 'normalizedLower', m.lower, m.normalizedLower);
    normalized('upper', 'normalizedUpper', m.upper, m.normalizedUpper);
    if (m.lower !== undefined && m.upper !== undefined && m.lower > m.upper) {
      issue('upper', `lower bound ${m.lower} is greater than upper bound ${m.upper}`);
    }
  } else {
    for (const f of ['lower', 'upper', 'normalizedLower', 'normalizedUpper'] as const) {
      if (m[f] !== undefined) issue(f, `${f} is only for comparator RANGE, not ${m.comparator}`);
    }
    normalized('value', 'normalizedValue', m.value, m.normalizedValue);
  }
  if (m.change) {
    const changeScale = unitScale(m.change.unit, m.baseUnit);
    if (changeScale === null) {
      issue('change', `change unit "${m.change.unit}" cannot be normalized to the figure's base unit ${m.baseUnit}`);
    } else if (!sameNumber(m.change.value * changeScale, m.change.normalizedValue)) {
      issue('change', `change normalizedValue ${m.change.normalizedValue} does not match ${m.change.value} × ${changeScale}`);
    }
  }
  if (!m.period && !m.asOf) {
    issue('period', 'a figure needs the period it covers or the date it is as of (asOf)');
  }
}
