import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateMetrics, type MetricGroup } from '../../src/store/metric-aggregate.js';
import type { PolicyStore } from '../../src/store/store.js';
import { type FixtureFiles, fixtureStore } from '../fixtures.js';

const cite = (span: string) => [{ span }];

/** A figure of the variant: persons under 低保 as of 2023-12-29 in Guangxi unless told otherwise. */
function figure(id: string, value: number, unit: '万人' | '人' | '亿元' | '万元' | '%', more: Record<string, unknown> = {}) {
  const [baseUnit, scale] = { 万人: ['PERSON', 1e4], 人: ['PERSON', 1], 亿元: ['YUAN', 1e8], 万元: ['YUAN', 1e4], '%': ['PERCENT', 1] }[unit] as [
    string,
    number,
  ];
  return {
    id: `metric:${id}`,
    kind: 'METRIC',
    name: id,
    nameEn: id,
    value,
    unit,
    baseUnit,
    normalizedValue: Math.round(value * scale),
    asOf: '2023-12-29',
    region: 'region:450000',
    subjects: ['program:dibao'],
    citations: cite(id),
    ...more,
  };
}

/**
 * The fixture with a region total and its cities' figures (Nanning with a district, Liuzhou), a chain of parts
 * (134.5万 of the 279.8万, 10万 of the 134.5万), an older city figure, approximate, more-than and percent figures.
 */
function withCities(files: FixtureFiles) {
  const places = files['places.yaml']!;
  places.entities!.push(
    { id: 'region:450200', kind: 'REGION', name: '柳州市', nameEn: 'Liuzhou', level: 'PREFECTURE', citations: cite('柳州市') },
    { id: 'region:450102', kind: 'REGION', name: '兴宁区', nameEn: 'Xingning', level: 'COUNTY', citations: cite('兴宁区') },
  );
  const recipients = { subjects: ['program:dibao', 'target-group:dibao-recipients'] };
  const poor = { subjects: ['program:dibao', 'target-group:poor'] };
  places.relations!.push(
    { type: 'PART_OF', from: 'region:450200', to: 'region:450000', citations: cite('柳州市') },
    { type: 'PART_OF', from: 'region:450102', to: 'region:450100', citations: cite('兴宁区') },
  );
  const topic = files['topic/assistance.yaml']!;
  topic.entities!.push(
    { id: 'target-group:poor', kind: 'TARGET_GROUP', name: '脱贫人口', nameEn: 'People lifted out of poverty', citations: cite('脱贫人口') },
    { id: 'target-group:monitored', kind: 'TARGET_GROUP', name: '防止返贫监测对象', nameEn: 'Monitored people', citations: cite('监测对象') },
    figure('nanning-recipients', 30, '万人', { region: 'region:450100', ...recipients }),
    figure('xingning-recipients', 5, '万人', { region: 'region:450102', ...recipients }),
    figure('liuzhou-recipients', 20, '万人', { region: 'region:450200', comparator: 'APPROXIMATE', ...recipients }),
    figure('nanning-recipients-2022', 28, '万人', { region: 'region:450100', asOf: '2022-12-31', ...recipients }),
    figure('poor-in-dibao', 134.5, '万人', poor),
    figure('elderly-poor-in-dibao', 10, '万人', poor),
    figure('nanning-poor-in-dibao', 12, '万人', { region: 'region:450100', ...poor }),
    figure('lottery-dibao-funds', 1, '亿元', {
      asOf: undefined,
      period: { start: '2023-01-01', end: '2023-12-29' },
      subjects: ['program:dibao', 'program:lottery-fund'],
    }),
    figure('liuzhou-funds', 1.2, '亿元', { region: 'region:450200', comparator: 'MORE_THAN' }),
    figure('liuzhou-temporary-funds', 3000, '万元', { region: 'region:450200', comparator: 'APPROXIMATE', subjects: ['program:lottery-fund'] }),
    figure('coverage', 100, '%'),
    figure('coverage-nanning', 98, '%', { region: 'region:450100' }),
  );
  topic.relations!.push(
    { type: 'PART_OF', from: 'metric:poor-in-dibao', to: 'metric:recipients', citations: cite('其中') },
    { type: 'PART_OF', from: 'metric:elderly-poor-in-dibao', to: 'metric:poor-in-dibao', citations: cite('其中') },
    { type: 'PART_OF', from: 'metric:nanning-poor-in-dibao', to: 'metric:nanning-recipients', citations: cite('其中') },
  );
}

