import type { FuzzRequest } from './harness.js';
import type { Operation } from './operations.js';
import type { Tape } from './tape.js';

/** Accept headers a client may send, sensible and not: JSON, GraphQL's media type, streams, HTML, garbage. */
export const accepts = [
  'application/graphql-response+json, application/json;q=0.9',
  'application/json',
  'application/graphql-response+json',
  '*/*',
  'text/event-stream',
  'multipart/mixed',
  'multipart/mixed; deferSpec=20220824, application/json',
  'text/html',
  'application/xml',
  'garbage',
  '',
  'application/json;q=0, */*;q=0',
];

export const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON;CHARSET=UTF-8',
  'application/graphql-response+json',
  'application/graphql',
  'text/plain',
  'text/plain;charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'multipart/form-data',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'application/jsonx',
  'application/json; boundary=x; q=1',
  '',
];

const encoder = new TextEncoder();
export const utf8 = (text: string) => encoder.encode(text);

/** The GET form of an operation: its parameters in the query string. */
export function queryString(operation: Operation): string {
  const params = new URLSearchParams({ query: operation.query });
  if (operation.variables !== undefined) params.set('variables', JSON.stringify(operation.variables));
  if (operation.operationName !== undefined) params.set('operationName', operation.operationName);
  return params.toString();
}

/**
 * An operation as a client sends it: mostly a JSON POST, sometimes GET with the query string, a bare
 * application/graphql body or another content type; the accept header mostly JSON, now and then a stream,
 * HTML or nonsense.
 */
export function operationRequest(operation: Operation, tape: Tape): FuzzRequest {
  const accept = tape.chance(85) ? accepts[tape.int(3)]! : tape.pick(accepts);
  const headers = (contentType?: string): Record<string, string> => ({
    ...(accept ? { accept } : {}),
    ...(contentType ? { 'content-type': contentType } : {}),
  });
  switch (tape.chance(25) ? tape.int(4) : 0) {
    case 1: return { method: 'GET', path: `/graphql?${queryString(operation)}`, headers: headers() };
    case 2: return { method: 'POST', path: '/graphql', headers: headers('application/graphql'), body: utf8(operation.query) };
    case 3: return { method: 'POST', path: '/graphql', headers: headers(tape.pick(contentTypes.slice(2, 9))), body: utf8(JSON.stringify(operation)) };
    default: return { method: 'POST', path: '/graphql', headers: headers(tape.pick(contentTypes.slice(0, 2))), body: utf8(JSON.stringify(operation)) };
  }
}
