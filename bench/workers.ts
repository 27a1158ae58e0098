/**
 * `npx tsx bench/workers.ts`: what `--workers N` buys. Runs the real server twice, as `npm start` does (default
 * configuration, request logs on, to /dev/null), once with one process and once with N workers, and loads each in
 * turn over loopback with the operations of the HTTP benchmark (bench/operations.ts, same bodies, ids varied).
 * Both servers start before any measuring and idle while the other is measured, so machine drift hits both alike.
 * The load generator (autocannon) runs in this process and needs a core of its own: on a machine with C cores,
 * more than C − 1 workers only compete with it.
 *
 *   npx tsx bench/workers.ts                          N = one per core, 5 s per cell, node and entity-page
 *   npx tsx bench/workers.ts --workers 2 --only node,search,entity-page --duration 10
 *   npx tsx bench/workers.ts --quick                  1 s per cell: proves it works, not speed
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { get } from 'node:http';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { defaultDataDir } from '../src/server/config.js';
import { loadStore } from '../src/store/load.js';
import { freePort } from '../test/server/free-port.js';
import { operations } from './operations.js';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: String(availableParallelism()) },
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string', default: 'node,entity-page' },
  },
  strict: true,
});
const workers = Number(args.workers);
const duration = Number(args.duration ?? (args.quick ? 1 : 5));
const connections = Number(args.connections);
if (!Number.isInteger(workers) || workers < 2) throw new Error('--workers must be a whole number of at least 2 (1 is the baseline)');
if (!(duration > 0) || !(connections > 0)) throw new Error('--duration and --connections must be positive numbers');

const dataDir = process.env.BENCH_DATA_DIR ?? defaultDataDir;
const store = await loadStore(dataDir);
const wanted = args.only.split(',').map((s) => s.trim());
const ops = operations(store).filter((op) => wanted.includes(op.key));
if (ops.length !== wanted.length) throw new Error(`unknown operation in --only; known: ${operations(store).map((o) => o.key).join(', ')}`);

const root = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM')));

/** `GET path` over a new connection: the status and JSON body (null when nothing listens yet). */
const getJson = (port: number, path: string) =>
  new Promise<{ status: number; body: { pid?: number } } | null>((resolve) => {
    get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      let text = '';
      response.on('data', (d) => (text += d));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    }).on('error', () => resolve(null));
  });

/** Starts `src/server/main.ts --workers n` and resolves to its port once n distinct processes answer /health. */
async function startServer(n: number): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--workers', String(n), '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const seen = new Set<number>();
  const until = Date.now() + 120_000;
  while (seen.size < n) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`the server with ${n} worker(s) did not start`);
    const health = await getJson(port, '/health');
    if (health?.status === 200 && health.body.pid) seen.add(health.body.pid);
    else await new Promise((r) => setTimeout(r, 200));
  }
  return port;
}

type Cell = { rps: number; p50: number; p99: number };

/** autocannon for `seconds` against the port, each request's body the next of `bodies`. */
async function load(port: number, bodies: readonly string[], seconds: number): Promise<Result> {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: bodies[next++ % bodies.length]! }) }],
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) throw new Error(`port ${port}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  return result;
}

async function measure(port: number, bodies: readonly string[]): Promise<Cell> {
  await load(port, bodies, args.quick ? 0.5 : 1);
  const r = await load(port, bodies, duration);
  return { rps: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99 };
}

const [single, cluster] = [await startServer(1), await startServer(workers)];
console.log(`${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}; ${connections} connections, ${duration} s per cell\n`);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const rows = [`| operation | 1 process req/s | p50 / p99 ms | ${workers} workers req/s | p50 / p99 ms | ${workers} ÷ 1 |`, '|---|---:|---:|---:|---:|---:|'];
for (const op of ops) {
  const one = await measure(single, op.bodies);
  const many = await measure(cluster, op.bodies);
  rows.push(`| ${op.title} | ${int(one.rps)} | ${one.p50} / ${one.p99} | ${int(many.rps)} | ${many.p50} / ${many.p99} | ${(many.rps / one.rps).toFixed(2)} |`);
  console.log(rows.at(-1));
}
console.log(`\n${rows.join('\n')}`);
process.exit(0);
