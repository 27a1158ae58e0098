import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { fixtureStore } from '../fixtures.js';
import { clientFor } from './client.js';

let client: ReturnType<typeof clientFor>;
beforeAll(async () => {
  client = clientFor(await fixtureStore());
});

const page = `totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor score matchedField snippet node { id kind name } }`;
const search = (args: string) => client.query(`{ search(${args}) { ${page} } }`);
const ids = (result: { data?: any }) => result.data.search.edges.map((e: any) => e.node.id);

describe('search', () => {
  it('answers a ranked connection with score, matched field and snippet', async () => {
    const result = await search('text: "低保"');
    expect(result.errors).toBeUndefined();
    const { totalCount, edges } = result.data.search;
    expect(totalCount).toBe(edges.length);
    expect(edges[0]).toMatchObject({ matchedField: 'ALIAS', snippet: '«低保»', node: { id: 'program:dibao', kind: 'PROGRAM', name: '最低生活保障' } });
    const scores = edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const edge of edges.slice(1)) expect(edge.snippet).toContain('«低保»');
  });

  it('finds 民政厅 inside the agency’s full name, and trims the text', async () => {
    const result = await search('text: "  民政厅 "');
    expect(result.data.search.edges).toEqual([
      expect.objectContaining({ matchedField: 'NAME', snippet: '广西壮族自治区«民政厅»', node: expect.objectContaining({ id: 'agency:civil-affairs' }) }),
    ]);
  });

  it('filters by kind', async () => {
    expect(ids(await search('text: "低保", kinds: [METRIC, POLICY]')).sort()).toEqual(['metric:funds', 'metric:recipients', 'policy:notice']);
    expect((await search('text: "低保", kinds: [REGION]')).data.search).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('pages through the results with cursors', async () => {
    const all = ids(await search('text: "低保", first: 100'));
    const one = await search('text: "低保", first: 2');
    expect(one.data.search.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = await client.query(`query($after: String) { search(text: "低保", first: 100, after: $after) { ${page} } }`, {
      after: one.data.search.pageInfo.endCursor,
    });
    expect(two.data.search.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect([...ids(one), ...ids(two)]).toEqual(all);
    expect(all.length).toBeGreaterThan(2);
  });

  it('refuses an empty, blank or too long text and a bad page size, naming the argument', async () => {
    for (const text of ['', '   ', 'x'.repeat(101)]) {
      const { errors } = await client.query(`query($text: String!) { search(text: $text) { totalCount } }`, { text });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    }
    const long = await client.query(`query($text: String!) { search(text: $text) { totalCount } }`, { text: 'x'.repeat(101) });
    expect(long.errors?.[0]?.message).toBe('Argument "text" must be at most 100 characters');
    const big = await search('text: "低保", first: 101');
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    // Punctuation alone is a valid text that matches nothing.
    expect((await search('text: "!!!"')).data.search.totalCount).toBe(0);
  });

  it('answers on the bundled data: 低保, 最低生活保障, 民政厅, 养老 and English', async () => {
    const bundled = clientFor(await loadStore(defaultDataDir));
    const firstOf = async (text: string) =>
      (await bundled.query(`query($text: String!) { search(text: $text, first: 5) { edges { matchedField snippet node { id } } } }`, { text })).data
        .search.edges[0];
    expect(await firstOf('低保')).toEqual({ matchedField: 'ALIAS', snippet: '«低保»', node: { id: 'program:minimum-living-allowance' } });
    expect((await firstOf('最低生活保障')).node.id).toBe('program:minimum-living-allowance');
    expect(await firstOf('民政厅')).toEqual({ matchedField: 'NAME', snippet: '广西壮族自治区«民政厅»', node: { id: 'agency:gx-civil-affairs' } });
    expect((await firstOf('养老')).snippet).toContain('«养老»');
    expect((await firstOf('Department of CIVIL Affairs of Guǎngxī')).node.id).toBe('agency:gx-civil-affairs');
  });
});
