import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createYoga, createSchema, type Plugin } from 'graphql-yoga';
import { pino } from 'pino';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useRequestLog } from '../../src/server/logger.js';
import { maxOperationLabels } from '../../src/server/observability.js';
import { createPolicyYoga } from '../../src/server/yoga.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';
import { freePort } from './free-port.js';

/** A pino logger whose lines land in `lines`, parsed. */
function memoryLog() {
  const lines: Record<string, any>[] = [];
  return { lines, log: pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) }) };
}

let store: PolicyStore;
beforeAll(async () => {
  store = await fixtureStore();
});

function yogaWithLog(config = {}) {
  const { lines, log } = memoryLog();
  const yoga = createPolicyYoga({ getStore: () => store, log, config });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { yoga, lines, post };
}

describe('request log', () => {
  it('writes one line per GraphQL request: request id, operation, cost, duration, status', async () => {
    const { lines, post } = yogaWithLog();
    const response = await post({ query: 'query Kinds { ontology { kinds { kind } } }' }, { 'x-request-id': 'req-42.a:b' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-42.a:b');
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ level: 30, requestId: 'req-42.a:b', method: 'POST', operationName: 'Kinds', operationType: 'query', status: 200 });
    expect(line).toHaveProperty('cost'); // extensions.cost.requested when limits.ts reports it, else null
    expect(line!.cost === null || typeof line!.cost === 'number').toBe(true);
    expect(line!.durationMs).toBeGreaterThanOrEqual(0);
    expect(line).not.toHaveProperty('errorCodes');
    expect(line!.msg).toMatch(/^POST \/graphql 200 Kinds [\d.]+ ms$/);
  });

  it('replaces an x-request-id that does not look like an id, and makes one up when there is none', async () => {
    const { lines, post } = yogaWithLog();
    const odd = await post({ query: '{ stats { __typename } }' }, { 'x-request-id': 'two words "quoted"' });
    const none = await post({ query: '{ stats { __typename } }' });
    const long = await post({ query: '{ stats { __typename } }' }, { 'x-request-id': 'x'.repeat(129) });
    const ids = [odd, none, long].map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(3);
    expect(lines.map((l) => l.requestId)).toEqual(ids);
  });

  it('logs the codes of the errors, including requests refused before execution', async () => {
    const { lines, post } = yogaWithLog();
    await post({ query: 'query Bad { node(id: "bogus") { id } }' });
    await post({ query: '{ nope }' });
    await post({ query: '{ stats { ' });
    await post('{ not json');
    expect(lines.map((l) => [l.operationName, l.status, l.errorCodes])).toEqual([
      ['Bad', 200, ['BAD_USER_INPUT']],
      [null, 400, ['GRAPHQL_VALIDATION_FAILED']],
      [null, 400, ['GRAPHQL_PARSE_FAILED']],
      [null, 400, ['BAD_REQUEST']],
    ]);
  });

  it('takes the operation that ran when a document has several, and ignores names that are not GraphQL names', async () => {
    const { lines, post } = yogaWithLog();
    const two = 'query A { stats { __typename } } query B { ontology { __typename } }';
    await post({ query: two, operationName: 'B' });
    await post({ query: '{ stats { __typename } }', operationName: 'no such name; drop table' });
    expect(lines.map((l) => l.operationName)).toEqual(['B', null]);
  });

  it('does not log pages, preflights, /health or /metrics, but echoes a request id on every response', async () => {
    const { yoga, lines } = yogaWithLog();
    const responses = await Promise.all([
      yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } }),
      yoga.fetch('http://yoga/graphql', { method: 'OPTIONS', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' } }),
      yoga.fetch('http://yoga/health'),
      yoga.fetch('http://yoga/metrics'),
      yoga.fetch('http://yoga/', { redirect: 'manual' }),
    ]);
    for (const response of responses) expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(lines).toEqual([]);
  });

  it('reads the cost from extensions.cost.requested of the result', async () => {
    const { lines, log } = memoryLog();
    const reportsCost: Plugin = {
      onExecutionResult({ result, setResult }) {
        if (result && !(Symbol.asyncIterator in result)) setResult({ ...result, extensions: { cost: { requested: 42, budget: 1000 } } });
      },
    };
    const yoga = createYoga({
      schema: createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hi' } } }),
      plugins: [reportsCost, useRequestLog(log)],
      logging: false,
    });
    await yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"query Hi { hello }"}' });
    expect(lines).toMatchObject([{ operationName: 'Hi', cost: 42, status: 200 }]);
  });
});

