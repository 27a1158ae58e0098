import { describe, expect, it } from 'vitest';
import { Entity } from '../../src/model/entity.js';

const base = {
  id: 'metric:m',
  kind: 'METRIC',
  name: '低保对象',
  nameEn: 'Recipients',
  unit: '万人',
  baseUnit: 'PERSON',
  value: 279.8,
  normalizedValue: 2798000,
  asOf: '2023-12-29',
  citations: [{ span: '279.8万人' }],
};

/** The problems of a metric changed from the valid base, as "path: message". */
function problems(change: Record<string, unknown>): string[] {
  const parsed = Entity.safeParse({ ...base, ...change });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('metric quantities', () => {
  it('accepts a consistent figure and fills defaults', () => {
    const parsed = Entity.parse(base);
    expect(parsed).toMatchObject({ comparator: 'EXACT', cumulative: false, subjects: [], aliases: [] });
  });

  it('normalizes within floating-point noise (81.5亿元 = 8150000000 yuan)', () => {
    expect(problems({ value: 81.5, unit: '亿元', baseUnit: 'YUAN', normalizedValue: 8150000000 })).toEqual([]);
    expect(problems({ value: 2.95, unit: '万人次', baseUnit: 'PERSON_TIME', normalizedValue: 29500 })).toEqual([]);
  });

  it('refuses a normalized value that is not value × scale', () => {
    expect(problems({ normalizedValue: 279800 })).toEqual([
      'normalizedValue: normalizedValue 279800 does not match value 279.8 × 10000 (万人 → PERSON) = 2798000',
    ]);
  });

  it('refuses an unknown unit and a unit that cannot become the base unit', () => {
    expect(problems({ unit: '万只' })[0]).toMatch(/^unit: unit "万只" cannot be normalized to PERSON; known units: 人 万人/);
    expect(problems({ unit: '亿元' })[0]).toMatch(/^unit: unit "亿元" cannot be normalized to PERSON/);
  });

  it('requires value and normalizedValue unless RANGE', () => {
    expect(problems({ value: undefined })).toEqual(['value: value is required']);
    expect(problems({ normalizedValue: undefined })).toEqual(['normalizedValue: normalizedValue is required']);
    expect(problems({ lower: 1 })).toEqual(['lower: lower is only for comparator RANGE, not EXACT']);
  });

  it('requires ordered bounds and no single value for a RANGE', () => {
    const range = { comparator: 'RANGE', value: undefined, normalizedValue: undefined, unit: '元', baseUnit: 'YUAN' };
    expect(problems({ ...range, lower: 5000, upper: 7000, normalizedLower: 5000, normalizedUpper: 7000 })).toEqual([]);
    expect(problems({ ...range, lower: 7000, upper: 5000, normalizedLower: 7000, normalizedUpper: 5000 })).toEqual([
      'upper: lower bound 7000 is greater than upper bound 5000',
    ]);
    expect(problems({ ...range, value: 6000, lower: 5000, upper: 7000, normalizedLower: 5000, normalizedUpper: 7000 })).toEqual([
      'value: a RANGE has lower and upper bounds, not a value',
    ]);
    expect(problems({ ...range, lower: 5000, normalizedLower: 5000 })).toEqual(['upper: upper is required']);
  });

  it('checks a change against the figure’s base unit', () => {
    const change = { value: 10, unit: '万人', normalizedValue: 100000, baseline: 'PREVIOUS_YEAR_SAME_PERIOD' };
    expect(problems({ change })).toEqual([]);
    expect(problems({ change: { ...change, normalizedValue: 10 } })).toEqual(['change: change normalizedValue 10 does not match 10 × 10000']);
    expect(problems({ change: { ...change, unit: '元' } })[0]).toContain("cannot be normalized to the figure's base unit PERSON");
  });

  it('requires a period or an as-of date, and an ordered period', () => {
    expect(problems({ asOf: undefined })).toEqual(['period: a figure needs the period it covers or the date it is as of (asOf)']);
    expect(problems({ asOf: undefined, period: { start: '2023-12-01', end: '2023-01-01' } })).toEqual([
      'period.end: period start must not be after its end',
    ]);
    expect(problems({ asOf: '2023-13-01' })).toEqual(['asOf: must be a date written YYYY-MM-DD']);
  });

  it('refuses a comparator that is not one of the closed set', () => {
    expect(problems({ comparator: 'ABOUT' })[0]).toMatch(/^comparator: Invalid option/);
  });
});
