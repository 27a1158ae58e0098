import { type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { PolicyStore } from '../store/store.js';
import type { DataStatus } from './data-holder.js';

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

/** The status of a store that is there from the start and never reloaded (tests, in-process use). */
export function alwaysServed(getStore: () => PolicyStore): DataStatus {
  return { served: getStore, lastReload: () => null };
}

/**
 * GET /health: the data version being served, when it was loaded, how big it is, the process that answered and
 * how the last load or reload went (503 while no data set is in yet). GET /ready: 200 once a data set is served, 503 before, for
 * load balancers; /health/live (yoga's own) answers 200 as soon as the process listens. Until the first data
 * set is in, the GraphQL endpoint answers 503 with a NOT_READY error and Retry-After instead of failing.
 */
export function useHealth(data: DataStatus): Plugin[] {
  let graphqlEndpoint = '/graphql';
  const lastReload = () => {
    const last = data.lastReload();
    return last && { at: last.at.toISOString(), trigger: last.trigger, ok: last.ok, dataVersion: last.dataVersion, problems: last.problems.length };
  };
  const health: Plugin = {
    onYogaInit({ yoga }) {
      graphqlEndpoint = yoga.graphqlEndpoint;
    },
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== '/health' && url.pathname !== graphqlEndpoint) return;
      const store = data.served();
      if (url.pathname === '/health') {
        const body = store
          ? { status: 'ok', dataVersion: store.info.version, loadedAt: store.info.loadedAt.toISOString(), entities: store.graph.order, relations: store.graph.size }
          : { status: 'loading', dataVersion: null, loadedAt: null };
        // pid tells which process answered: with --workers N, a client or load balancer polling /health sees
        // each worker and can tell when they (or several replicas) serve different data versions.
        return endResponse(fetchAPI.Response.json({ ...body, pid: process.pid, lastReload: lastReload() }, { status: store ? 200 : 503 }));
      }
      if (!store) {
        const error = { message: 'the server is still loading its data set; retry shortly', extensions: { code: 'NOT_READY' } };
        endResponse(fetchAPI.Response.json({ errors: [error] }, { status: 503, headers: { 'retry-after': '1' } }));
      }
    },
  };
  const ready = useReadinessCheck({
    endpoint: '/ready',
    check: ({ fetchAPI }) => {
      const store = data.served();
      return fetchAPI.Response.json({ ready: store !== null, dataVersion: store?.info.version ?? null }, { status: store ? 200 : 503 });
    },
  });
  return [health, ready];
}
