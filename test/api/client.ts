import type { PolicyStore } from '../../src/store/store.js';
import { createPolicyYoga } from '../../src/server/yoga.js';

export type GraphQLBody = { data?: any; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] };

/** A client that posts GraphQL requests to an in-process yoga over `store`: no port is opened. */
export function clientFor(store: PolicyStore) {
  const yoga = createPolicyYoga({ getStore: () => store });
  return {
    yoga,
    async query(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody & { status: number }> {
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as GraphQLBody) };
    },
  };
}
