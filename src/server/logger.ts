import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import { pino, type Logger } from 'pino';

/** JSON logs for machines; readable lines on a terminal when pino-pretty (a dev dependency) is installed. */
export function createLogger(level: string): Logger {
  const pretty = process.stdout.isTTY && canResolve('pino-pretty');
  return pino({ level, ...(pretty ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } } : {}) });
}

function canResolve(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** Yoga's logger interface over pino. */
export function yogaLogger(logger: Logger): YogaLogger {
  return {
    debug: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
    info: (...args: unknown[]) => logger.info(args.map(String).join(' ')),
    warn: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
    error: (...args: unknown[]) => logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
  };
}

/** An incoming x-request-id is kept when it looks like an id (a proxy's or a client's); anything else is replaced. */
const saneRequestId = /^[A-Za-z0-9._:/+=-]{1,128}$/;
/** An operation name worth logging: a GraphQL name of reasonable length (params.operationName is any string). */
const operationNamePattern = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** What one request's log line says, filled in by the hooks as the request goes through yoga. */
type RequestLine = {
  requestId: string;
  startedAt: number;
  graphql: boolean;
  operationName: string | null;
  operationType: string | null;
  cost: number | null;
  errorCodes: string[];
};

const lines = new WeakMap<Request, RequestLine>();

function lineOf(request: Request): RequestLine {
  let line = lines.get(request);
  if (!line) {
    const incoming = request.headers.get('x-request-id');
    line = {
      requestId: incoming && saneRequestId.test(incoming) ? incoming : randomUUID(),
      startedAt: performance.now(),
      graphql: false,
      operationName: null,
      operationType: null,
      cost: null,
      errorCodes: [],
    };
    lines.set(request, line);
  }
  return line;
}

/** The request id a request is logged under (and echoed in its x-request-id response header). */
export function requestIdOf(request: Request): string {
  return lineOf(request).requestId;
}

function noteOperation(line: RequestLine, document: DocumentNode, operationName: string | null | undefined) {
  const operation = getOperationAST(document, operationName);
  if (!operation) return;
  line.operationType = operation.operation;
  const name = operation.name?.value;
  if (name) line.operationName = name.length > 100 ? `${name.slice(0, 100)}…` : name;
}

type ResultLike = { errors?: readonly { extensions?: Record<string, unknown> }[]; extensions?: Record<string, any> };

type ProcessedResult = Parameters<NonNullable<Plugin['onResultProcess']>>[0]['result'];

/** The results of a response, as onResultProcess sees them: none for a stream (no subscriptions here). */
export function resultsOf(result: ProcessedResult): ResultLike[] {
  if (Symbol.asyncIterator in result) return [];
  return Array.isArray(result) ? result : [result];
}

/** The code of each error of a result (`extensions.code`), NO_CODE for an error without one. */
export function errorCodesOf(result: ResultLike): string[] {
  return (result.errors ?? []).map(({ extensions }) => (typeof extensions?.code === 'string' ? extensions.code : 'NO_CODE'));
}

function noteResult(line: RequestLine, result: ResultLike) {
  const requested = result.extensions?.cost?.requested;
  if (typeof requested === 'number') line.cost = requested;
  for (const code of errorCodesOf(result)) if (!line.errorCodes.includes(code)) line.errorCodes.push(code);
}

/**
 * One log line per GraphQL request: its request id (also echoed in the x-request-id response header, for every
 * response), operation name and type, cost (extensions.cost.requested, set by limits.ts; null when absent),
 * duration in ms, HTTP status and the codes of its errors. Requests refused before their GraphQL parameters
 * were read (a body too large, malformed JSON) are logged too; GraphiQL pages, preflights, /health and /metrics
 * are not. Without `log`, request ids are still assigned and echoed.
 */
export function useRequestLog(log?: Logger): Plugin {
  let endpoint = '/graphql';
  return {
    onYogaInit({ yoga }) {
      endpoint = yoga.graphqlEndpoint;
    },
    // The outermost wrapper of a request: starts the clock before any plugin's onRequest can answer early.
    instrumentation: {
      request({ request }, wrapped) {
        lineOf(request);
        return wrapped();
      },
    },
    onParams({ request, params }) {
      const line = lineOf(request);
      line.graphql = true;
      if (typeof params.operationName === 'string' && operationNamePattern.test(params.operationName)) {
        line.operationName = params.operationName;
      }
    },
    onParse({ context }) {
      const request = (context as { request?: Request }).request;
      if (!request) return;
      return ({ result }) => {
        if (result && !(result instanceof Error)) noteOperation(lineOf(request), result, context.params?.operationName);
      };
    },
    onResultProcess({ request, result }) {
      const line = lineOf(request);
      line.graphql = true;
      for (const each of resultsOf(result)) noteResult(line, each);
    },
    onResponse({ request, response }) {
      const line = lineOf(request);
      try {
        response.headers.set('x-request-id', line.requestId);
      } catch {
        // Immutable headers (Response.redirect / Response.error): nothing to echo into.
      }
      if (!log) return;
      const path = new URL(request.url, 'http://localhost').pathname;
      if (!line.graphql && !(path === endpoint && response.status >= 400)) return;
      const durationMs = Math.round((performance.now() - line.startedAt) * 100) / 100;
      const fields = {
        requestId: line.requestId,
        method: request.method,
        operationName: line.operationName,
        operationType: line.operationType,
        cost: line.cost,
        durationMs,
        status: response.status,
        ...(line.errorCodes.length > 0 ? { errorCodes: line.errorCodes } : {}),
      };
      const message = `${request.method} ${path} ${response.status} ${line.operationName ?? 'anonymous'} ${durationMs} ms`;
      if (response.status >= 500) log.error(fields, message);
      else log.info(fields, message);
    },
  };
}
