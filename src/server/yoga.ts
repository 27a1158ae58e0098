import { createYoga, type YogaLogger } from 'graphql-yoga';
import { schema } from '../api/index.js';
import type { Context } from '../api/builder.js';
import type { PolicyStore } from '../store/store.js';
import { exampleQueries } from './example-queries.js';
import { renderOfflineGraphiQL, useGraphiQLAssets } from './graphiql.js';
import { useHealth, useRootRedirect } from './routes.js';

export type YogaOptions = {
  /** The store to answer from; called once per request, so a reload can swap it between requests. */
  getStore: () => PolicyStore;
  logger?: YogaLogger | boolean;
  /** Serve GraphiQL on GET /graphql from browsers (default true). */
  graphiql?: boolean;
};

/** Builds the yoga instance over a store. It never listens: main.ts does, and tests call `yoga.fetch`. */
export function createPolicyYoga({ getStore, logger = false, graphiql = true }: YogaOptions) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => ({ store: getStore() }),
    logging: logger,
    maskedErrors: true,
    landingPage: false,
    // Yoga's own empty liveness answer moves aside; /health (routes.ts) reports the data version.
    healthCheckEndpoint: '/health/live',
    cors: { origin: '*', methods: ['GET', 'POST', 'OPTIONS'] },
    graphiql: graphiql && {
      title: 'Policy graph · GraphiQL',
      defaultTabs: exampleQueries.map(({ query }) => ({ query })),
    },
    renderGraphiQL: renderOfflineGraphiQL,
    plugins: [useRootRedirect('/graphql'), useHealth(getStore), useGraphiQLAssets()],
  });
}

export type PolicyYoga = ReturnType<typeof createPolicyYoga>;
