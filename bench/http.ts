/**
 * `npm run bench`: the HTTP benchmark. Representative GraphQL operations on the bundled data, as real POST requests
 * over loopback, against our server (graphql-yoga), the same schema and store on mercurius with graphql-jit, and a
 * bare node:http server answering a fixed body (the ceiling). Servers run in one child process (bench/servers.ts),
 * the load generator (autocannon) in this one. Prints one table: requests/s, p50 and p99 latency per operation and
 * server, each server's throughput as a ratio to the ceiling, and ours as a ratio to mercurius+jit.
 *
 *   npm run bench                     5 s per cell, 32 connections, every operation
 *   npm run bench -- --quick          1 s per cell, three operations: the CI smoke test (proves it works, not speed)
 *   npm run bench -- --duration 10 --connections 64 --only node,entity-page
 *
 * Requests vary their ids and search words across the run (rotating through lists drawn from the store), so that
 * no single answer is measured alone. Ours is measured three times: with the response cache off (every request
 * parsed, validated, costed and executed), the same with graphql-jit, and as `npm start` serves it (the cache on:
 * after the warm-up, hits).
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { defaultDataDir } from '../src/server/config.js';
import { loadStore } from '../src/store/load.js';
import type { ServerPorts } from './servers.js';
import { operations, type Operation } from './operations.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
  },
  strict: true,
});
const quick = args.quick;
const duration = Number(args.duration ?? (quick ? 1 : 5));
const connections = Number(args.connections);
if (!(duration > 0) || !(connections > 0)) throw new Error('--duration and --connections must be positive numbers');
const quickOps = ['node', 'entity-page', 'shortest-path'];
const wanted = args.only?.split(',').map((s) => s.trim()) ?? (quick ? quickOps : undefined);

const store = await loadStore(process.env.BENCH_DATA_DIR ?? defaultDataDir);
const ops = operations(store).filter((op) => !wanted || wanted.includes(op.key));
if (wanted && ops.length !== wanted.length) {
  throw new Error(`unknown operation in --only; known: ${operations(store).map((o) => o.key).join(', ')}`);
}

// The servers, in a child process; killed on every way out.
const child = fork(new URL('./servers.ts', import.meta.url), [], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const stopChild = () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
};
process.on('exit', stopChild);
const ports = await new Promise<ServerPorts>((resolve, reject) => {
  child.once('message', (m) => resolve((m as { ports: ServerPorts }).ports));
  child.once('exit', (code) => reject(new Error(`bench/servers.ts exited (${code}) before listening`)));
});

type ServerKey = 'uncached' | 'jit' | 'cached' | 'mercurius';
const servers: { key: ServerKey; label: string; url: string }[] = [
  { key: 'uncached', label: 'ours, uncached', url: `http://127.0.0.1:${ports.oursUncached}/graphql` },
  { key: 'jit', label: 'ours, uncached, --jit', url: `http://127.0.0.1:${ports.oursJit}/graphql` },
  { key: 'cached', label: 'ours, cached', url: `http://127.0.0.1:${ports.ours}/graphql` },
  { key: 'mercurius', label: 'mercurius+jit', url: `http://127.0.0.1:${ports.mercurius}/graphql` },
];
const headers = { 'content-type': 'application/json' };

/** One request through fetch, to check that an operation answers data and no errors before it is measured. */
async function check(url: string, op: Operation, body: string) {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: { data?: unknown; errors?: unknown[] } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // reported below
  }
  if (response.status !== 200 || json.errors || !json.data) {
    throw new Error(`${op.title} on ${url}: HTTP ${response.status}: ${text.slice(0, 500)}\nrequest: ${body}`);
  }
}

/** Runs autocannon against url, each request's body the next of `bodies` (shared by all connections). */
async function load(url: string, bodies: readonly string[], seconds: number): Promise<Result> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }),
      },
    ],
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
  }
  return result;
}

type Cell = { rps: number; p50: number; p99: number };
const cell = (r: Result): Cell => ({ rps: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99 });

/** Measures one cell after a short warm-up (which lets graphql-jit compile, JIT and caches settle). */
async function measure(url: string, bodies: readonly string[]): Promise<Cell> {
  await load(url, bodies, quick ? 0.5 : 1);
  return cell(await load(url, bodies, duration));
}

const started = Date.now();
console.log(
  `HTTP benchmark: ${duration} s per cell after a warm-up, ${connections} connections, loopback; ` +
    `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`,
);
console.log(`Data: ${store.graph.order} entities, ${store.graph.size} relations.`);

for (const op of ops) for (const server of servers) for (const b of op.bodies.slice(0, 5)) await check(server.url, op, b);

const bareBodies = [JSON.stringify({ query: '{ __typename }' })];
const ceiling = await measure(`http://127.0.0.1:${ports.bare}/`, bareBodies);

const rows: { op: Operation; cells: Record<ServerKey, Cell> }[] = [];
for (const op of ops) {
  const cells = {} as Record<ServerKey, Cell>;
  for (const server of servers) cells[server.key] = await measure(server.url, op.bodies);
  rows.push({ op, cells });
  process.stderr.write('.');
}
process.stderr.write('\n');

// The table.
const fmt = {
  rps: (n: number) => Math.round(n).toLocaleString('en-US'),
  ms: (n: number) => String(Math.round(n)), // autocannon records latency in whole milliseconds
  ratio: (n: number) => n.toFixed(2),
};
const table: string[][] = [
  ['operation', 'server', 'req/s', 'p50 ms', 'p99 ms', '÷ ceiling', '÷ mercurius+jit'],
  ['ceiling: fixed JSON body', 'node:http', fmt.rps(ceiling.rps), fmt.ms(ceiling.p50), fmt.ms(ceiling.p99), '1.00', ''],
];
for (const { op, cells } of rows) {
  for (const server of servers) {
    const c = cells[server.key];
    table.push([
      server.key === 'uncached' ? `${op.title} (${op.bodies.length} variants)` : '',
      server.label,
      fmt.rps(c.rps),
      fmt.ms(c.p50),
      fmt.ms(c.p99),
      fmt.ratio(c.rps / ceiling.rps),
      server.key === 'mercurius' ? '' : fmt.ratio(c.rps / cells.mercurius.rps),
    ]);
  }
}
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
const numeric = (i: number) => i >= 2;
const line = (row: string[]) =>
  `| ${row.map((s, i) => (numeric(i) ? s.padStart(widths[i]!) : s.padEnd(widths[i]!))).join(' | ')} |`;
console.log();
console.log(line(table[0]!));
console.log(`|${widths.map((w, i) => (numeric(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
console.log();
console.log(
  'ours, uncached: the response cache off, every request parsed, validated, costed and run. --jit: the same, ' +
    'compiled by graphql-jit. ours, cached: as `npm start` serves (the warm-up has seen every variant, so these are ' +
    'hits). mercurius+jit caches nothing.',
);
console.log('Latencies are in whole milliseconds (autocannon\'s resolution).');
console.log('The machine may be shared: compare ratios measured in the same run, not absolute figures across runs.');
console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

stopChild();
process.exit(0);
