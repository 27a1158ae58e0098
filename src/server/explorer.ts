/**
 * The explorer at /explore: a React app over the public GraphQL API (src/explorer/), bundled by esbuild in memory
 * at the first request, minified, and kept for the life of the server. Nothing is written to disk, so `npm start`
 * serves it with no build step. Asset names carry a content hash, so browsers may cache them for a year; the
 * page itself is revalidated. A bundle that fails to build is logged and answered with a 500 page for /explore
 * only: the rest of the server is unaffected, and the next request tries again.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin, YogaLogger } from 'graphql-yoga';

export const explorerPath = '/explore';
export const explorerAssetsPath = '/explore/assets/';

const root = fileURLToPath(new URL('../..', import.meta.url));
const defaultEntryPoint = fileURLToPath(new URL('../explorer/main.tsx', import.meta.url));

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

type Asset = { type: string; body: Uint8Array<ArrayBuffer>; gzipped: Uint8Array<ArrayBuffer> };

export type ExplorerBundle = {
  /** Asset file name (explorer-HASH.js) → its content type and bytes, plain and gzipped (a third the size). */
  assets: Map<string, Asset>;
  script: string;
  style: string | null;
  buildMs: number;
};

/** Bundles the explorer with esbuild's JS API, in memory. Rejects with esbuild's messages when it cannot. */
export async function buildExplorer(entryPoint = defaultEntryPoint): Promise<ExplorerBundle> {
  const started = performance.now();
  // Loaded on first use: a server that never serves /explore never loads esbuild.
  const { build } = await import('esbuild');
  const outdir = `${root}explorer-bundle`; // never written (write: false); output paths are relative to it
  const result = await build({
    absWorkingDir: root,
    entryPoints: { explorer: entryPoint },
    outdir,
    entryNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['chrome111', 'firefox111', 'safari16.4', 'edge111'],
    jsx: 'automatic',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const name = file.path.slice(outdir.length + 1);
    const type = contentTypes[name.split('.').pop() ?? ''];
    if (type) assets.set(name, { type, body: new Uint8Array(file.contents), gzipped: new Uint8Array(gzipSync(file.contents, { level: 9 })) });
  }
  const names = [...assets.keys()];
  const script = names.find((n) => n.endsWith('.js'));
  if (!script) throw new Error('esbuild produced no script');
  return { assets, script, style: names.find((n) => n.endsWith('.css')) ?? null, buildMs: Math.round(performance.now() - started) };
}

/** The page: an empty root the bundle renders into; no inline script or style, so a strict CSP holds. */
function shell({ script, style }: ExplorerBundle): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政策关系图谱 · Policy graph explorer</title>
<meta name="description" content="Search the policy graph, see an entity's figures, relations and sources, and the paths between entities.">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M4 12L8 4L12 12Z' stroke='%23c0392b' fill='none'/%3E%3Ccircle cx='8' cy='4' r='2.5' fill='%23c0392b'/%3E%3Ccircle cx='4' cy='12' r='2.5' fill='%232c7fb8'/%3E%3Ccircle cx='12' cy='12' r='2.5' fill='%2327ae60'/%3E%3C/svg%3E">
${style ? `<link rel="stylesheet" href="${explorerAssetsPath}${style}">\n` : ''}<script type="module" src="${explorerAssetsPath}${script}"></script>
</head>
<body>
<div id="root"></div>
<noscript>The explorer needs JavaScript. The same data is at <a href="/graphql">/graphql</a>.</noscript>
</body>
</html>
`;
}

/** Says what failed without the details (paths, source lines), which go to the log. */
const errorPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Explorer unavailable</title></head>
<body>
<h1>The explorer could not be built</h1>
<p>Its JavaScript bundle failed to build; the server's log says why. Everything else works: GraphQL answers at
<a href="/graphql">/graphql</a>.</p>
</body></html>
`;

/** The page's policy: everything from this server; sigma and Chart.js draw on canvases, which CSP does not limit. */
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

export type ExplorerOptions = { entryPoint?: string };

/** Serves GET /explore (the page) and GET /explore/assets/* (the bundle), building the bundle on first use. */
export function useExplorer({ entryPoint }: ExplorerOptions = {}): Plugin {
  let bundle: Promise<ExplorerBundle> | null = null;
  let logger: YogaLogger | null = null;

  function getBundle(): Promise<ExplorerBundle> {
    bundle ??= buildExplorer(entryPoint).then(
      (built) => {
        const sizes = [...built.assets].map(([name, a]) => `${name} ${a.body.length} B (gzip ${a.gzipped.length} B)`);
        logger?.info(`explorer bundle built in ${built.buildMs} ms: ${sizes.join(', ')}`);
        return built;
      },
      (error: unknown) => {
        bundle = null; // try again at the next request
        logger?.error(`explorer bundle failed to build: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      },
    );
    return bundle;
  }

  return {
    onYogaInit({ yoga }) {
      logger = yoga.logger;
    },
    onRequest({ url, request, fetchAPI, endResponse }) {
      const path = url.pathname;
      if (path !== explorerPath && !path.startsWith(`${explorerPath}/`)) return;
      const { Response } = fetchAPI;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      if (path === `${explorerPath}/`) {
        endResponse(new Response(null, { status: 308, headers: { location: `${explorerPath}${url.search}` } }));
        return;
      }
      const isPage = path === explorerPath;
      if (!isPage && !path.startsWith(explorerAssetsPath)) {
        endResponse(new Response('not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
        return;
      }
      return getBundle().then(
        (built) => {
          if (isPage) {
            endResponse(
              new Response(shell(built), {
                headers: {
                  'content-type': 'text/html; charset=utf-8',
                  'cache-control': 'no-cache',
                  'content-security-policy': contentSecurityPolicy,
                  'x-content-type-options': 'nosniff',
                },
              }),
            );
            return;
          }
          const asset = built.assets.get(path.slice(explorerAssetsPath.length));
          if (!asset) {
            endResponse(new Response('not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
            return;
          }
          const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
          endResponse(
            new Response(gzip ? asset.gzipped : asset.body, {
              headers: {
                'content-type': asset.type,
                ...(gzip ? { 'content-encoding': 'gzip' } : {}),
                vary: 'accept-encoding',
                'cache-control': 'public, max-age=31536000, immutable',
                'x-content-type-options': 'nosniff',
              },
            }),
          );
        },
        () =>
          endResponse(
            new Response(isPage ? errorPage : 'the explorer bundle failed to build', {
              status: 500,
              headers: { 'content-type': isPage ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
            }),
          ),
      );
    },
  };
}
