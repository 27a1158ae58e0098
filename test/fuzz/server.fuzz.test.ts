/**
 * Fuzzing the real server (issue 5): thousands of generated and mutated queries, variables and HTTP requests
 * sent over loopback to http.createServer(createPolicyYoga(…)) over the bundled data, in a child process
 * (test/fuzz/server-process.ts) so that its heap can be measured after a forced GC and a hang can be cut off.
 *
 * Every answer: no 5xx, no masked internal error, no stack trace, a parseable body (a GraphQL response from
 * /graphql). After the run: the server still answers /health, and its heap is back within 20 MB of where
 * it was before. Each run logs its seed; to replay one:
 *   FUZZ_SEED=<seed> npx vitest run test/fuzz           the same requests again
 *   FUZZ_RUNS=20000                                      more requests (default 3000)
 *   FUZZ_FAMILIES=http,bombs                             only these families (each keeps its own sequence)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../src/api/index.js';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { families } from './families.js';
import { type FuzzRequest, fuzzJitDocuments, fuzzResponseCacheMb, type Server, startServer } from './harness.js';
import { findingsReport, statistics } from './report.js';
import { answers, burst, type Finding, fuzz, shrink } from './runner.js';
import { SchemaModel } from './schema-model.js';
import { type Corpus, corpusOf } from './tape.js';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be a whole number, not "${process.env.FUZZ_SEED}"`);
const runs = Number(process.env.FUZZ_RUNS ?? 3_000);
const only = (process.env.FUZZ_FAMILIES ?? '').split(',').filter(Boolean);
/**
 * A ceiling on the run's time, for machines far slower than expected: when spent, sending stops (said in the
 * log) and the answers so far are judged. A request that hangs is caught by `timeoutMs`, not by this.
 */
const budgetMs = Number(process.env.FUZZ_BUDGET_MS ?? Math.max(60_000, runs * 20));
/** No request may take longer than the server's own request timeout (10 s by default) and then some. */
const timeoutMs = 15_000;
/** What the heap may grow by: 20 MB, what the bounded response cache may hold, and the compiled documents (harness.ts). */
const heapSlackBytes = (20 + fuzzResponseCacheMb + 1.5 * fuzzJitDocuments) * 2 ** 20;
/** Requests sent at once after the run, to see the server under concurrent load. */
const burstSize = 150;

let server: Server;
let corpus: Corpus;
const model = new SchemaModel(schema);

beforeAll(async () => {
  [server, corpus] = await Promise.all([startServer(), loadStore(defaultDataDir).then(corpusOf)]);
}, 120_000);
afterAll(async () => server?.stop());

/**
 * Requests of each sort the run will make, enough to fill the server's bounded caches (parsed documents, GraphiQL
 * assets): the baseline is the heap of a server in steady use, and what the run adds beyond it is a leak.
 */
async function warmUp() {
  const requests: FuzzRequest[] = [
    { method: 'GET', path: '/health', headers: {} },
    { method: 'GET', path: '/graphql', headers: { accept: 'text/html' } },
    { method: 'GET', path: '/graphiql/assets/graphiql.css', headers: {} },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode('{"query":"{ search(text: \\"低保\\") { totalCount } }"}') },
  ];
  for (const request of requests) await server.send(request, 'warm-up', timeoutMs);
  // Everyday requests only: the bombs are for the run, where a server they stall is a finding.
  await fuzz(server, model, corpus, { seed: seed + 1, runs: 400, budgetMs, timeoutMs, families, only: ['schema', 'mutated', 'variables', 'http'] });
}

it('answers thousands of fuzzed requests without a 5xx, a crash or a leak', { timeout: budgetMs + 120_000 }, async () => {
  console.log(`fuzz seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npx vitest run test/fuzz)`);
  await warmUp();
  const baseline = await server.heapUsed().catch((error: Error) => {
    throw new Error(`the server did not measure its heap after the warm-up (seed ${seed}): ${error.message}\n${server.stderr}`);
  });

  const run = await fuzz(server, model, corpus, { seed, runs, budgetMs, timeoutMs, families, only });
  const concurrent = (await answers(server)) ? await burst(server, model, corpus, families, seed, burstSize, timeoutMs) : { findings: [], count: 0, ms: 0 };
  run.findings.push(...concurrent.findings);
  const alive = await answers(server);
  const after = alive ? await server.heapUsed().catch(() => Number.NaN) : Number.NaN;
  const growth = after - baseline;

  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  console.log(
    [
      ...(run.stopped ? [`fuzz seed ${seed}: sending stopped early: ${run.stopped}`] : []),
      `fuzz seed ${seed}: ${run.exchanges.length} requests in ${(run.ms / 1000).toFixed(1)} s (${Math.round((run.exchanges.length / run.ms) * 1000)}/s), ${run.findings.length} finding(s)`,
      statistics(run.exchanges),
      `then ${concurrent.count} requests at once: answered in ${concurrent.ms} ms, ${concurrent.findings.length} finding(s)`,
      `server heap after GC: ${mb(baseline)} before, ${mb(after)} after (${growth >= 0 ? '+' : ''}${mb(growth)}; allowed +${mb(heapSlackBytes)})`,
    ].join('\n'),
  );

  // The first finding of each kind, shrunk to a smaller request that breaks the same rule (bounded in time).
  const counts = new Map<string, number>();
  const firsts: Finding[] = [];
  for (const finding of run.findings) {
    counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
    if (counts.get(finding.kind) === 1) firsts.push(finding);
  }
  // Hangs and crashes are reported as found: each attempt to shrink them could stall the server again.
  const shrunk: Finding[] = [];
  const shrinkUntil = performance.now() + 60_000;
  for (const finding of firsts) {
    const left = shrinkUntil - performance.now();
    const family = families.find((f) => f.name === finding.family); // none for the burst's findings
    if (!family || ['crash', 'noAnswer'].includes(finding.kind) || left < 1_000) {
      shrunk.push(finding);
      continue;
    }
    if (!(await answers(server))) {
      await server.stop();
      server = await startServer();
    }
    shrunk.push(await shrink(finding, family, server, model, corpus, Math.min(15_000, left), timeoutMs));
  }
  const report = findingsReport(shrunk, counts, seed, runs);
  if (report) console.log(report);

  expect(run.findings.length, `fuzz seed ${seed} found:\n${report}`).toBe(0);
  expect(alive, `the server stopped answering after the run (seed ${seed})`).toBe(true);
  expect(growth, `server heap grew by ${mb(growth)} over the run (seed ${seed})`).toBeLessThan(heapSlackBytes);
});
