/**
 * HTTP behaviour against the real server on a free port (http.createServer(yoga).listen(0)): bad input of every
 * kind is a 4xx with a GraphQL error body and never a 5xx; body size, masking, CORS, CSRF prevention, the
 * introspection and GraphiQL switches and the request timeout.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Plugin } from 'graphql-yoga';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../src/server/config.js';
import { answerClientErrors } from '../../src/server/http-policy.js';
import { createPolicyYoga, type YogaOptions } from '../../src/server/yoga.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';

let store: PolicyStore;
const servers: Server[] = [];
beforeAll(async () => {
  store = await fixtureStore();
});
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

/** The server as main.ts runs it, on a free port, with `config` over the defaults. */
async function serve(config: Partial<Config> = {}, options: Partial<YogaOptions> = {}) {
  const server = answerClientErrors(createServer(createPolicyYoga({ getStore: () => store, config, ...options })));
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return { port, url: `http://127.0.0.1:${port}/graphql` };
}

const json = { 'content-type': 'application/json' };
const modern = { ...json, accept: 'application/graphql-response+json' };
const post = (body: unknown, headers: Record<string, string> = modern): RequestInit => ({
  method: 'POST',
  headers,
  body: typeof body === 'string' ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body),
});

/** Sends raw bytes and collects the whole answer until the server closes the connection (`closed` when it did). */
async function raw(port: number, head: string, chunks: (string | Buffer)[] = [], waitMs = 5_000): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {}); // the server may close while we still write: that is the point
  let answer = '';
  socket.on('data', (d) => (answer += d));
  await once(socket, 'connect');
  socket.write(head);
  for (const chunk of chunks) socket.write(chunk);
  let timedOut = false;
  const closed = once(socket, 'close');
  const timer = setTimeout(() => ((timedOut = true), socket.destroy()), waitMs);
  await closed;
  clearTimeout(timer);
  return timedOut ? answer : `${answer}\n[closed by the server]`;
}
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const bodyOf = (answer: string) =>
  JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4).replace('\n[closed by the server]', '').replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, ''));

