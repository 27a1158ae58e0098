import { STATUS_CODES, type Server } from 'node:http';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { getOperationAST, GraphQLError, type DocumentNode } from 'graphql';
import type { Plugin, YogaServerOptions } from 'graphql-yoga';
import type { Config } from './config.js';
import { errorResponse, httpError, useRequestBody, useRequestTimeout } from './request-bounds.js';

/**
 * HTTP hardening (issue 5). Every refusal is a GraphQL error body `{ errors: [{ message, extensions: { code } }] }`
 * with a 4xx status (503 only when a request runs out of time); yoga turns a thrown GraphQLError's
 * `extensions.http` into the status and drops it from the body.
 */
export function useHttpPolicy(config: Config): Plugin[] {
  return [
    useRequestTimeout(config.requestTimeoutMs),
    // Before the body is read: with a restricted CORS list, a simple (unpreflighted) request must carry a header.
    ...(corsOriginList(config) ? [useCsrfPrevention()] : []),
    useRequestBody(config.maxBodyBytes),
    useWellFormedRequest(),
    ...(config.introspection ? [] : [useDisableIntrospection() as Plugin]),
  ];
}

/** Headers that make a browser preflight a request, any of which satisfies CSRF prevention. */
export const csrfHeaders = ['graphql-require-preflight', 'x-graphql-yoga-csrf', 'apollo-require-preflight'];

/**
 * CSRF prevention where it matters: when CORS is restricted to a list. A request a browser may send without a
 * preflight (a GET without custom headers, a form or text POST) would run for any page that makes it, whatever
 * the list says; requiring a header or a JSON content type forces the preflight, so CORS decides. With `*` any
 * page may run queries and read the answers anyway, and the API is read-only, so it would only get in the way.
 */
function useCsrfPrevention(): Plugin {
  const check = useCSRFPrevention({ requestHeaders: csrfHeaders }).onRequestParse!;
  const message = `Refused as a possible cross-site request: send a JSON POST, or add one of the headers ${csrfHeaders.join(', ')} (CSRF prevention, on because corsOrigin is a list)`;
  return {
    onRequestParse(payload) {
      try {
        return check(payload as Parameters<typeof check>[0]);
      } catch {
        throw httpError(403, 'CSRF_PREVENTION', message);
      }
    },
  };
}

const corsOriginList = (config: Config) => (config.corsOrigin === '*' ? null : config.corsOrigin.split(',').map((o) => o.trim()).filter(Boolean));

/**
 * CORS. `*` (the default) lets any origin read answers, without credentials: the API is public and read-only,
 * and yoga would otherwise echo the origin with Allow-Credentials. A list lets only those origins in (with
 * credentials, for a cookie-authenticating proxy in front); other origins get no CORS headers at all, rather
 * than `Access-Control-Allow-Origin: null`, which sandboxed pages match.
 */
export function corsPolicy(config: Config): YogaServerOptions<object, object>['cors'] {
  const common = { methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 };
  const list = corsOriginList(config);
  if (!list) return { ...common, origin: '*', credentials: false };
  return (request: Request) => {
    const origin = request.headers.get('origin');
    return origin && list.includes(origin) ? { ...common, origin: [origin], credentials: true } : false;
  };
}

/**
 * Error masking: unexpected errors answer `Unexpected error.` with code INTERNAL_SERVER_ERROR, their stack going
 * to the log only. `isDev: false` on purpose: yoga would otherwise add the original error and its stack to
 * responses whenever NODE_ENV=development, and a server started that way by mistake must not leak internals.
 */
export const maskedErrors = { isDev: false } as const;

/**
 * What yoga would answer with a 5xx or a bare status: GET parameters that are not JSON (yoga's JSON.parse throws
 * a plain SyntaxError, masked as a 500), a missing query (200 for application/json clients), a document too
 * deeply nested to parse (a RangeError), an operationName the document does not define (made to say which), and
 * an Accept header no answer matches (406 with an empty body).
 */
function useWellFormedRequest(): Plugin {
  return {
    onRequestParse({ request, url }) {
      if (request.method !== 'GET') return;
      for (const name of ['variables', 'extensions']) {
        const value = url.searchParams.get(name);
        if (!value) continue;
        try {
          JSON.parse(value);
        } catch (error) {
          throw httpError(400, 'BAD_REQUEST', `Parameter "${name}" is not valid JSON: ${(error as Error).message}`);
        }
      }
    },
    onParams({ params }) {
      if (params && typeof params === 'object' && !Array.isArray(params) && params.query == null) {
        throw httpError(400, 'BAD_REQUEST', 'Must provide a query string (the "query" parameter)');
      }
    },
    onParse({ context }) {
      const { operationName } = (context as { params?: { operationName?: string } }).params ?? {};
      return ({ result, replaceParseResult }) => {
        if (result instanceof RangeError) {
          replaceParseResult(httpError(400, 'GRAPHQL_PARSE_FAILED', 'Syntax Error: the document is nested too deeply to parse'));
        } else if (!(result instanceof Error)) {
          assertOperationExists(result as DocumentNode, operationName);
        }
      };
    },
    onExecute() {
      // Variable coercion errors come without a code; they are the client's input (no data: nothing ran).
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors || result.data !== undefined) return;
          // graphql-jit's coercion errors come without an extensions object or a status: give them both.
          const errors = result.errors.map((error) =>
            error.extensions && typeof error.extensions === 'object'
              ? (((error.extensions as Record<string, unknown>).code ??= 'BAD_USER_INPUT'), error)
              : new GraphQLError(error.message, { nodes: error.nodes, originalError: error, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } }),
          );
          setResult({ ...result, errors });
        },
      };
    },
    onResultProcess({ request, resultProcessor, setResultProcessor }) {
      if (resultProcessor) return;
      const accept = request.headers.get('accept') ?? '';
      const message = `Not acceptable: "${accept}"; answers are application/graphql-response+json or application/json`;
      setResultProcessor((_result, fetchAPI) => errorResponse(fetchAPI, request, 406, 'NOT_ACCEPTABLE', message), 'application/json');
    },
  };
}

function assertOperationExists(document: DocumentNode, operationName: string | undefined) {
  if (getOperationAST(document, operationName)) return;
  const names = document.definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? [d.name?.value ?? '(anonymous)'] : []));
  const defined = names.length > 0 ? `the document defines ${names.join(', ')}` : 'the document defines no operation';
  const message = operationName
    ? `Unknown operation named "${operationName}": ${defined}`
    : names.length > 1
      ? `Several operations and no operationName: ${defined}; say which one to run`
      : `Nothing to run: ${defined}`;
  throw httpError(400, 'OPERATION_RESOLUTION_FAILURE', message);
}

/**
 * Requests Node's HTTP parser refuses before yoga sees them (headers or URL over 16 KiB: 431; malformed: 400;
 * too slow: 408) answered with a GraphQL error body too, instead of Node's bare status line. For main.ts.
 */
export function answerClientErrors(server: Server): Server {
  return server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const message = status === 431 ? 'Request headers or URL too large (over 16 KiB): POST the query instead' : `Bad request: ${STATUS_CODES[status]}`;
    const body = JSON.stringify({ errors: [{ message, extensions: { code: status === 408 ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST' } }] });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
