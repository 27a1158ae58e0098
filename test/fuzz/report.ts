import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answer, FuzzRequest } from './harness.js';
import { excerpt, violationKinds } from './oracle.js';
import type { Exchange, Finding } from './runner.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

function bytesText(bytes: Uint8Array): string {
  try {
    return excerpt(decoder.decode(bytes));
  } catch {
    return `(not UTF-8, ${bytes.length} bytes) base64 ${Buffer.from(bytes.subarray(0, 450)).toString('base64')}${bytes.length > 450 ? '…' : ''}`;
  }
}

export function describeRequest(request: FuzzRequest): string {
  if ('raw' in request) return `raw bytes over TCP: ${bytesText(request.raw)}`;
  const headers = Object.entries(request.headers).map(([k, v]) => `\n      ${k}: ${excerpt(v, 200)}`).join('');
  const body = request.body === undefined ? '' : `\n      body (${request.body.length} bytes): ${bytesText(request.body)}`;
  return `${request.method} ${excerpt(request.path, 300)}${headers}${body}`;
}

export function describeAnswer(answer: Answer): string {
  if ('error' in answer) return `no answer after ${answer.ms} ms: ${answer.error}`;
  return `${answer.status} ${answer.headers['content-type'] ?? '(no content type)'} in ${answer.ms} ms: ${bytesText(answer.body)}`;
}

/** Writes the full request to a file beside a curl command that replays it against `npm start`. */
function writeReplay(finding: Finding, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${finding.kind}-${finding.family}-${finding.run}`);
  if ('raw' in finding.request) {
    writeFileSync(`${base}.raw`, finding.request.raw);
    return `nc 127.0.0.1 4000 < ${base}.raw`;
  }
  const { method, path, headers, body } = finding.request;
  if (body) writeFileSync(`${base}.body`, body);
  const flags = Object.entries(headers).map(([k, v]) => `-H ${JSON.stringify(`${k}: ${v}`)}`);
  return ['curl -i', `-X ${method}`, ...flags, ...(body ? [`--data-binary @${base}.body`] : []), JSON.stringify(`http://127.0.0.1:4000${path}`)].join(' ');
}

/** The findings, one block per kind of broken rule: how often, the smallest request found and how to replay it. */
export function findingsReport(firsts: Finding[], counts: Map<string, number>, seed: number, runs: number): string {
  const dir = join(tmpdir(), 'policy-graph-fuzz', String(seed));
  return firsts
    .map((f) => [
      `✗ ${violationKinds[f.kind]}: ${counts.get(f.kind)} time(s); first in family ${f.family}, run ${f.run}`,
      `    detail:   ${f.detail}`,
      `    request:  ${describeRequest(f.request)}`,
      `    answer:   ${describeAnswer(f.answer)}`,
      ...(f.logs.length > 0 ? [`    server log: ${f.logs.map((l) => excerpt(l, 500)).join('\n                ')}`] : []),
      f.family.endsWith('(burst)')
        ? `    replay:   FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npx vitest run test/fuzz (sent with the others at once, after the run)`
        : `    replay:   FUZZ_SEED=${seed} FUZZ_RUNS=${runs} FUZZ_FAMILIES=${f.family} npx vitest run test/fuzz (run ${f.run} of the family${f.path ? `, shrunk along fast-check path ${f.path}` : ''})`,
      `    by hand:  ${writeReplay(f, dir)}`,
    ].join('\n'))
    .join('\n\n');
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Requests per family, statuses, latencies and the slowest requests of a run. */
export function statistics(exchanges: Exchange[]): string {
  const byFamily = new Map<string, number>();
  const withData = new Map<string, number>();
  const byStatus = new Map<string, number>();
  for (const { family, answer, data } of exchanges) {
    byFamily.set(family, (byFamily.get(family) ?? 0) + 1);
    if (data) withData.set(family, (withData.get(family) ?? 0) + 1);
    const status = 'error' in answer ? 'none' : String(answer.status);
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }
  const ms = exchanges.map((e) => e.answer.ms).sort((a, b) => a - b);
  const slowest = [...exchanges].sort((a, b) => b.answer.ms - a.answer.ms).slice(0, 3);
  const list = (m: Map<string, number>) => [...m].sort().map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `requests by family (with data, i.e. executed): ${[...byFamily].sort().map(([k, v]) => `${k} ${v} (${withData.get(k) ?? 0})`).join(', ')}`,
    `statuses: ${list(byStatus)}`,
    `latency: median ${quantile(ms, 0.5)} ms, p99 ${quantile(ms, 0.99)} ms, max ${ms.at(-1) ?? 0} ms`,
    ...slowest.map((e) => `slow: ${e.answer.ms} ms, ${e.family} run ${e.run}: ${describeRequest(e.request).split('\n')[0]!.slice(0, 160)}`),
  ].join('\n');
}
