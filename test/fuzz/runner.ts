import fc from 'fast-check';
import type { Family, Input } from './families.js';
import type { Answer, FuzzRequest, Server } from './harness.js';
import { type Violation, type ViolationKind, violations } from './oracle.js';
import type { SchemaModel } from './schema-model.js';
import type { Corpus } from './tape.js';

/** A rule broken, with everything needed to replay it: seed, family, run and the request itself. */
export type Finding = Violation & {
  family: string;
  run: number;
  seed: number;
  request: FuzzRequest;
  answer: Answer;
  logs: string[];
  /** fast-check's replay path once shrunk (`run:shrink:steps`). */
  path?: string;
};

export type RunOptions = {
  seed: number;
  runs: number;
  budgetMs: number;
  timeoutMs: number;
  families: Family[];
  /** Only these families (all when empty); the others keep their seeds, so a family replays alone. */
  only: string[];
};
/** One request and its answer, kept for the statistics (without the bodies); `data`: it returned some data. */
export type Exchange = { family: string; run: number; request: FuzzRequest; answer: Answer; data: boolean };

/** The seed of a family within a run: each family draws its own sequence, so any one can be replayed alone. */
export const familySeed = (seed: number, index: number) => (seed + index * 0x9e3779b1) | 0;

/**
 * Sends the requests of every family to the server, one at a time, and checks every answer. Stops sending
 * (and reports it) when the time budget is spent or the server no longer answers.
 */
export async function fuzz(server: Server, model: SchemaModel, corpus: Corpus, options: RunOptions) {
  const findings: Finding[] = [];
  const exchanges: Exchange[] = [];
  /** Families whose share of the time budget ran out before their last request. */
  const budget: string[] = [];
  const started = performance.now();
  let stopped: string | null = null;
  const chosen = options.families.filter((f) => options.only.length === 0 || options.only.includes(f.name));
  for (const [index, family] of options.families.entries()) {
    if (!chosen.includes(family)) continue;
    const seed = familySeed(options.seed, index);
    const numRuns = Math.max(1, Math.round(options.runs * family.share));
    // Each family gets its share of the time left, so that a slow one cannot starve those after it.
    const sharesLeft = chosen.slice(chosen.indexOf(family)).reduce((sum, f) => sum + f.share, 0);
    const left = options.budgetMs - (performance.now() - started);
    const deadline = performance.now() + (left * family.share) / sharesLeft;
    let run = 0;
    let late = false;
    const property = fc.asyncProperty(family.arbitrary, async (input: Input) => {
      const current = run++;
      if (stopped || late) return true;
      if (performance.now() > deadline) {
        late = true;
        budget.push(`${family.name} after ${current} of ${numRuns}`);
        return true;
      }
      const request = family.build(input, model, corpus);
      const id = `${family.name}-${current}`;
      const answer = await server.send(request, id, options.timeoutMs);
      const data = 'body' in answer && answer.body.includes('"data":{');
      exchanges.push({ family: family.name, run: current, request: summary(request), answer: { ...answer, ...('body' in answer ? { body: Buffer.alloc(0) } : {}) }, data });
      const found = violations(request, answer);
      if (found.length > 0 || server.exit) {
        const alive = await answers(server);
        if (!alive) found.push({ kind: 'crash', detail: server.exit ?? 'the server stopped answering /health' });
        const logs = alive ? await logsOf(server, id) : [server.stderr.slice(-3_000)];
        for (const v of found) findings.push({ ...v, family: family.name, run: current, seed, request, answer, logs });
        if (!alive) stopped = `the server died or hung at family ${family.name} run ${current}`;
      }
      return true;
    });
    await fc.assert(property, { seed, numRuns });
  }
  if (budget.length > 0 && !stopped) stopped = `the time budget of ${options.budgetMs} ms ran out: ${budget.join(', ')}`;
  return { findings, exchanges, stopped, ms: Math.round(performance.now() - started) };
}

/**
 * Requests of the everyday families sent all at once rather than one by one: the server under concurrent load
 * (shared caches, request bookkeeping, timers) must answer each as it would alone. Judged like the others.
 */
export async function burst(server: Server, model: SchemaModel, corpus: Corpus, families: Family[], seed: number, count: number, timeoutMs: number) {
  const everyday = families.filter((f) => ['schema', 'variables', 'http'].includes(f.name));
  const requests = everyday.flatMap((family, index) =>
    fc.sample(family.arbitrary, { seed: familySeed(seed, 100 + index), numRuns: Math.ceil(count / everyday.length) }).map((input, run) => ({ family, run, request: family.build(input, model, corpus) })),
  );
  const started = performance.now();
  const answered = await Promise.all(requests.map(async (r) => ({ ...r, answer: await server.send(r.request, `burst-${r.family.name}-${r.run}`, timeoutMs) })));
  const findings: Finding[] = answered.flatMap(({ family, run, request, answer }) =>
    violations(request, answer).map((v) => ({ ...v, family: `${family.name} (burst)`, run, seed, request, answer, logs: [] })),
  );
  return { findings, count: requests.length, ms: Math.round(performance.now() - started) };
}

/** True when the server answers /health within a few seconds. */
export async function answers(server: Server): Promise<boolean> {
  if (server.exit) return false;
  const answer = await server.send({ method: 'GET', path: '/health', headers: {} }, 'health', 5_000);
  return 'status' in answer && answer.status === 200;
}

/** What the server logged while answering a request; a server too busy to tell says so instead of failing the run. */
async function logsOf(server: Server, id: string): Promise<string[]> {
  try {
    return (await server.logs([id]))[id] ?? [];
  } catch (error) {
    return [`(no log: ${(error as Error).message})`];
  }
}

/** A request without its body bytes beyond what the summary needs (the run's log keeps thousands of them). */
function summary(request: FuzzRequest): FuzzRequest {
  if ('raw' in request) return { raw: request.raw.subarray(0, 200) };
  return { ...request, path: request.path.slice(0, 200), body: request.body?.subarray(0, 200) };
}

/**
 * Replays the first finding of a kind with fast-check's path and shrinks it to a smaller request that breaks the
 * same rule. Bounded: after `budgetMs` every candidate passes, and fast-check settles on the smallest so far.
 */
export async function shrink(finding: Finding, family: Family, server: Server, model: SchemaModel, corpus: Corpus, budgetMs: number, timeoutMs: number): Promise<Finding> {
  const started = performance.now();
  let smallest = finding;
  let attempt = 0;
  const property = fc.asyncProperty(family.arbitrary, async (input: Input) => {
    if (performance.now() - started > budgetMs || server.exit) return true;
    const request = family.build(input, model, corpus);
    const id = `shrink-${attempt++}`;
    const answer = await server.send(request, id, timeoutMs);
    const found = violations(request, answer).find((v) => v.kind === finding.kind);
    if (!found) return !(finding.kind === 'crash' && !(await answers(server)));
    if (size(request) <= size(smallest.request)) {
      smallest = { ...finding, ...found, request, answer, logs: await logsOf(server, id) };
    }
    return false;
  });
  const details = await fc.check(property, { seed: finding.seed, path: String(finding.run), numRuns: 1 });
  return { ...smallest, ...(details.failed ? { path: details.counterexamplePath ?? undefined } : {}) };
}

const size = (request: FuzzRequest) => ('raw' in request ? request.raw.length : (request.body?.length ?? 0) + request.path.length);

export type { ViolationKind };
