/** Questions a reader of the article asks, answered from the graph alone through the public API. */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { clientFor } from '../api/client.js';

let client: ReturnType<typeof clientFor>;
beforeAll(async () => {
  client = clientFor(await loadStore(defaultDataDir));
});

describe('questions about the 2023 Guangxi data', () => {
  it('how many people received 低保 in 2023, and how much was paid out', async () => {
    const { data, errors } = await client.query(`{
      lookup(name: "低保") { ... on Program { id
        people: metrics(first: 50) { edges { node { printed normalizedValue baseUnit region { id } partOf { id } cumulative asOf period { start end } change { normalizedValue baseline } } } } } } }`);
    expect(errors).toBeUndefined();
    const figures = data.lookup[0].people.edges.map((e: any) => e.node);
    const recipients = figures.filter((m: any) => m.baseUnit === 'PERSON' && !m.partOf && m.region.id === 'region:450000');
    expect(recipients).toEqual([expect.objectContaining({ printed: '279.8万人', normalizedValue: 2_798_000, asOf: '2023-12-29', change: { normalizedValue: 100_000, baseline: 'PREVIOUS_YEAR_SAME_PERIOD' } })]);
    const paid = figures.filter((m: any) => m.baseUnit === 'YUAN');
    expect(paid).toEqual([expect.objectContaining({ printed: '81.5亿元', normalizedValue: 8_150_000_000, cumulative: true, period: { start: '2023-01-01', end: '2023-12-29' } })]);
  });

  it('which documents 自治区民政厅 issued jointly, and with how many other departments', async () => {
    const { data } = await client.query(`{ node(id: "agency:gx-civil-affairs") { ... on Agency {
      policiesIssued(first: 100) { edges { relation { role } node { name issuerCount unnamedCoIssuerCount issuedBy { edges { node { name } relation { role } } } } } } } } }`);
    const joint = data.node.policiesIssued.edges
      .filter((e: any) => e.node.issuerCount > 1)
      .map((e: any) => [e.node.name, e.relation.role, e.node.issuerCount - 1, e.node.issuedBy.edges.filter((i: any) => i.relation.role === 'JOINT').map((i: any) => i.node.name)]);
    expect(joint).toEqual(
      expect.arrayContaining([
        ['广西社会救助信息共享和数据利用管理办法', 'LEAD', 10, []],
        ['关于加强广西儿童福利标准化工作的实施意见', 'LEAD', 1, ['广西壮族自治区市场监督管理局']],
        ['关于开展事实无人抚养儿童保障情况专项排查工作的通知', 'LEAD', 9, ['广西壮族自治区教育厅']],
      ]),
    );
    expect(joint).toHaveLength(3);
  });

  it('where the 福彩公益金 went, and how much', async () => {
    const { data } = await client.query(`{ lookup(name: "福彩公益金") { ... on Program {
      funds(first: 50) { edges { node { name kind } relation { amount { printed normalizedValue } note } } } } } }`);
    const flows = data.lookup[0].funds.edges;
    expect(flows.map((e: any) => e.node.name)).toContain('贵港市第一老年养护院');
    expect(flows.every((e: any) => e.relation.amount?.printed === '0.95亿元')).toBe(true);
  });
});
