import type { Plugin } from 'graphql-yoga';
import type { PolicyStore } from '../store/store.js';

/** GET / sends people to GraphiQL, the default page of the server. */
export function useRootRedirect(to: string): Plugin {
  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      if (url.pathname === '/' && (request.method === 'GET' || request.method === 'HEAD')) {
        endResponse(new fetchAPI.Response(null, { status: 302, headers: { location: to } }));
      }
    },
  };
}

/** GET /health: 200 with the data version being served, when it was loaded and how big it is. */
export function useHealth(getStore: () => PolicyStore): Plugin {
  return {
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== '/health') return;
      const { graph, info } = getStore();
      endResponse(
        fetchAPI.Response.json({
          status: 'ok',
          dataVersion: info.version,
          loadedAt: info.loadedAt.toISOString(),
          entities: graph.order,
          relations: graph.size,
        }),
      );
    },
  };
}
