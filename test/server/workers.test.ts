import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureFiles, type FixtureFiles, writeDataSet } from '../fixtures.js';
import { freePort } from './free-port.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

type LogLine = { level: number; msg: string; pid: number; [k: string]: unknown };
type Health = { status: string; dataVersion: string; pid: number };

/** Starts `src/server/main.ts --workers 2` as `npm start -- --workers 2` does, collecting its output. */
async function startCluster(dataDir: string, args: string[] = []) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--workers', '2', '--port', String(port), '--host', '127.0.0.1', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', DATA_DIR: dataDir },
  });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (output.stdout += d));
  child.stderr.on('data', (d) => (output.stderr += d));
  const logs = () => output.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, port, output, logs, exited };
}

/** GET over a new connection each time (no keep-alive), so that the cluster hands each one to a worker in turn. */
function getJson<T>(port: number, path: string): Promise<T> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      let body = '';
      response.on('data', (d) => (body += d));
      response.on('end', () => resolve(JSON.parse(body) as T));
    }).on('error', reject);
  });
}

/** /health asked `times` times: which pids answered, and which data versions they reported. */
async function sampleHealth(port: number, times = 10) {
  const answers: Health[] = [];
  for (let i = 0; i < times; i++) answers.push(await getJson<Health>(port, '/health'));
  return { pids: new Set(answers.map((a) => a.pid)), versions: new Set(answers.map((a) => a.dataVersion)) };
}

async function waitFor(check: () => boolean, what: string, ms = 20_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const assistance = (f: FixtureFiles) => f['topic/assistance.yaml']!;
const rewrite = (dir: string, files: FixtureFiles) => writeFile(join(dir, 'topic/assistance.yaml'), stringify(assistance(files)));
const hasLog = (logs: () => LogLine[], start: string) => () => logs().some((l) => l.msg.startsWith(start));

/** Three processes start on 2 shared cores, each loading the data set: allow for a slow machine. */
const spawned = { timeout: 60_000 };

describe('--workers 2', () => {
  it('answers from two worker processes on one port, reloads both on SIGHUP, replaces a killed one, and stops them all on SIGTERM', spawned, async () => {
    const files = fixtureFiles();
    const dir = await writeDataSet(files);
    const server = await startCluster(dir);
    await waitFor(hasLog(server.logs, 'serving'), 'the start-up line');
    const serving = server.logs().filter((l) => l.msg.startsWith('serving'));
    expect(serving).toHaveLength(1);
    expect(serving[0]!.pid).toBe(server.child.pid);
    expect(serving[0]!.msg).toMatch(new RegExp(`^serving http://localhost:${server.port}/graphql — 15 entities .*; 2 workers \\(pids \\d+, \\d+\\)$`));

    const before = await sampleHealth(server.port);
    expect(before.pids.size).toBe(2);
    expect(before.pids.has(server.child.pid!)).toBe(false);
    expect(before.versions.size).toBe(1);

    assistance(files).entities![0].name = '城乡最低生活保障';
    await rewrite(dir, files);
    server.child.kill('SIGHUP');
    await waitFor(hasLog(server.logs, 'reload (SIGHUP)'), 'the reload summary');
    const summary = server.logs().find((l) => l.msg.startsWith('reload (SIGHUP)'))!;
    expect(summary.msg).toMatch(/^reload \(SIGHUP\): 2 workers reloaded; serving data version [0-9a-f]{16}$/);
    // Each worker logs its own reload (pino writes asynchronously, so its line may follow the primary's).
    const workerReloads = () => server.logs().filter((l) => l.msg.startsWith('reloaded (SIGHUP)'));
    await waitFor(() => workerReloads().length === 2, 'both workers\' reload lines');
    expect(workerReloads().map((l) => l.pid).sort()).toEqual([...before.pids].sort());
    const reloaded = await sampleHealth(server.port);
    expect(reloaded.pids).toEqual(before.pids);
    expect(reloaded.versions.size).toBe(1);
    expect(reloaded.versions).not.toEqual(before.versions);
    expect(summary.msg).toContain([...reloaded.versions][0]);

    const [killed, survivor] = [...before.pids];
    process.kill(killed!, 'SIGKILL');
    await waitFor(hasLog(server.logs, `worker 3 (pid`), 'the replacement');
    expect(server.logs().find((l) => l.msg.startsWith(`worker 1 (pid ${killed})`) || l.msg.startsWith(`worker 2 (pid ${killed})`))!.msg).toMatch(
      /exited unexpectedly \(signal SIGKILL\); starting a replacement in 250 ms$/,
    );
    const replaced = await sampleHealth(server.port);
    expect(replaced.pids.size).toBe(2);
    expect(replaced.pids.has(survivor!)).toBe(true);
    expect(replaced.pids.has(killed!)).toBe(false);
    expect(replaced.versions).toEqual(reloaded.versions);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect([...before.pids, ...replaced.pids].filter(isRunning)).toEqual([]);
    expect(server.logs().filter((l) => l.msg === 'SIGTERM: shutting down').map((l) => l.pid)).toHaveLength(3);
  });

  it('with --watch-data, the primary watches and every worker reloads once per change', spawned, async () => {
    const files = fixtureFiles();
    const dir = await writeDataSet(files);
    const server = await startCluster(dir, ['--watch-data', 'true']);
    await waitFor(hasLog(server.logs, 'serving'), 'the start-up line');
    const before = await sampleHealth(server.port, 6);
    assistance(files).entities![0].name = '城乡最低生活保障';
    await rewrite(dir, files);
    await waitFor(hasLog(server.logs, 'reload (file change: topic/assistance.yaml): 2 workers reloaded'), 'the reload summary');
    const after = await sampleHealth(server.port, 6);
    expect(after.pids.size).toBe(2);
    expect(after.versions.size).toBe(1);
    expect(after.versions).not.toEqual(before.versions);
    // One watcher (the primary's): each worker reloads once, on the primary's request, and no more after it.
    const workerReloads = () => server.logs().filter((l) => l.msg.startsWith('reloaded ('));
    await waitFor(() => workerReloads().length >= 2, 'both workers\' reload lines');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(workerReloads().map((l) => l.pid).sort()).toEqual([...after.pids].sort());
  });

  it('refuses a broken data set once, not once per worker: exits 1 with one report and never serves', spawned, async () => {
    const files = fixtureFiles();
    assistance(files).relations![0].to = 'agency:nowhere';
    const server = await startCluster(await writeDataSet(files));
    expect(await server.exited).toBe(1);
    expect(server.output.stderr.match(/Refusing to serve/g)).toHaveLength(1);
    expect(server.output.stderr).toMatch(/1 problem\(s\) in the data set:\ntopic\/assistance\.yaml:\d+ at relations\[0\]\.to: ISSUED_BY to agency:nowhere: no entity has this id/);
    const refusals = server.logs().filter((l) => l.msg.startsWith('refused the data set'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ level: 50, pid: server.child.pid, problems: [expect.objectContaining({ path: 'relations[0].to' })] });
    expect(server.output.stdout).not.toContain('serving');
    await expect(getJson(server.port, '/health')).rejects.toThrow();
  });
});
