/** Bounds on one HTTP request to the GraphQL endpoint: how big its body may be and how long it may run (issue 5). */
import type { GraphQLError } from 'graphql';
import { createGraphQLError, type FetchAPI, type GraphQLParams, type Plugin } from 'graphql-yoga';

/** A client error with its HTTP status: yoga answers `{ errors: [{ message, extensions: { code } }] }` with it. */
export const httpError = (status: number, code: string, message: string, headers?: Record<string, string>) =>
  createGraphQLError(message, { extensions: { code, http: { status, ...(headers && { headers }) } } });

/** An error answer built outside yoga's pipeline, in the media type the client asked for. */
export function errorResponse(fetchAPI: FetchAPI, request: Request, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  const type = request.headers.get('accept')?.includes('application/graphql-response+json') ? 'application/graphql-response+json' : 'application/json';
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': `${type}; charset=utf-8`, ...headers },
  });
}

/**
 * A deadline per GraphQL request, from its arrival. When it passes the client is answered at once (408 while
 * the body is still arriving, 503 once executing) and execution is aborted: graphql-tools' executor checks the
 * signal between resolvers, so no further fields run. A client that disconnects aborts execution the same way.
 * (One resolver that computes synchronously cannot be interrupted; those are bounded by argument ceilings.)
 */
export function useRequestTimeout(ms: number): Plugin {
  let endpoint = '/graphql';
  const deadlines = new WeakMap<Request, AbortController>();
  const received = new WeakSet<Request>();
  return {
    onYogaInit({ yoga }) {
      endpoint = yoga.graphqlEndpoint;
    },
    onRequest({ url, fetchAPI, requestHandler, setRequestHandler }) {
      if (url.pathname !== endpoint) return;
      setRequestHandler((request, serverContext) => {
        const controller = new AbortController();
        deadlines.set(request, controller);
        request.signal?.addEventListener?.('abort', () => controller.abort(request.signal.reason), { once: true });
        let timer: ReturnType<typeof setTimeout> | undefined;
        const expired = new Promise<Response>((resolve) => {
          timer = setTimeout(() => {
            const message = received.has(request)
              ? `The request ran longer than the ${ms} ms allowed (requestTimeoutMs) and was stopped`
              : `The request body did not arrive within the ${ms} ms allowed (requestTimeoutMs)`;
            controller.abort(httpError(503, 'REQUEST_TIMEOUT', message));
            resolve(
              received.has(request)
                ? errorResponse(fetchAPI, request, 503, 'REQUEST_TIMEOUT', message)
                : errorResponse(fetchAPI, request, 408, 'REQUEST_TIMEOUT', message, { connection: 'close' }),
            );
          }, ms);
        });
        return Promise.race([Promise.resolve(requestHandler(request, serverContext)), expired]).finally(() => clearTimeout(timer));
      });
    },
    onRequestParse({ request }) {
      return { onRequestParseDone: () => void received.add(request) };
    },
    onExecute({ args }) {
      const controller = deadlines.get((args.contextValue as { request?: Request }).request!);
      if (!controller) return;
      const execution = args as typeof args & { signal?: AbortSignal };
      execution.signal?.addEventListener('abort', () => controller.abort(execution.signal!.reason), { once: true });
      execution.signal = controller.signal;
    },
  };
}

/** Content types a browser sends without a CORS preflight: never accepted, so a POST always needs a preflight. */
const simpleContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * The request body: a JSON (or application/graphql) POST, UTF-8, at most `limit` bytes. A Content-Length over the
 * limit is refused before anything is read; a body without one is counted while it streams in and refused as
 * soon as it passes the limit. Either way the connection is closed rather than drained.
 */
export function useRequestBody(limit: number): Plugin {
  const tooLarge = (size: string) =>
    httpError(413, 'REQUEST_ENTITY_TOO_LARGE', `Request body too large: ${size} bytes, over the limit of ${limit} (maxBodyBytes)`, { connection: 'close' });
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const contentType = request.headers.get('content-type')?.toLowerCase() ?? '';
      if (request.method !== 'POST') return;
      if (!requestParser || simpleContentTypes.some((t) => contentType.startsWith(t))) {
        const what = contentType ? `content-type "${contentType.split(';')[0]}"` : 'no content-type';
        throw httpError(415, 'UNSUPPORTED_MEDIA_TYPE', `Unsupported ${what}: POST a JSON body with content-type application/json (or use GET with ?query=)`);
      }
      const charset = /charset=([^;]+)/.exec(contentType)?.[1]?.trim().replace(/"/g, '');
      if (charset && charset !== 'utf-8' && charset !== 'utf8') {
        throw httpError(415, 'UNSUPPORTED_MEDIA_TYPE', `Unsupported charset "${charset}": send the body as UTF-8`);
      }
      const length = request.headers.get('content-length');
      if (length !== null && !/^\d+$/.test(length)) throw httpError(400, 'BAD_REQUEST', `Invalid Content-Length: "${length}"`);
      if (length !== null && Number(length) > limit) throw tooLarge(length);
      const mediaType = contentType.split(';')[0]!.trim();
      setRequestParser(async (req) => {
        // With a Content-Length (checked above) Node's parser stops the body at that length: read it at once.
        const text = length !== null ? decodeUtf8(await req.arrayBuffer()) : await readText(req, limit, (read) => tooLarge(`more than ${read}`));
        // JSON, nearly every request: parsed here as yoga's own parser would, without building a second Request.
        if (jsonMediaTypes.has(mediaType)) return parseJsonParams(text);
        const headers = new fetchAPI.Headers(req.headers);
        headers.delete('content-length');
        return requestParser(new fetchAPI.Request(req.url, { method: 'POST', headers, body: text }));
      });
    },
  };
}

/** The media types yoga's JSON request parser takes. */
const jsonMediaTypes = new Set(['application/json', 'application/graphql+json']);

/**
 * GraphQL parameters from a JSON body, with yoga's checks and messages (graphql-yoga's post-json parser): an
 * object is required, and invalid JSON is a 400 that says so.
 */
function parseJsonParams(text: string): GraphQLParams {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const originalError = error instanceof Error ? { name: error.name, message: error.message } : undefined;
    throw createGraphQLError('POST body sent invalid JSON.', { extensions: { http: { spec: true, status: 400 }, code: 'BAD_REQUEST', ...(originalError && { originalError }) } });
  }
  if (body === null || typeof body !== 'object') {
    throw createGraphQLError(`POST body is expected to be object but received ${body === null ? 'null' : typeof body}`, {
      extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
    });
  }
  return body as GraphQLParams;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw httpError(400, 'BAD_REQUEST', 'Request body is not valid UTF-8');
  }
}

/** Reads a body as strict UTF-8, giving up (and cancelling the stream) as soon as it passes `limit` bytes. */
async function readText(request: Request, limit: number, tooLarge: (read: number) => GraphQLError): Promise<string> {
  const chunks: Uint8Array[] = [];
  let read = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      read += chunk.value.byteLength;
      if (read > limit) {
        void reader.cancel().catch(() => {});
        throw tooLarge(read);
      }
      chunks.push(chunk.value);
    }
  }
  return decodeUtf8(Buffer.concat(chunks));
}
