import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';
import { clientFor } from './client.js';

const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

describe('metricAggregate on the fixture', () => {
  let client: ReturnType<typeof clientFor>;
  beforeAll(async () => {
    client = clientFor(await fixtureStore());
  });

  it('answers each group with its key as objects, its figures and its sum', async () => {
    const { data, errors } = await client.query(`{ metricAggregate(filter: { region: "region:450000" }, groupBy: [REGION, PERIOD]) {
      groupBy metricCount groups { totalCount edges { node {
        region { id name } program { id } targetGroup { id } baseUnit period { start end }
        count summedCount sum min max approximate lowerBound upperBound mayDoubleCount
        metrics { edges { node { id } } } excludedFromSum { totalCount } overlaps { totalCount } possibleOverlaps { totalCount } } } } } }`);
    expect(errors).toBeUndefined();
    const aggregate = data.metricAggregate;
    expect(aggregate.groupBy).toEqual(['REGION', 'BASE_UNIT', 'PERIOD']);
    expect(aggregate.metricCount).toBe(3);
    expect(aggregate.groups.totalCount).toBe(3);
    const [persons, funds, grant] = aggregate.groups.edges.map((e: any) => e.node);
    expect(persons).toMatchObject({
      region: { id: 'region:450000', name: '广西壮族自治区' },
      baseUnit: 'PERSON',
      period: { start: '2023-12-29', end: '2023-12-29' },
      count: 1,
      sum: 2798000,
    });
    expect(funds).toMatchObject({ baseUnit: 'YUAN', period: { start: '2023-01-01', end: '2023-12-29' }, sum: 8150000000, lowerBound: false });
    expect(grant).toEqual({
      region: { id: 'region:450100', name: '南宁市' },
      program: null,
      targetGroup: null,
      baseUnit: 'YUAN',
      period: { start: '2023-01-01', end: '2023-11-30' },
      count: 1,
      summedCount: 1,
      sum: 5000,
      min: 5000,
      max: 7000,
      approximate: false,
      lowerBound: true,
      upperBound: false,
      mayDoubleCount: false,
      metrics: { edges: [{ node: { id: 'metric:nanning-grant' } }] },
      excludedFromSum: { totalCount: 0 },
      overlaps: { totalCount: 0 },
      possibleOverlaps: { totalCount: 0 },
    });
  });

  it('leaves a city’s figure out of the region’s sum only when the region figure is the same measure', async () => {
    const { data } = await client.query(`{ metricAggregate(filter: { baseUnit: YUAN }) { groups { edges { node {
      sum count excludedFromSum { totalCount } overlaps { totalCount } } } } } }`);
    // 81.5亿 measures the program 低保; the Nanning grant measures the target group only: both are summed.
    expect(data.metricAggregate.groups.edges.map((e: any) => e.node)).toEqual([
      { sum: 8150005000, count: 2, excludedFromSum: { totalCount: 0 }, overlaps: { totalCount: 0 } },
    ]);
  });

  it('groups by program and target group, a figure in each of its subjects’ groups, and pages the groups', async () => {
    const { data } = await client.query(`{ metricAggregate(groupBy: [TARGET_GROUP, PROGRAM]) { groupBy
      groups(first: 2) { totalCount pageInfo { hasNextPage } edges { node { program { name } targetGroup { name } baseUnit sum } } } } }`);
    expect(data.metricAggregate.groupBy).toEqual(['PROGRAM', 'TARGET_GROUP', 'BASE_UNIT']);
    expect(data.metricAggregate.groups.totalCount).toBe(3);
    expect(data.metricAggregate.groups.pageInfo.hasNextPage).toBe(true);
    expect(data.metricAggregate.groups.edges.map((e: any) => e.node)).toEqual([
      { program: { name: '最低生活保障' }, targetGroup: { name: '低保对象' }, baseUnit: 'PERSON', sum: 2798000 },
      { program: { name: '最低生活保障' }, targetGroup: null, baseUnit: 'YUAN', sum: 8150000000 },
    ]);
  });

  it('refuses a repeated dimension, a wrong kind of id and too large a page, naming the argument', async () => {
    const twice = await client.query(`{ metricAggregate(groupBy: [REGION, REGION]) { metricCount } }`);
    expect(twice.errors?.[0]?.message).toBe('Argument "groupBy" must not name a dimension twice');
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'groupBy' });
    const kind = await client.query(`{ metricAggregate(filter: { program: "region:450000" }) { metricCount } }`);
    expect(kind.errors?.[0]?.message).toMatch(/^Argument "filter" must be the id of PROGRAM/);
    const page = await client.query(`{ metricAggregate { groups(first: 101) { totalCount } } }`);
    expect(page.errors?.[0]?.message).toBe('Argument "first" must be at most 100');
    const unknown = await client.query(`{ metricAggregate(filter: { program: "program:unknown" }) { metricCount groups { totalCount } } }`);
    expect(unknown.data.metricAggregate).toEqual({ metricCount: 0, groups: { totalCount: 0 } });
  });
});

