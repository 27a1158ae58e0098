/** The explorer's only way to the data: POST /graphql with JSON, like any other client of the public API. */

export const graphqlEndpoint = '/graphql';

/** A GraphQL answer with errors (or an HTTP failure), with the server's messages. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly codes: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type GraphQLResponse<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };

/** Runs one operation; resolves with `data`, or rejects with an ApiError naming what the server said. */
export async function request<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(graphqlEndpoint, {
    method: 'POST',
    // content-type: application/json also satisfies CSRF prevention (no "simple" cross-site request looks like it).
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`HTTP ${response.status} ${response.statusText}`);
  }
  if (body.errors?.length) {
    throw new ApiError(
      body.errors.map((e) => e.message).join('; '),
      body.errors.map((e) => e.extensions?.code ?? ''),
    );
  }
  if (!response.ok || body.data == null) throw new ApiError(`HTTP ${response.status} ${response.statusText}`);
  return body.data;
}

/** True for the rejection of a request that was aborted on purpose (a newer keystroke, a closed view). */
export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
