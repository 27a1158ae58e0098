import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plugin } from 'graphql-yoga';
import { DataHolder, type LoadOutcome } from '../../src/server/data-holder.js';
import { createPolicyYoga } from '../../src/server/yoga.js';
import { loadStore } from '../../src/store/load.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureFiles, fixtureStore, type FixtureFiles, writeDataSet } from '../fixtures.js';
import { freePort } from './free-port.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

/** Starts `src/server/main.ts` as `npm start` does on `dataDir`, collecting its JSON log lines. */
async function start(dataDir: string, args: string[] = []) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--port', String(port), '--host', '127.0.0.1', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', DATA_DIR: dataDir },
  });
  children.push(child);
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const logs = () => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; msg: string; [k: string]: unknown });
  const base = `http://127.0.0.1:${port}`;
  const health = async () => (await fetch(`${base}/health`)).json();
  const nameOfDibao = async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ lookup(name: "低保") { id name } }' }),
    });
    return ((await response.json()) as { data: { lookup: { name: string }[] } }).data.lookup[0]!.name;
  };
  await waitFor(() => logs().some((l) => l.msg.startsWith('serving')), 'the start-up line');
  return { child, base, logs, health, nameOfDibao };
}

async function waitFor(check: () => boolean, what: string, ms = 15_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const assistance = (f: FixtureFiles) => f['topic/assistance.yaml']!;
const rewrite = (dir: string, files: FixtureFiles, name: keyof FixtureFiles & string) => writeFile(join(dir, name), stringify(files[name]));

/** Two server processes share 2 cores with the rest of the suite in CI: start-up alone can take seconds. */
const spawned = { timeout: 40_000 };

describe('reloading the data set of the real server', () => {
  it('swaps in a valid change on SIGHUP, and keeps serving the last good data set when a change breaks it', spawned, async () => {
    const files = fixtureFiles();
    const dir = await writeDataSet(files);
    const server = await start(dir);
    const first = await server.health();
    expect(first).toMatchObject({ status: 'ok', lastReload: { trigger: 'start-up', ok: true, dataVersion: first.dataVersion, problems: 0 } });
    expect(await server.nameOfDibao()).toBe('最低生活保障');

    assistance(files).entities![0].name = '城乡最低生活保障';
    await rewrite(dir, files, 'topic/assistance.yaml');
    server.child.kill('SIGHUP');
    await waitFor(() => server.logs().some((l) => l.msg.startsWith('reloaded')), 'the reload line');
    const reloaded = server.logs().find((l) => l.msg.startsWith('reloaded'))!;
    const second = await server.health();
    expect(second.dataVersion).not.toBe(first.dataVersion);
    expect(reloaded.msg).toMatch(new RegExp(`^reloaded \\(SIGHUP\\) — 15 entities \\(.*\\), \\d+ relations from 3 files in .*, loaded in \\d+ ms \\(data version ${second.dataVersion}\\); was data version ${first.dataVersion}$`));
    expect(second.lastReload).toMatchObject({ trigger: 'SIGHUP', ok: true, dataVersion: second.dataVersion, problems: 0 });
    expect(await server.nameOfDibao()).toBe('城乡最低生活保障');

    assistance(files).entities![0].name = '坏了';
    assistance(files).relations![0].to = 'agency:nowhere';
    assistance(files).entities![7].value = 'many';
    await rewrite(dir, files, 'topic/assistance.yaml');
    server.child.kill('SIGHUP');
    await waitFor(() => server.logs().some((l) => l.msg.startsWith('refused')), 'the refusal');
    const refusal = server.logs().find((l) => l.msg.startsWith('refused'))!;
    expect(refusal.level).toBe(50);
    expect(refusal).toMatchObject({ trigger: 'SIGHUP', dataVersion: second.dataVersion });
    expect(refusal.problems).toEqual([
      expect.objectContaining({ file: 'topic/assistance.yaml', path: 'entities[7].value', line: expect.any(Number), message: expect.stringContaining('expected number') }),
      expect.objectContaining({ file: 'topic/assistance.yaml', path: 'relations[0].to', line: expect.any(Number), message: expect.stringContaining('agency:nowhere: no entity has this id') }),
    ]);
    expect(refusal.msg).toContain(`2 problem(s); still serving data version ${second.dataVersion}`);
    expect(refusal.msg).toMatch(/topic\/assistance\.yaml:\d+ at relations\[0\]\.to: ISSUED_BY to agency:nowhere: no entity has this id/);
    expect(refusal.msg).toMatch(/topic\/assistance\.yaml:\d+ at entities\[7\]\.value: Invalid input: expected number/);
    const third = await server.health();
    expect(third.dataVersion).toBe(second.dataVersion);
    expect(third.lastReload).toMatchObject({ trigger: 'SIGHUP', ok: false, dataVersion: second.dataVersion, problems: 2 });
    expect(await server.nameOfDibao()).toBe('城乡最低生活保障');
    expect((await fetch(`${server.base}/ready`)).status).toBe(200);

    server.child.kill('SIGTERM');
    expect((await once(server.child, 'exit'))[0]).toBe(0);
  });

  it('with --watch-data, picks up a valid change without a signal', spawned, async () => {
    const files = fixtureFiles();
    const dir = await writeDataSet(files);
    const server = await start(dir, ['--watch-data', 'true']);
    const before = await server.health();
    assistance(files).entities![0].name = '城乡最低生活保障';
    await rewrite(dir, files, 'topic/assistance.yaml');
    await waitFor(() => server.logs().some((l) => l.msg.startsWith('reloaded (file change: topic/assistance.yaml)')), 'the reload line');
    const after = await server.health();
    expect(after.dataVersion).not.toBe(before.dataVersion);
    expect(after.lastReload).toMatchObject({ trigger: 'file change: topic/assistance.yaml', ok: true });
    expect(await server.nameOfDibao()).toBe('城乡最低生活保障');
  });
});

/** A pino logger whose JSON lines land in `lines`. */
function capturingLogger() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  return { lines, logger: pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) }) };
}

