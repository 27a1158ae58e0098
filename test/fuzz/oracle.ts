import { METHODS } from 'node:http';
import type { Answer, FuzzRequest } from './harness.js';

/** What the fuzz test never accepts. Each answer is checked for all of them. */
export const violationKinds = {
  serverError: 'a 5xx status',
  internalError: 'an unexpected (masked) internal error in the body, whatever the status',
  noAnswer: 'no answer: connection reset, broken off or timed out',
  unparseable: 'a body its content type says is JSON (or a stream of JSON) that does not parse',
  notGraphQL: 'an answer from the GraphQL endpoint that is not a GraphQL response (JSON with data or errors)',
  leak: 'a stack trace or an internal file path in the body',
  crash: 'the server process died, or stopped answering /health',
} as const;
export type ViolationKind = keyof typeof violationKinds;
export type Violation = { kind: ViolationKind; detail: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The rules broken by one answer (none when all is well). */
export function violations(request: FuzzRequest, answer: Answer): Violation[] {
  if ('error' in answer) return refusedByParser(request) || resetOverLargeBody(request, answer.error) ? [] : [{ kind: 'noAnswer', detail: answer.error }];
  const found: Violation[] = [];
  if (answer.status >= 500) found.push({ kind: 'serverError', detail: `status ${answer.status}` });
  // Raw bytes (malformed HTTP) and HEAD (no body): the status is all there is to judge.
  if ('raw' in request || request.method === 'HEAD') return found;
  const type = String(answer.headers['content-type'] ?? '').toLowerCase();
  let text: string;
  try {
    text = decoder.decode(answer.body);
  } catch {
    return [...found, { kind: 'unparseable', detail: 'the body is not valid UTF-8' }];
  }
  if (/"stack"\s*:|file:\/\/|node:internal|\/node_modules\/|\.[cm]?[jt]s:\d+:\d+/.test(text)) {
    found.push({ kind: 'leak', detail: excerpt(text) });
  }
  const documents = jsonDocuments(type, text);
  if (documents instanceof Error) return [...found, { kind: 'unparseable', detail: documents.message }];
  if (documents.some(hasInternalError)) found.push({ kind: 'internalError', detail: excerpt(text) });
  // What Node's HTTP parser refused before any handler ran (an unknown method, headers over 16 KiB) is answered
  // outside GraphQL, without a Date header: its body must parse, but need not be a GraphQL response.
  const graphql = isGraphQLRequest(request) && answer.headers.date !== undefined;
  if (graphql && !(answer.status === 200 && type.startsWith('text/html'))) {
    if (documents.length === 0) found.push({ kind: 'notGraphQL', detail: `status ${answer.status}, content type "${type}", body ${excerpt(text)}` });
    const bad = documents.find((d) => !isGraphQLResponse(d));
    if (bad !== undefined) found.push({ kind: 'notGraphQL', detail: excerpt(JSON.stringify(bad)) });
  }
  return found;
}

/**
 * Requests Node's HTTP parser refuses before any handler runs (a method it does not know, a request line and
 * headers over its 16 KiB): it answers 400 or 431 and closes at once, so a client still sending a body may see
 * the connection reset instead. Such a request may go unanswered.
 */
function refusedByParser(request: FuzzRequest): boolean {
  if ('raw' in request) return true;
  const head = request.path.length + Object.entries(request.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
  return !METHODS.includes(request.method) || head > 15_000;
}

/**
 * A server may answer before reading a large body (413 over maxBodyBytes, a route that takes no body) and close
 * the connection: with the rest of the body still arriving, the kernel resets it, and the client may lose the
 * answer. A race (about once in 15 000 requests here), not a bug of the server; a crash shows at /health.
 */
function resetOverLargeBody(request: FuzzRequest, error: string): boolean {
  return 'body' in request && (request.body?.length ?? 0) >= 64 * 1024 && /ECONNRESET|EPIPE/.test(error);
}

/** Requests to the GraphQL endpoint expect a GraphQL response, but OPTIONS (CORS preflight, no body). */
function isGraphQLRequest(request: Extract<FuzzRequest, { method: string }>): boolean {
  return request.path.split('?')[0] === '/graphql' && request.method !== 'OPTIONS';
}

/** The JSON documents of a body: one for JSON, one per event for server-sent events, one per part for multipart. */
function jsonDocuments(type: string, text: string): unknown[] | Error {
  let pieces: string[];
  if (type.includes('json')) pieces = [text];
  else if (type.startsWith('text/event-stream')) pieces = [...text.matchAll(/^data: ?(.+)$/gm)].map((m) => m[1]!);
  else if (type.startsWith('multipart/mixed')) pieces = text.split(/\r\n\r\n/).slice(1).map((p) => p.split(/\r\n--/)[0]!).filter((p) => p.trim() !== '');
  else return [];
  const documents: unknown[] = [];
  for (const piece of pieces) {
    try {
      documents.push(JSON.parse(piece));
    } catch (error) {
      return new Error(`${(error as Error).message} in ${excerpt(piece)}`);
    }
  }
  return documents;
}

type GraphQLError = { message?: unknown; extensions?: { code?: unknown; unexpected?: unknown } };

function isGraphQLResponse(document: unknown): boolean {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return false;
  const { data, errors } = document as { data?: unknown; errors?: unknown };
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) return false;
    if (!errors.every((e: GraphQLError) => typeof e === 'object' && e !== null && typeof e.message === 'string')) return false;
  }
  return errors !== undefined || (data !== undefined && typeof data === 'object');
}

/** Yoga masks an error it did not expect as "Unexpected error." with code INTERNAL_SERVER_ERROR: a bug behind it. */
function hasInternalError(document: unknown): boolean {
  const errors = (document as { errors?: GraphQLError[] } | null)?.errors;
  return Array.isArray(errors) && errors.some((e) => e?.extensions?.code === 'INTERNAL_SERVER_ERROR' || e?.extensions?.unexpected === true || e?.message === 'Unexpected error.');
}

export function excerpt(text: string, length = 600): string {
  const flat = JSON.stringify(text.length > length ? `${text.slice(0, length)}…` : text);
  return text.length > length ? `${flat} (${text.length} characters)` : flat;
}