let store: PolicyStore;
beforeAll(async () => {
  store = await fixtureStore(withCities);
});

const ids = (metrics: { id: string }[]) => metrics.map((m) => m.id.replace('metric:', ''));
const only = (groups: MetricGroup[]) => {
  expect(groups).toHaveLength(1);
  return groups[0]!;
};

describe('aggregating figures', () => {
  it('sums persons under 低保 once: a region total hides its cities’ figures, a figure hides its parts', () => {
    const group = only(aggregateMetrics(store, { program: 'program:dibao', baseUnit: 'PERSON', asOf: '2023-12-29' }, []).groups);
    const all = [
      'recipients',
      'nanning-recipients',
      'xingning-recipients',
      'liuzhou-recipients',
      'poor-in-dibao',
      'elderly-poor-in-dibao',
      'nanning-poor-in-dibao',
    ];
    expect(ids(group.metrics)).toEqual(all);
    expect(ids(group.excludedFromSum)).toEqual(all.slice(1));
    expect(group.sum).toBe(2798000);
    expect([group.min, group.max]).toEqual([50000, 2798000]);
    // The approximate Liuzhou figure is left out of the sum, so the sum is not approximate.
    expect([group.approximate, group.lowerBound, group.upperBound, group.possibleOverlaps]).toEqual([false, false, false, []]);
    expect(group.overlaps.map((o) => [o.reason, o.total.id, ids(o.parts)])).toEqual([
      ['PART_OF', 'metric:recipients', ['poor-in-dibao', 'elderly-poor-in-dibao']],
      ['SUB_REGION', 'metric:recipients', ['nanning-recipients', 'xingning-recipients', 'liuzhou-recipients']],
      // A part that only a left-out figure includes is reported against that figure.
      ['PART_OF', 'metric:nanning-recipients', ['nanning-poor-in-dibao']],
    ]);
  });

  it('adds a city figure of another date: a 2023 total does not include a 2022 count', () => {
    const group = only(aggregateMetrics(store, { program: 'program:dibao', baseUnit: 'PERSON' }, []).groups);
    expect(ids(group.excludedFromSum)).not.toContain('nanning-recipients-2022');
    expect(group.sum).toBe(2798000 + 280000);
    const byPeriod = aggregateMetrics(store, { program: 'program:dibao', baseUnit: 'PERSON' }, ['PERIOD']).groups;
    expect(byPeriod.map((g) => [g.key.period, g.sum])).toEqual([
      [{ start: '2023-12-29', end: '2023-12-29' }, 2798000],
      [{ start: '2022-12-31', end: '2022-12-31' }, 280000],
    ]);
  });

  it('groups by region exactly, so each city sums on its own, flagged approximate where a member is', () => {
    const groups = aggregateMetrics(store, { program: 'program:dibao', baseUnit: 'PERSON', asOf: '2023-12-29' }, ['REGION']).groups;
    expect(groups.map((g) => [g.key.region, g.metrics.length, g.sum, g.approximate])).toEqual([
      ['region:450000', 3, 2798000, false],
      ['region:450100', 2, 300000, false],
      ['region:450102', 1, 50000, false],
      ['region:450200', 1, 200000, true],
    ]);
  });

  it('does not let a region figure of another measure hide a city’s figure, but flags the two', async () => {
    const november = await fixtureStore((files) => {
      withCities(files);
      const recipients = { subjects: ['program:dibao', 'target-group:dibao-recipients'], asOf: '2023-11-30' };
      files['topic/assistance.yaml']!.entities!.push(
        figure('poor-in-dibao-november', 130, '万人', { subjects: ['program:dibao', 'target-group:poor'], asOf: '2023-11-30' }),
        figure('nanning-recipients-november', 29, '万人', { region: 'region:450100', ...recipients }),
        figure('xingning-recipients-november', 4, '万人', { region: 'region:450102', ...recipients }),
      );
    });
    const group = only(aggregateMetrics(november, { program: 'program:dibao', baseUnit: 'PERSON', asOf: '2023-11-30' }, []).groups);
    expect(ids(group.excludedFromSum)).toEqual(['xingning-recipients-november']);
    expect(group.sum).toBe(1300000 + 290000);
    expect(group.overlaps.map((o) => [o.reason, o.total.id, ids(o.parts)])).toEqual([
      ['SUB_REGION', 'metric:nanning-recipients-november', ['xingning-recipients-november']],
    ]);
    expect(group.possibleOverlaps.map((o) => [o.subjects.map((s) => s.id), ids(o.metrics)])).toEqual([
      [['program:dibao'], ['poor-in-dibao-november', 'nanning-recipients-november']],
    ]);
  });

  it('never adds different base units: BASE_UNIT is always a grouping', () => {
    const result = aggregateMetrics(store, { region: 'region:450000' }, []);
    expect(result.groupBy).toEqual(['BASE_UNIT']);
    expect(result.groups.map((g) => g.key.baseUnit)).toEqual(['PERSON', 'YUAN', 'PERCENT']);
    for (const group of result.groups) expect(new Set(group.metrics.map((m) => m.baseUnit))).toEqual(new Set([group.key.baseUnit]));
    expect(result.groups.reduce((n, g) => n + g.metrics.length, 0)).toBe(result.metricCount);
    // Percentages are not added up; their range still is reported.
    const percent = result.groups[2]!;
    expect([percent.sum, percent.min, percent.max]).toEqual([null, 98, 100]);
  });

  it('adds a RANGE by its lower bound, takes its upper bound as max, and marks the sum a lower bound', () => {
    const groups = aggregateMetrics(store, { baseUnit: 'YUAN' }, ['REGION']).groups;
    const nanning = groups.find((g) => g.key.region === 'region:450100')!;
    expect([nanning.sum, nanning.min, nanning.max, nanning.lowerBound, nanning.approximate]).toEqual([5000, 5000, 7000, true, false]);
    const liuzhou = groups.find((g) => g.key.region === 'region:450200')!;
    expect([liuzhou.sum, liuzhou.lowerBound, liuzhou.approximate]).toEqual([150000000, true, true]);
  });

  it('puts a figure with two programs in both programs’ groups, and figures without one in a group of their own', () => {
    const result = aggregateMetrics(store, { baseUnit: 'YUAN' }, ['PROGRAM']);
    expect(result.groupBy).toEqual(['PROGRAM', 'BASE_UNIT']);
    expect(result.groups.map((g) => [g.key.program, ids(g.metrics)])).toEqual([
      ['program:dibao', ['funds', 'lottery-dibao-funds', 'liuzhou-funds']],
      [null, ['nanning-grant']],
      ['program:lottery-fund', ['lottery-dibao-funds', 'liuzhou-temporary-funds']],
    ]);
    expect(result.metricCount).toBe(5);
  });

  it('sums the YUAN figures of Guangxi once: the cities’ amounts are within the region’s', () => {
    const group = only(aggregateMetrics(store, { baseUnit: 'YUAN', program: 'program:dibao' }, []).groups);
    expect(ids(group.excludedFromSum)).toEqual(['liuzhou-funds']);
    expect(group.sum).toBe(8150000000 + 100000000);
    expect(group.lowerBound).toBe(false);
    // The lottery money for 低保 and the 低保 funds measure one program, place and year with no PART_OF: flagged.
    expect(group.possibleOverlaps.map((o) => [o.subjects.map((s) => s.id), ids(o.metrics)])).toEqual([
      [['program:dibao'], ['funds', 'lottery-dibao-funds']],
    ]);
  });

  it('flags figures that measure one subject, place and day with no PART_OF between them', async () => {
    const gap = await fixtureStore((files) => {
      withCities(files);
      files['topic/assistance.yaml']!.entities!.push(
        figure('monitored-in-dibao', 34.2, '万人', { subjects: ['program:dibao', 'target-group:monitored'] }),
      );
    });
    const group = only(aggregateMetrics(gap, { program: 'program:dibao', baseUnit: 'PERSON', asOf: '2023-12-29' }, []).groups);
    expect(group.sum).toBe(2798000 + 342000);
    expect(group.possibleOverlaps.map((o) => [o.subjects.map((s) => s.id), ids(o.metrics)])).toEqual([
      [['program:dibao'], ['recipients', 'monitored-in-dibao']],
    ]);
  });

  it('answers an empty filter match with no groups', () => {
    expect(aggregateMetrics(store, { program: 'program:unknown' }, ['REGION'])).toEqual({
      groupBy: ['REGION', 'BASE_UNIT'],
      metricCount: 0,
      groups: [],
    });
  });
});
