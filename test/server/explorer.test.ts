/**
 * The explorer at /explore, without a browser: the page and its bundle are served with the right types and
 * cache headers, a bundle that fails to build answers a 500 page for /explore only, and every GraphQL operation
 * the explorer sends runs on the bundled data within the server's limits. test/e2e/explorer.test.ts drives it in
 * a real browser.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createYoga } from 'graphql-yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/api/index.js';
import * as queries from '../../src/explorer/queries.js';
import { defaultDataDir } from '../../src/server/config.js';
import { explorerAssetsPath, useExplorer } from '../../src/server/explorer.js';
import { createPolicyYoga, type PolicyYoga } from '../../src/server/yoga.js';
import { loadStore } from '../../src/store/load.js';

let yoga: PolicyYoga;
beforeAll(async () => {
  const store = await loadStore(defaultDataDir);
  yoga = createPolicyYoga({ getStore: () => store });
});

const get = (path: string, init: RequestInit = {}) => yoga.fetch(new URL(path, 'http://yoga'), init);

describe('GET /explore', () => {
  it('answers the page, whose script and styles are served with their types and cached for good', async () => {
    const page = await get('/explore');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');

    const script = html.match(/<script type="module" src="([^"]+)"><\/script>/)?.[1];
    const style = html.match(/<link rel="stylesheet" href="([^"]+)">/)?.[1];
    expect(script).toMatch(new RegExp(`^${explorerAssetsPath}explorer-[A-Z0-9]+\\.js$`));
    expect(style).toMatch(new RegExp(`^${explorerAssetsPath}explorer-[A-Z0-9]+\\.css$`));

    const js = await get(script!);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const code = await js.text();
    expect(code.length).toBeGreaterThan(100_000);
    expect(code).toContain('/graphql'); // it talks to the public API
    expect(code).not.toMatch(/^\s*import\s/m); // bundled: no bare imports left for the browser to resolve

    // Gzipped for clients that accept it (browsers do): the same bytes, a third the size.
    const zipped = await get(script!, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('accept-encoding');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(code.length / 2);
    expect(gunzipSync(bytes).toString('utf8')).toBe(code);

    const css = await get(style!);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  }, 30_000);

  it('answers 404 for unknown assets, 405 for other methods, and redirects /explore/ to /explore', async () => {
    expect((await get(`${explorerAssetsPath}explorer-NOPE.js`)).status).toBe(404);
    expect((await get('/explore/elsewhere')).status).toBe(404);
    expect((await get('/explore', { method: 'POST' })).status).toBe(405);
    const slash = await get('/explore/?id=region:450000', { redirect: 'manual' });
    expect(slash.status).toBe(308);
    expect(slash.headers.get('location')).toBe('/explore?id=region:450000');
  }, 30_000);

  it('answers a 500 page for /explore only when the bundle fails to build, and tries again at the next request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'explorer-broken-'));
    const entryPoint = join(dir, 'main.tsx');
    await writeFile(entryPoint, 'import { nothing } from "./missing.js";\nexport const broken = <div>{nothing}</div>;\n');
    const logged: string[] = [];
    const log = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    const broken = createYoga({
      schema,
      logging: { debug: () => {}, info: () => {}, warn: log, error: log },
      plugins: [useExplorer({ entryPoint })],
    });

    for (let attempt = 0; attempt < 2; attempt++) {
      const page = await broken.fetch('http://yoga/explore');
      expect(page.status).toBe(500);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await page.text();
      expect(html).toContain('The explorer could not be built');
      expect(html).not.toContain(dir); // details go to the log, not to the visitor
    }
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/explorer bundle failed to build: .*missing\.js/s);

    // The rest of the server is unaffected.
    const answer = await broken.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  }, 30_000);
});

describe('the explorer’s GraphQL operations', () => {
  const run = async (query: string, variables: Record<string, unknown>) => {
    const response = await get('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(response.status).toBe(200);
    return body.data;
  };

  it('run on the bundled data within the server’s limits, with the explorer’s largest variables', async () => {
    const dibao = 'program:minimum-living-allowance';
    expect((await run(queries.suggestQuery, { text: '低保' })).search.edges[0].node.id).toBe(dibao);
    // Every kind of entity, including the busiest (region:450000, 100+ relations) and a figure with parts.
    for (const id of [dibao, 'agency:gx-civil-affairs', 'region:450000', 'metric:gx-minimum-living-allowance-recipients-2023', 'source:gx-2023-civil-affairs-review']) {
      expect((await run(queries.entityQuery, { id })).node.id).toBe(id);
    }
    const figures = await run(queries.figuresQuery, { filter: { region: 'region:450000', includeSubRegions: true } });
    expect(figures.metrics.totalCount).toBeGreaterThan(queries.figuresPage);
    expect((await run(queries.figuresQuery, { filter: { subject: dibao } })).metrics.edges.map((e: any) => e.node.printed)).toContain('279.8万人');
    for (const groupBy of ['REGION', 'PERIOD']) {
      await run(queries.aggregateQuery, { filter: { region: 'region:450000', includeSubRegions: true }, groupBy: [groupBy] });
    }
    for (const depth of [1, 2] as const) {
      await run(queries.neighborhoodQuery, { id: 'region:450000', depth, limit: queries.neighborhoodLimit[depth] });
    }
    const { paths } = await run(queries.pathsQuery, { from: 'policy:gx-social-assistance-data-sharing-measures', to: dibao });
    expect(paths[0].length).toBe(2);
    expect((await run(queries.namesQuery, { ids: [dibao, 'region:450000'] })).nodes).toHaveLength(2);
  }, 30_000);
});