/** The samples of one metric in Prometheus' text format, as `{labels} value` strings. */
function samples(text: string, name: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .map((l) => l.slice(name.length).trim());
}

describe('/metrics', () => {
  it('counts requests, durations and errors per operation, and reports the data served', async () => {
    const { yoga, post } = yogaWithLog();
    await post({ query: 'query Kinds { ontology { kinds { kind } } }' });
    await post({ query: 'query Kinds { ontology { kinds { kind } } }' });
    await post({ query: 'query Bad { nope }' });
    await post('{ not json');
    const response = await yoga.fetch('http://yoga/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    // The second Kinds is answered by the response cache: executed once, served twice.
    expect(samples(text, 'graphql_envelop_request')).toEqual(['{operationName="Kinds",operationType="query"} 1']);
    expect(samples(text, 'graphql_response_cache_hits')).toEqual(['1']);
    expect(samples(text, 'graphql_envelop_error_result')).toEqual(['{operationName="Bad",operationType="query",phase="validate"} 1']);
    expect(samples(text, 'graphql_errors')).toEqual(['{code="GRAPHQL_VALIDATION_FAILED"} 1', '{code="BAD_REQUEST"} 1']);
    expect(samples(text, 'graphql_envelop_request_duration_count')).toContain('{operationName="Kinds",operationType="query"} 1');
    expect(samples(text, 'graphql_yoga_http_duration_count')).toContain('{operationName="Kinds",operationType="query",method="POST",statusCode="200"} 1');
    expect(samples(text, 'policy_graph_entities')).toContain(`{kind="POLICY"} ${store.count('POLICY')}`);
    const relations = samples(text, 'policy_graph_relations').reduce((sum, s) => sum + Number(s.split(' ').at(-1)), 0);
    expect(relations).toBe(store.graph.size);
    expect(samples(text, 'policy_graph_data_info')).toEqual([`{version="${store.info.version}"} 1`]);
  });

  it('gives each yoga instance its own registry, and is off when config.metrics is false', async () => {
    const first = yogaWithLog();
    const second = yogaWithLog();
    await first.post({ query: 'query Once { stats { __typename } }' });
    const [a, b] = await Promise.all([first.yoga.fetch('http://yoga/metrics'), second.yoga.fetch('http://yoga/metrics')]);
    expect(samples(await a.text(), 'graphql_envelop_request')).toEqual(['{operationName="Once",operationType="query"} 1']);
    expect(samples(await b.text(), 'graphql_envelop_request')).toEqual([]);
    const off = yogaWithLog({ metrics: false });
    expect((await off.yoga.fetch('http://yoga/metrics')).status).toBe(404);
  });

  it(`bounds the operation-name label: ${maxOperationLabels} distinct names, then "other"; very long names are "invalid"`, async () => {
    const { yoga, post } = yogaWithLog();
    for (let i = 0; i < maxOperationLabels + 5; i++) await post({ query: `query Op${i} { stats { __typename } }` });
    await post({ query: `query ${'Long'.repeat(20)} { stats { __typename } }` });
    const names = samples(await (await yoga.fetch('http://yoga/metrics')).text(), 'graphql_envelop_request').map((s) => /operationName="([^"]*)"/.exec(s)![1]);
    expect(names).toHaveLength(maxOperationLabels + 2);
    expect(names).toEqual(expect.arrayContaining(['Op0', 'other', 'invalid']));
    expect(names).not.toContain(`Op${maxOperationLabels}`);
  });
});

describe('npm start', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const children: ChildProcess[] = [];
  afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

  it('logs a JSON line per GraphQL request with the request id it echoes', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    });
    children.push(child);
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const until = Date.now() + 15_000;
    while (!stdout.includes('serving')) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`server did not start: ${stdout}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'from-the-proxy-1' },
      body: JSON.stringify({ query: 'query WhoIssued { lookup(name: "自治区民政厅") { id } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('from-the-proxy-1');
    await response.text();
    while (!stdout.includes('from-the-proxy-1')) {
      if (Date.now() > until) throw new Error(`no request line: ${stdout}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const line = stdout.split('\n').map((l) => JSON.parse(l || '{}')).find((l) => l.requestId === 'from-the-proxy-1');
    expect(line).toMatchObject({ operationName: 'WhoIssued', operationType: 'query', status: 200 });
    child.kill('SIGTERM');
    expect((await once(child, 'exit'))[0]).toBe(0);
  });
});
