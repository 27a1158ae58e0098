import { beforeAll, describe, expect, it } from 'vitest';
import { loadStore } from '../../src/store/load.js';
import { defaultDataDir } from '../../src/server/config.js';
import { exampleQueries } from '../../src/server/example-queries.js';
import { clientFor } from './client.js';

let client: ReturnType<typeof clientFor>;
beforeAll(async () => {
  client = clientFor(await loadStore(defaultDataDir));
});

describe('the bundled data set', () => {
  it('answers the quick-start lookup of 低保 with real figures', async () => {
    const { data, errors } = await client.query(
      `{ lookup(name: "低保") { id name nameEn ... on Program { metrics(first: 5) { edges { node { value unit normalizedValue } } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.lookup).toHaveLength(1);
    expect(data.lookup[0]).toMatchObject({ id: 'program:minimum-living-allowance', name: '最低生活保障' });
    expect(data.lookup[0].metrics.edges.map((e: any) => e.node)).toContainEqual({ value: 279.8, unit: '万人', normalizedValue: 2798000 });
    expect(data.lookup[0].metrics.edges.map((e: any) => e.node)).toContainEqual({ value: 81.5, unit: '亿元', normalizedValue: 8150000000 });
  });

  it('runs every GraphiQL example query without errors and with data', async () => {
    for (const { title, query } of exampleQueries) {
      const { data, errors } = await client.query(query);
      expect(errors, title).toBeUndefined();
      expect(JSON.stringify(data).length, title).toBeGreaterThan(200);
    }
  });

  it('holds every kind of entity', async () => {
    const { data } = await client.query(`{ stats { byKind { kind count } } }`);
    for (const { kind, count } of data.stats.byKind) expect(count, kind).toBeGreaterThan(0);
  });
});
