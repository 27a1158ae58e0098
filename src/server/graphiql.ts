import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type GraphiQLOptions, type Plugin, renderGraphiQL } from 'graphql-yoga';

/** Where GraphiQL's scripts, styles and editor workers are served from: this server, never a CDN. */
export const graphiqlAssetsPath = '/graphiql/assets/';

const distDir = dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql'));
const assets: Record<string, string> = {
  'graphiql.css': 'text/css; charset=utf-8',
  'yoga-graphiql.umd.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/editor.worker.bundle.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/json.worker.bundle.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/graphql.worker..bundle.js': 'text/javascript; charset=utf-8',
};

/** A tiny inline favicon: a graph of three nodes. */
const favicon =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M4 12L8 4L12 12Z' stroke='%23c0392b' fill='none'/%3E%3Ccircle cx='8' cy='4' r='2.5' fill='%23c0392b'/%3E%3Ccircle cx='4' cy='12' r='2.5' fill='%232c7fb8'/%3E%3Ccircle cx='12' cy='12' r='2.5' fill='%2327ae60'/%3E%3C/svg%3E";

/**
 * Runs in the page, between the bundle and its render call. Yoga's GraphiQL wrapper always hands GraphiQL an
 * initial query (the `?query=` of the address, else its "Welcome to GraphiQL" comment), and GraphiQL puts
 * that into the active tab, so the first of `defaultTabs` opened showing the welcome comment instead of its
 * own query. With no `?query=`, the first tab's query is passed as the initial one instead; shared links
 * with `?query=` behave as before.
 */
const firstTabAsInitialQuery =
  '<script>{const render=YogaGraphiQL.renderYogaGraphiQL;' +
  "YogaGraphiQL.renderYogaGraphiQL=(root,opts)=>render(root,{...opts,query:new URLSearchParams(location.search).get('query')||opts.query||opts.defaultTabs?.[0]?.query||undefined})}</script>";

/**
 * Yoga's GraphiQL page with every CDN address replaced by this server's own copy of the same
 * @graphql-yoga/graphiql bundle, so GraphiQL works offline and on intranets.
 */
export function renderOfflineGraphiQL(options: GraphiQLOptions): string {
  return renderGraphiQL(options)
    .replaceAll('__TITLE__', options.title ?? 'GraphiQL')
    .replace(/https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist\//g, graphiqlAssetsPath)
    .replace(/<link rel=icon href=[^>]+>/, `<link rel=icon href="${favicon}">`)
    .replace(/ crossorigin /g, ' ')
    .replace(/(<script src=[^>]*yoga-graphiql\.umd\.js><\/script>)/, `$1${firstTabAsInitialQuery}`);
}

/** Serves GraphiQL's assets from node_modules, read once and kept in memory, cacheable by browsers. */
export function useGraphiQLAssets(): Plugin {
  const cache = new Map<string, Promise<Buffer>>();
  return {
    onRequest({ url, fetchAPI, endResponse }) {
      if (!url.pathname.startsWith(graphiqlAssetsPath)) return;
      const name = url.pathname.slice(graphiqlAssetsPath.length);
      const type = assets[name];
      if (!type) {
        endResponse(new fetchAPI.Response('not found', { status: 404 }));
        return;
      }
      if (!cache.has(name)) cache.set(name, readFile(join(distDir, name)));
      return cache.get(name)!.then((body) =>
        endResponse(
          new fetchAPI.Response(new Uint8Array(body), {
            status: 200,
            headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' },
          }),
        ),
      );
    },
  };
}