describe('bad input is a 4xx with a GraphQL error body, never a 5xx', () => {
  let url = '';
  let port = 0;
  beforeAll(async () => ({ url, port } = await serve()));

  const invalidUtf8 = Buffer.concat([Buffer.from('{"query":"{ lookup(name: \\"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\\") { id } }"}')]);
  const byVariables = 'query Q($id: ID!) { node(id: $id) { id } }';
  const cases: [string, string, RequestInit, number, string, RegExp?][] = [
    ['invalid JSON', '', post('{"query": "{ stats', json), 400, 'BAD_REQUEST', /invalid JSON/],
    ['a JSON array', '', post('[{"query":"{ __typename }"}]', json), 400, 'BAD_REQUEST', /Batching/],
    ['a JSON number', '', post('42', json), 400, 'BAD_REQUEST', /expected to be object/],
    ['JSON null', '', post('null', json), 400, 'BAD_REQUEST'],
    ['an empty body', '', post('', json), 400, 'BAD_REQUEST'],
    ['no query', '', post({ variables: {} }, json), 400, 'BAD_REQUEST', /Must provide a query string/],
    ['a query that is not a string', '', post({ query: { stats: true } }, json), 400, 'BAD_REQUEST', /"query" param to be a string/],
    ['variables that are not a map', '', post({ query: '{ __typename }', variables: '{}' }), 400, 'BAD_REQUEST'],
    ['an unexpected parameter', '', post({ query: '{ __typename }', id: 1 }), 400, 'BAD_REQUEST', /Unexpected parameter "id"/],
    ['text/plain', '', post('{"query":"{ __typename }"}', { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE', /text\/plain/],
    ['a form', '', post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['multipart', '', post('--x\r\n\r\n--x--', { 'content-type': 'multipart/form-data; boundary=x' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['XML', '', post('<query/>', { 'content-type': 'application/xml' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['no content type', '', post(new TextEncoder().encode('{"query":"{ __typename }"}'), {}), 415, 'UNSUPPORTED_MEDIA_TYPE', /no content-type/],
    ['a charset other than UTF-8', '', post('{"query":"{ __typename }"}', { 'content-type': 'application/json; charset=iso-8859-1' }), 415, 'UNSUPPORTED_MEDIA_TYPE', /iso-8859-1/],
    ['invalid UTF-8', '', post(invalidUtf8, json), 400, 'BAD_REQUEST', /UTF-8/],
    ['an unknown operationName', '', post({ query: 'query A { __typename }', operationName: 'B' }), 400, 'OPERATION_RESOLUTION_FAILURE', /Unknown operation named "B": the document defines A/],
    ['two operations, no operationName', '', post({ query: 'query A { __typename } query B { __typename }' }), 400, 'OPERATION_RESOLUTION_FAILURE', /A, B/],
    ['a variable of the wrong type', '', post({ query: byVariables, variables: { id: { not: 'an id' } } }), 400, 'BAD_USER_INPUT', /\$id/],
    ['a missing required variable', '', post({ query: byVariables }), 400, 'BAD_USER_INPUT', /\$id.*was not provided/],
    ['a syntax error', '', post({ query: '{ node(id: ' }), 400, 'GRAPHQL_PARSE_FAILED'],
    ['a query nested too deeply to parse', '', post({ query: `{${'a{'.repeat(20_000)}${'}'.repeat(20_000)}}` }), 400, 'GRAPHQL_PARSE_FAILED', /nested too deeply/],
    ['an unknown field', '', post({ query: '{ nope }' }), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['a mutation over GET', '?query=mutation%20%7B%20__typename%20%7D', {}, 405, 'BAD_REQUEST', /mutation operation from a POST/],
    ['an invalid query over GET', '?query=%7B%20node(', {}, 400, 'GRAPHQL_PARSE_FAILED'],
    ['GET variables that are not JSON', '?query=%7B__typename%7D&variables=%7Bid', {}, 400, 'BAD_REQUEST', /"variables" is not valid JSON/],
    ['GET extensions that are not JSON', '?query=%7B__typename%7D&extensions=nope', {}, 400, 'BAD_REQUEST', /"extensions" is not valid JSON/],
    ['GET without a query', '', {}, 400, 'BAD_REQUEST', /Must provide a query string/],
    ['PUT', '', { method: 'PUT', headers: json, body: '{}' }, 405, 'BAD_REQUEST'],
    ['an Accept nothing matches', '?query=%7B__typename%7D', { headers: { accept: 'image/png' } }, 406, 'NOT_ACCEPTABLE', /image\/png/],
  ];
  it.each(cases)('%s', async (_name, query, init, status, code, message) => {
    const response = await fetch(url + query, { headers: { accept: 'application/graphql-response+json' }, ...init });
    const body = await response.json();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json; charset=utf-8$/);
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message ?? /./), extensions: expect.objectContaining({ code }) })]);
    expect(body).not.toHaveProperty('data');
    expect(JSON.stringify(body)).not.toMatch(/stack|\bat .*\.(js|ts):\d+/);
  });

  it('answers a URL over 16 KiB with 431 and a GraphQL error body (answerClientErrors)', async () => {
    const answer = await raw(port, `GET /graphql?query=${'%7B__typename%7D'}&pad=${'x'.repeat(20_000)} HTTP/1.1\r\nhost: x\r\n\r\n`);
    expect(statusOf(answer)).toBe(431);
    expect(bodyOf(answer).errors[0]).toMatchObject({ message: expect.stringContaining('URL too large'), extensions: { code: 'BAD_REQUEST' } });
  });

  it('answers a long URL under the 16 KiB header limit like any GET', async () => {
    const long = await fetch(`${url}?query=${encodeURIComponent(`{ ${'__typename '.repeat(1_200)}}`)}&pad=${'x'.repeat(1_000)}`);
    expect(long.status).toBeLessThan(500);
    expect(await long.json()).toHaveProperty(long.status === 200 ? 'data' : 'errors');
  });

  it('answers clients that accept only application/json 200 for an invalid document, as the spec asks', async () => {
    // Parse and validation errors: 200 with errors (the spec's SHOULD for legacy clients). Broken requests and
    // variables that do not coerce stay 400 (graphql-tools' choice, kept: the input is the client's).
    const legacy = { ...json, accept: 'application/json' };
    expect((await fetch(url, post({ query: '{ nope }' }, legacy))).status).toBe(200);
    expect((await fetch(url, post({ query: '{ node(' }, legacy))).status).toBe(200);
    expect((await fetch(url, post({ query: byVariables, variables: { id: null } }, legacy))).status).toBe(400);
    expect((await fetch(url, post({ variables: {} }, legacy))).status).toBe(400);
  });

  it('still answers normally afterwards', async () => {
    const response = await fetch(url, post({ query: '{ lookup(name: "低保") { id } }' }));
    expect([response.status, (await response.json()).data]).toEqual([200, { lookup: [{ id: 'program:dibao' }] }]);
  });
});

describe('request body size (maxBodyBytes)', () => {
  let url = '';
  let port = 0;
  beforeAll(async () => ({ url, port } = await serve({ maxBodyBytes: 1_000 })));
  const padded = (bytes: number) => JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(bytes - 49) } });

  it('accepts a body at the limit', async () => {
    expect(Buffer.byteLength(padded(1_000))).toBe(1_000);
    expect((await fetch(url, post(padded(1_000)))).status).toBe(200);
  });

  it('refuses a larger Content-Length with 413 before reading the body, and closes the connection', async () => {
    // Announces 10 MB and sends 100 bytes: the answer comes anyway, so the server did not wait for the rest.
    const answer = await raw(port, `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 10000000\r\n\r\n`, ['{"query":'.padEnd(100)]);
    expect(statusOf(answer)).toBe(413);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('[closed by the server]');
    expect(bodyOf(answer).errors[0]).toEqual({
      message: 'Request body too large: 10000000 bytes, over the limit of 1000 (maxBodyBytes)',
      extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' },
    });
  });

  it('refuses a streamed body (no Content-Length) as soon as it passes the limit', async () => {
    // Two chunks of 800 bytes and no final chunk: the server must answer without waiting for the end.
    const chunk = `320\r\n${'x'.repeat(800)}\r\n`;
    const answer = await raw(port, `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`, [chunk, chunk]);
    expect(statusOf(answer)).toBe(413);
    expect(answer).toContain('[closed by the server]');
    expect(bodyOf(answer).errors[0]).toMatchObject({ message: expect.stringMatching(/more than 1\d{3} bytes, over the limit of 1000/), extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } });
  });

  it('refuses an invalid Content-Length', async () => {
    const answer = await raw(port, `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 12, 12\r\nconnection: close\r\n\r\n`, ['{"query":"1"}']);
    expect(statusOf(answer)).toBeGreaterThanOrEqual(400);
    expect(statusOf(answer)).toBeLessThan(500);
  });
});

describe('errors are masked; expected errors keep their message and code', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('masks an unexpected error, even with NODE_ENV=development, and logs it with its stack', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const broken = new Proxy(store, {
      get: (target, key) => (key === 'lookup' ? () => { throw new Error('EACCES: /srv/secret/index.bin'); } : Reflect.get(target, key)),
    });
    const logged: unknown[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (...args: unknown[]) => void logged.push(...args) };
    const { url } = await serve({}, { getStore: () => broken, logger });
    const response = await fetch(url, post({ query: '{ lookup(name: "低保") { id } }' }));
    const text = await response.text();
    // The resolver fails: the error keeps its path, the message and code are masked.
    expect(JSON.parse(text).errors).toEqual([{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['lookup'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(text).not.toMatch(/secret|EACCES|stack|originalError/);
    expect(logged.some((e) => e instanceof Error && /EACCES/.test(String(e.stack)))).toBe(true);
  });

  it('keeps the message and code of errors meant for the client', async () => {
    const { url } = await serve();
    const body = await (await fetch(url, post({ query: '{ node(id: "nowhere") { id } }' }))).json();
    expect(body.errors[0]).toMatchObject({ message: expect.stringContaining('"nowhere" is not an entity id'), extensions: { code: 'BAD_USER_INPUT' } });
    const tooMany = await (await fetch(url, post({ query: '{ policies(first: 1000) { totalCount } }' }))).json();
    expect(tooMany.errors[0]).toMatchObject({ message: expect.stringContaining('Argument "first"'), extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('CORS (corsOrigin) and CSRF prevention', () => {
  const preflight = (origin: string) => ({ method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

  it('lets any origin read answers by default, without credentials, and runs plain GETs', async () => {
    const { url } = await serve();
    const response = await fetch(url, post({ query: '{ __typename }' }, { ...json, origin: 'https://anyone.example' }));
    expect(response.headers.get('access-control-allow-origin')).toBe('https://anyone.example');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const options = await fetch(url, preflight('https://anyone.example'));
    expect([options.status, options.headers.get('access-control-allow-methods')]).toEqual([204, 'GET, POST, OPTIONS']);
    expect((await fetch(`${url}?query=%7B__typename%7D`)).status).toBe(200);
  });

  it('with a list, lets in only the listed origins, and requires a preflight for simple requests', async () => {
    const { url } = await serve({ corsOrigin: 'https://app.example, https://admin.example' });
    const listed = await fetch(url, post({ query: '{ __typename }' }, { ...json, origin: 'https://admin.example' }));
    expect([listed.status, listed.headers.get('access-control-allow-origin')]).toEqual([200, 'https://admin.example']);
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await fetch(url, preflight('https://evil.example'))).headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(url, post({ query: '{ __typename }' }, { ...json, origin: 'https://evil.example' }))).headers.get('access-control-allow-origin')).toBeNull();

    // A GET an <img> or a link could send: refused before it runs.
    const simple = await fetch(`${url}?query=%7B__typename%7D`);
    expect(simple.status).toBe(403);
    expect((await simple.json()).errors[0]).toMatchObject({ message: expect.stringContaining('graphql-require-preflight'), extensions: { code: 'CSRF_PREVENTION' } });
    expect((await fetch(`${url}?query=%7B__typename%7D`, { headers: { 'graphql-require-preflight': '1' } })).status).toBe(200);
    expect((await fetch(url, post('{"query":"{ __typename }"}', { 'content-type': 'text/plain' }))).status).toBe(403);

    // GraphiQL still opens and queries: its page is a GET for text/html, its requests are JSON POSTs.
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html']);
    expect((await fetch(url, post({ query: '{ __schema { queryType { name } } }' }, { ...json, origin: 'https://app.example' }))).status).toBe(200);
  });
});

describe('introspection and GraphiQL switches', () => {
  const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

  it('refuses introspection when introspection=false, and answers everything else', async () => {
    const { url } = await serve({ introspection: false });
    const response = await fetch(url, post({ query: '{ __schema { types { name } } }' }));
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0]).toMatchObject({ message: expect.stringContaining('introspection has been disabled'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect((await fetch(url, post({ query: '{ __type(name: "Query") { name } }' }))).status).toBe(400);
    expect((await (await fetch(url, post({ query: '{ __typename lookup(name: "低保") { id } }' }))).json()).data).toEqual({
      __typename: 'Query',
      lookup: [{ id: 'program:dibao' }],
    });
  });

  it('serves GraphiQL by default, and with graphiql=false answers a browser like any GET', async () => {
    const on = await serve();
    expect((await fetch(on.url, { headers: { accept: browserAccept } })).headers.get('content-type')).toBe('text/html');
    const { url } = await serve({ graphiql: false });
    const empty = await fetch(url, { headers: { accept: browserAccept } });
    expect([empty.status, empty.headers.get('content-type')]).toEqual([400, 'application/json; charset=utf-8']);
    expect((await empty.json()).errors[0].message).toContain('Must provide a query string');
    const query = await fetch(`${url}?query=%7B__typename%7D`, { headers: { accept: browserAccept } });
    expect((await query.json()).data).toEqual({ __typename: 'Query' });
    const htmlOnly = await fetch(url, { headers: { accept: 'text/html' } });
    expect([htmlOnly.status, (await htmlOnly.json()).errors[0].extensions.code]).toEqual([406, 'NOT_ACCEPTABLE']);
  });
});

describe('request timeout (requestTimeoutMs)', () => {
  /** An execution that takes 40 steps of 25 ms, stopping early when its signal aborts. */
  function slowExecution(seen: { steps: number; aborted: boolean }): Plugin {
    return {
      onExecute({ args, executeFn, setExecuteFn }) {
        setExecuteFn(async (execution) => {
          const signal = (args as { signal?: AbortSignal }).signal;
          for (; seen.steps < 40; seen.steps++) {
            if (signal?.aborted) {
              seen.aborted = true;
              throw signal.reason;
            }
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
          return executeFn(execution);
        });
      },
    };
  }

  it('answers 503 when execution runs too long, and stops the execution', async () => {
    const seen = { steps: 0, aborted: false };
    const { url } = await serve({ requestTimeoutMs: 100 }, { plugins: [slowExecution(seen)] });
    const response = await fetch(url, post({ query: '{ __typename }' }));
    expect(response.status).toBe(503);
    expect((await response.json()).errors[0]).toEqual({
      message: 'The request ran longer than the 100 ms allowed (requestTimeoutMs) and was stopped',
      extensions: { code: 'REQUEST_TIMEOUT' },
    });
    await vi.waitFor(() => expect(seen.aborted).toBe(true), { timeout: 2_000 });
    expect(seen.steps).toBeLessThan(40);
  });

  it('answers 408 when the body does not arrive in time', async () => {
    const { port } = await serve({ requestTimeoutMs: 100 });
    const answer = await raw(port, `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n`, ['{"query":']);
    expect(statusOf(answer)).toBe(408);
    expect(answer).toContain('[closed by the server]');
    expect(bodyOf(answer).errors[0]).toMatchObject({ message: expect.stringContaining('did not arrive within the 100 ms'), extensions: { code: 'REQUEST_TIMEOUT' } });
  });
});