const recipients = 'metric:gx-minimum-living-allowance-recipients-2023';
const poorInDibao = 'metric:gx-poverty-alleviated-in-minimum-living-allowance-2023';
const monitoredInDibao = 'metric:gx-monitoring-subjects-in-minimum-living-allowance-2023';

/** The 低保 group of persons in Guangxi on the article's date: every figure of it, what is left out, what may overlap. */
async function dibaoPersons(store: PolicyStore) {
  const { data, errors } = await clientFor(store).query(`{ metricAggregate(
      filter: { program: "program:minimum-living-allowance", baseUnit: PERSON, region: "region:450000", includeSubRegions: false, asOf: "2023-12-29" },
      groupBy: [PROGRAM]) { groups(first: 5) { edges { node { program { id } sum mayDoubleCount
        metrics(first: 20) { edges { node { id } } } excludedFromSum(first: 20) { edges { node { id } } }
        overlaps(first: 10) { edges { node { reason total { id } parts(first: 20) { edges { node { id } } } } } }
        possibleOverlaps(first: 10) { edges { node { metrics(first: 20) { edges { node { id } } } } } } } } } } }`);
  expect(errors).toBeUndefined();
  const group = data.metricAggregate.groups.edges.map((e: any) => e.node).find((g: any) => g.program.id === 'program:minimum-living-allowance');
  return {
    ...group,
    metrics: ids(group.metrics),
    excludedFromSum: ids(group.excludedFromSum),
    overlaps: group.overlaps.edges.map((e: any) => [e.node.reason, e.node.total.id, ids(e.node.parts)]),
    possibleOverlaps: group.possibleOverlaps.edges.map((e: any) => ids(e.node.metrics)),
  };
}

describe('metricAggregate on the bundled data', () => {
  let bundled: PolicyStore;
  beforeAll(async () => {
    bundled = await loadStore(defaultDataDir);
  });

  it('adds 634万 脱贫人口 once: 134.5万 (in 低保) and 7.1万 (in 特困) are stated PART_OF it', async () => {
    const { data } = await clientFor(bundled).query(`{ metricAggregate(
        filter: { targetGroup: "target-group:poverty-alleviated-population", baseUnit: PERSON, asOf: "2023-12-29" }) {
      groups { edges { node { count sum excludedFromSum { edges { node { printed } } } overlaps { edges { node { reason total { printed } } } } } } } } }`);
    const [group] = data.metricAggregate.groups.edges.map((e: any) => e.node);
    expect(group.sum).toBe(6340000);
    expect(group.excludedFromSum.edges.map((e: any) => e.node.printed)).toEqual(['134.5万人', '7.1万人']);
    expect(group.overlaps.edges.map((e: any) => e.node)).toEqual([{ reason: 'PART_OF', total: { printed: '634万人' } }]);
  });

  it('counts the persons under 低保 once: 279.8万, with 134.5万 and 34.2万 left out as parts of it', async () => {
    // The article: 全区共纳入低保对象279.8万人 (all recipients) … 634万脱贫人口中有134.5万人纳入低保 … 52万防止返贫监测对象中
    // 有34.2万人纳入低保救助: both are recipients too, which the data states as (implied) PART_OF relations.
    const group = await dibaoPersons(bundled);
    expect(group.metrics).toEqual(expect.arrayContaining([recipients, poorInDibao, monitoredInDibao]));
    expect(group.sum).toBe(2798000);
    expect(group.mayDoubleCount).toBe(false);
    expect(group.excludedFromSum).toEqual(expect.arrayContaining([poorInDibao, monitoredInDibao]));
    expect(group.excludedFromSum).not.toContain(recipients);
    expect(group.overlaps).toContainEqual(['PART_OF', recipients, [poorInDibao, monitoredInDibao]]);
  });
});