const post = (yoga: ReturnType<typeof createPolicyYoga>, query: string) =>
  yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

describe('DataHolder', () => {
  it('lets a request that took its store before a reload complete on that store', async () => {
    const files = fixtureFiles();
    const dir = await writeDataSet(files);
    const holder = new DataHolder(dir, capturingLogger().logger);
    await holder.reload('start-up');
    const old = holder.current();
    let reloadedDuring: Promise<LoadOutcome> | undefined;
    let contexts = 0;
    let executedAfterSwap = false;
    // The first request, with its context (and so its store) built, waits before executing until a whole reload
    // of a changed data set has loaded and swapped in.
    const midRequestReload: Plugin = {
      async onExecute() {
        if (reloadedDuring) return;
        assistance(files).entities![0].name = '城乡最低生活保障';
        await rewrite(dir, files, 'topic/assistance.yaml');
        await (reloadedDuring = holder.reload('SIGHUP'));
        // Runs only if execution waited for this hook, i.e. the fields below were resolved after the swap.
        return { onExecuteDone: () => void (executedAfterSwap = holder.current() !== old) };
      },
    };
    const getStore = () => (contexts++, holder.current());
    const yoga = createPolicyYoga({ getStore, data: holder, plugins: [midRequestReload] });
    const query = '{ lookup(name: "低保") { name } program: node(id: "program:dibao") { ... on Program { name } } }';
    const during = await (await post(yoga, query)).json();
    expect(await reloadedDuring).toMatchObject({ ok: true, trigger: 'SIGHUP' });
    expect(executedAfterSwap).toBe(true);
    expect(during.data).toEqual({ lookup: [{ name: '最低生活保障' }], program: { name: '最低生活保障' } });
    expect(contexts).toBe(1);
    const after = await (await post(yoga, query)).json();
    expect(after.data).toEqual({ lookup: [{ name: '城乡最低生活保障' }], program: { name: '城乡最低生活保障' } });
  });

  it('refuses a broken data set with the full report in one log line and keeps the last good store', async () => {
    const files = fixtureFiles();
    const dir = await writeDataSet(files);
    const { lines, logger } = capturingLogger();
    const holder = new DataHolder(dir, logger);
    expect(await holder.reload('start-up')).toMatchObject({ ok: true, problems: [] });
    const good = holder.current();
    expect(lines.filter((l) => l.level >= 30)).toEqual([]); // the first data set is announced by serve.ts

    assistance(files).entities![7].unit = '万只';
    await rewrite(dir, files, 'topic/assistance.yaml');
    const refused = await holder.reload('SIGHUP');
    expect(refused).toMatchObject({ ok: false, trigger: 'SIGHUP', dataVersion: good.info.version });
    expect(refused.problems).toEqual([expect.objectContaining({ file: 'topic/assistance.yaml', path: 'entities[7].unit' })]);
    expect(holder.current()).toBe(good);
    const errors = lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.problems).toEqual(refused.problems);
    expect(errors[0]!.msg).toMatch(/^refused the data set in .* \(SIGHUP\): 1 problem\(s\); still serving data version [0-9a-f]{16}:\ntopic\/assistance\.yaml:\d+ at entities\[7\]\.unit: unit "万只"/);

    // A data directory that went away is refused the same way, as a problem naming the directory.
    await rm(dir, { recursive: true });
    const gone = await holder.reload('SIGHUP');
    expect(gone).toMatchObject({ ok: false, problems: [expect.objectContaining({ file: dir, message: expect.stringContaining('ENOENT') })] });
    expect(holder.current()).toBe(good);
  });

  it('never runs two loads at once: triggers during a load coalesce into one more load', async () => {
    const stores = [await fixtureStore(), await fixtureStore((f) => (assistance(f).entities![0].nameEn = 'Dibao'))];
    const pending: ((store: PolicyStore) => void)[] = [];
    let active = 0;
    let most = 0;
    const load = () =>
      new Promise<PolicyStore>((resolve) => {
        most = Math.max(most, ++active);
        pending.push((store) => {
          active--;
          resolve(store);
        });
      });
    const holder = new DataHolder('fixture', capturingLogger().logger, load);
    const first = holder.reload('start-up');
    const more = [holder.reload('SIGHUP'), holder.reload('file change: a.yaml'), holder.reload('SIGHUP')];
    expect(pending).toHaveLength(1);
    pending[0]!(stores[0]!);
    expect(await first).toMatchObject({ ok: true, trigger: 'start-up' });
    await waitFor(() => pending.length === 2, 'the queued load');
    pending[1]!(stores[1]!);
    const outcomes = await Promise.all(more);
    expect(new Set(outcomes).size).toBe(1);
    expect(outcomes[0]).toMatchObject({ ok: true, trigger: 'SIGHUP', dataVersion: stores[1]!.info.version });
    expect([pending.length, most]).toEqual([2, 1]);
    expect(holder.current()).toBe(stores[1]);
  });

  it('is not ready until the first data set is in: /ready and GraphQL answer 503, liveness 200', async () => {
    let finish: (store: PolicyStore) => void = () => {};
    const holder = new DataHolder('fixture', capturingLogger().logger, () => new Promise((resolve) => (finish = resolve)));
    const yoga = createPolicyYoga({ getStore: () => holder.current(), data: holder });
    const loading = holder.reload('start-up');

    const ready = await yoga.fetch('http://yoga/ready');
    expect([ready.status, await ready.json()]).toEqual([503, { ready: false, dataVersion: null }]);
    expect((await yoga.fetch('http://yoga/health/live')).status).toBe(200);
    const health = await yoga.fetch('http://yoga/health');
    expect([health.status, await health.json()]).toEqual([503, { status: 'loading', dataVersion: null, loadedAt: null, pid: process.pid, lastReload: null }]);
    const early = await post(yoga, '{ lookup(name: "低保") { id } }');
    expect([early.status, early.headers.get('retry-after')]).toEqual([503, '1']);
    expect(await early.json()).toEqual({ errors: [{ message: expect.stringContaining('still loading'), extensions: { code: 'NOT_READY' } }] });

    const store = await loadStore(await writeDataSet(fixtureFiles()));
    finish(store);
    await loading;
    const readyNow = await yoga.fetch('http://yoga/ready');
    expect([readyNow.status, await readyNow.json()]).toEqual([200, { ready: true, dataVersion: store.info.version }]);
    expect((await (await post(yoga, '{ lookup(name: "低保") { id } }')).json()).data).toEqual({ lookup: [{ id: 'program:dibao' }] });
  });
});
