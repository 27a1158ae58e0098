import { createYoga, type YogaLogger } from 'graphql-yoga';
import { schema } from '../api/index.js';
import type { Context } from '../api/builder.js';
import type { PolicyStore } from '../store/store.js';
import { type Config, defaultConfig } from './config.js';
import { exampleQueries } from './example-queries.js';
import { renderOfflineGraphiQL, useGraphiQLAssets } from './graphiql.js';
import { useHttpPolicy } from './http-policy.js';
import { useQueryLimits } from './limits.js';
import { useObservability } from './observability.js';
import { useHealth, useRootRedirect } from './routes.js';

export type YogaOptions = {
  /** The store to answer from; called once per request, so a reload can swap it between requests. */
  getStore: () => PolicyStore;
  logger?: YogaLogger | boolean;
  /** Limits, HTTP policy and features; the defaults of config.ts where not given. */
  config?: Partial<Config>;
};

/** Builds the yoga instance over a store. It never listens: main.ts does, and tests call `yoga.fetch`. */
export function createPolicyYoga({ getStore, logger = false, config: overrides = {} }: YogaOptions) {
  const config: Config = { ...defaultConfig, ...overrides };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => ({ store: getStore() }),
    logging: logger,
    maskedErrors: true,
    landingPage: false,
    // Yoga's own empty liveness answer moves aside; /health (routes.ts) reports the data version.
    healthCheckEndpoint: '/health/live',
    cors: {
      origin: config.corsOrigin === '*' ? '*' : config.corsOrigin.split(',').map((o) => o.trim()),
      methods: ['GET', 'POST', 'OPTIONS'],
    },
    graphiql: config.graphiql && {
      title: 'Policy graph · GraphiQL',
      defaultTabs: exampleQueries.map(({ query }) => ({ query })),
    },
    renderGraphiQL: renderOfflineGraphiQL,
    plugins: [
      useRootRedirect('/graphql'),
      useHealth(getStore),
      useGraphiQLAssets(),
      ...useHttpPolicy(config),
      ...useQueryLimits(config),
      ...useObservability(config),
    ],
  });
}

export type PolicyYoga = ReturnType<typeof createPolicyYoga>;
