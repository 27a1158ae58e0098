/**
 * The server under fuzzing, in a child process of its own (node --expose-gc --import tsx): the real HTTP
 * server over the bundled data, built as main.ts builds it, on a free loopback port. Apart from the fuzzer,
 * its heap can be measured after a forced GC, a crash is an exit the test sees, and a request that hangs
 * the event loop can be timed out and the process killed. Talks to the test over IPC:
 *   → { port }                     once listening
 *   ← { type: 'memory', seq }      → { seq, heapUsed } after a full GC
 *   ← { type: 'logs', ids, seq }   → { seq, logs } what the server logged while answering those (recent) requests
 */
import { createServer } from 'node:http';
import type { YogaLogger } from 'graphql-yoga';
import { pino } from 'pino';
import { defaultConfig, defaultDataDir } from '../../src/server/config.js';
import { answerClientErrors } from '../../src/server/http-policy.js';
import { createPolicyYoga } from '../../src/server/yoga.js';
import { fuzzJitDocuments, fuzzResponseCacheMb } from './harness.js';
import { loadStore } from '../../src/store/load.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) throw new Error('run me with --expose-gc as a child process with an IPC channel');

/** The fuzz request being answered (requests come one at a time), so that log lines can be traced to it. */
let current = '';
const logs = new Map<string, string[]>();
const record = (level: string) => (...args: unknown[]) => {
  const line = `${level}: ${args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ')}`;
  logs.set(current, [...(logs.get(current) ?? []), line.slice(0, 2_000)].slice(-5));
  // Only the latest requests' logs are kept (the test asks right after a bad answer), so the heap stays flat.
  for (const id of [...logs.keys()].slice(0, Math.max(0, logs.size - 50))) logs.delete(id);
};
const logger: YogaLogger = { debug: () => {}, info: () => {}, warn: record('warn'), error: record('error') };

const store = await loadStore(defaultDataDir);
// Request lines are written as in production (main.ts), so that logging each request is fuzzed too; to nowhere.
const log = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
const yoga = createPolicyYoga({ getStore: () => store, logger, log, config: { ...defaultConfig, responseCacheMb: fuzzResponseCacheMb, jit: true, jitMaxDocuments: fuzzJitDocuments } });
const server = answerClientErrors(
  createServer((request, response) => {
    current = String(request.headers['x-fuzz-id'] ?? '');
    logs.delete(current);
    return yoga(request, response);
  }),
);

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});

// The test is gone (finished, killed or crashed): so is the server, rather than an orphan holding a port.
process.on('disconnect', () => process.exit(0));
process.on('message', async (message: { type: string; seq: number; ids?: string[] }) => {
  const { seq } = message;
  if (message.type === 'memory') {
    // Several passes with turns of the event loop between them, so that closed sockets and finalizers go too.
    for (let pass = 0; pass < 4; pass++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    process.send!({ seq, heapUsed: process.memoryUsage().heapUsed });
  } else if (message.type === 'logs') {
    process.send!({ seq, logs: Object.fromEntries((message.ids ?? []).map((id) => [id, logs.get(id) ?? []])) });
  }
});
