import { createYoga, type Plugin, type YogaLogger } from 'graphql-yoga';
import { schema } from '../api/index.js';
import type { Context } from '../api/builder.js';
import type { PolicyStore } from '../store/store.js';
import { type Config, defaultConfig } from './config.js';
import { exampleQueries } from './example-queries.js';
import { useFastExecution } from './execution.js';
import { useExplorer } from './explorer.js';
import { useExportRoutes } from './export-routes.js';
import { renderOfflineGraphiQL, useGraphiQLAssets } from './graphiql.js';
import { boundedDocumentCaches } from './document-cache.js';
import { corsPolicy, maskedErrors, useHttpPolicy } from './http-policy.js';
import { useQueryLimits } from './limits.js';
import { useObservability } from './observability.js';
import type { DataStatus } from './data-holder.js';
import { alwaysServed, useHealth, useRootRedirect } from './routes.js';

export type YogaOptions = {
  /** The store to answer from; called once per request, so a reload can swap it between requests. */
  getStore: () => PolicyStore;
  logger?: YogaLogger | boolean;
  /** The pino logger itself, for one line per GraphQL request (observability.ts); none: no request lines. */
  log?: import('pino').Logger;
  /** Readiness and the last reload, for /health and /ready (a DataHolder); without it the store is always ready. */
  data?: DataStatus;
  /** Limits, HTTP policy and features; the defaults of config.ts where not given. */
  config?: Partial<Config>;
  /** Extra plugins after the server's own (tests inject slow or failing resolvers). */
  plugins?: Plugin[];
};

/** Builds the yoga instance over a store. It never listens: main.ts does, and tests call `yoga.fetch`. */
export function createPolicyYoga({ getStore, logger = false, log, data, config: overrides = {}, plugins = [] }: YogaOptions) {
  const config: Config = { ...defaultConfig, ...overrides };
  // One store per request, taken once: the context and the response cache's key see the same data version.
  const stores = new WeakMap<Request, PolicyStore>();
  const storeOf = (request: Request) => {
    let store = stores.get(request);
    if (!store) stores.set(request, (store = getStore()));
    return store;
  };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: ({ request }) => ({ store: storeOf(request) }),
    logging: logger,
    // Masked, stack traces never in answers, even with NODE_ENV=development (http-policy.ts).
    maskedErrors,
    parserAndValidationCache: boundedDocumentCaches(),
    // http-policy.ts limits the body itself (maxBodyBytes), with errors that name the limit.
    maxRequestBodySize: false,
    landingPage: false,
    // Yoga's own empty liveness answer moves aside; /health (routes.ts) reports the data version.
    healthCheckEndpoint: '/health/live',
    cors: corsPolicy(config),
    graphiql: config.graphiql && {
      title: 'Policy graph · GraphiQL',
      defaultTabs: exampleQueries.map(({ query }) => ({ query })),
    },
    renderGraphiQL: renderOfflineGraphiQL,
    plugins: [
      useRootRedirect('/graphql'),
      ...useHealth(data ?? alwaysServed(getStore)),
      useGraphiQLAssets(),
      useExplorer(),
      useExportRoutes(getStore),
      ...useHttpPolicy(config),
      ...useQueryLimits(config),
      ...useObservability(config, { getStore, log }),
      ...useFastExecution(config, storeOf),
      ...plugins,
    ],
  });
}

export type PolicyYoga = ReturnType<typeof createPolicyYoga>;
