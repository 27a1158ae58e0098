/**
 * The servers under test, in one child process of bench/http.ts (which runs the load generator in its own process,
 * so that client and servers do not share an event loop). All listen on 127.0.0.1 only, on free ports:
 *   - bare: node:http answering a fixed small JSON body, the ceiling for any Node server on this machine;
 *   - ours: createPolicyYoga over the bundled data set, on node:http, as `npm start` serves it (default config:
 *     the response cache on, graphql-jit off);
 *   - oursUncached: the same with the response cache off, so that every request parses, validates and executes;
 *   - oursJit: uncached too, with graphql-jit on (--jit), as a deployment with a fixed set of documents may run;
 *   - mercurius: the same schema and the same store object on fastify, with graphql-jit (`jit: 1`).
 * It sends `{ ports }` to the parent over IPC once all three listen, and exits when the parent disconnects.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { schema } from '../src/api/index.js';
import { defaultConfig, defaultDataDir } from '../src/server/config.js';
import { createPolicyYoga } from '../src/server/yoga.js';
import { loadStore } from '../src/store/load.js';

export type ServerPorts = { bare: number; ours: number; oursUncached: number; oursJit: number; mercurius: number };

const host = '127.0.0.1';
const store = await loadStore(process.env.BENCH_DATA_DIR ?? defaultDataDir);

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

// (1) The ceiling: no parsing, no routing, a fixed body.
const bareBody = JSON.stringify({ data: { node: { id: 'region:450000', name: '广西壮族自治区' } } });
const bareLength = String(Buffer.byteLength(bareBody));
const bare = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bareLength });
    res.end(bareBody);
  });
});

// (2) Ours, with the default configuration (cost budget, limits, observability, jit, cache) as `npm start` has it,
// and the same without the response cache.
const ours = createServer(createPolicyYoga({ getStore: () => store, config: defaultConfig }));
const oursUncached = createServer(createPolicyYoga({ getStore: () => store, config: { ...defaultConfig, responseCache: false } }));
const oursJit = createServer(createPolicyYoga({ getStore: () => store, config: { ...defaultConfig, responseCache: false, jit: true } }));

// (3) The peer: same schema, same store, mercurius with graphql-jit compiling each query on its first use.
const fastify = Fastify({ logger: false });
await fastify.register(mercurius, { schema, jit: 1, context: () => ({ store }) });
await fastify.listen({ port: 0, host });

const ports: ServerPorts = {
  bare: await listen(bare),
  ours: await listen(ours),
  oursUncached: await listen(oursUncached),
  oursJit: await listen(oursJit),
  mercurius: (fastify.server.address() as AddressInfo).port,
};

function stop() {
  bare.closeAllConnections();
  bare.close();
  for (const server of [ours, oursUncached, oursJit]) {
    server.closeAllConnections();
    server.close();
  }
  void fastify.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}

if (process.send) {
  process.send({ ports });
  process.on('disconnect', stop);
} else {
  console.log(JSON.stringify({ ports }));
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
