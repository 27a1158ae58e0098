/** The server given a snapshot (--snapshot FILE, SNAPSHOT): it serves the snapshot's store, and refuses a damaged one. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.js';
import { DataHolder } from '../../src/server/data-holder.js';
import { loadStore } from '../../src/store/load.js';
import { writeSnapshot } from '../../src/store/snapshot.js';
import { fixtureFiles, writeDataSet } from '../fixtures.js';
import { freePort } from './free-port.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

let snapshot = '';
let version = '';
beforeAll(async () => {
  const dir = await writeDataSet(fixtureFiles());
  const store = await loadStore(dir);
  version = store.info.version;
  snapshot = join(dir, 'fixture.snapshot');
  await writeSnapshot(store, snapshot);
});

describe('the snapshot setting', () => {
  it('is read from --snapshot or SNAPSHOT, and is unset by default', () => {
    expect(readConfig([], {}).snapshot).toBeUndefined();
    expect(readConfig([], { SNAPSHOT: '/srv/graph.snapshot' }).snapshot).toBe('/srv/graph.snapshot');
    expect(readConfig(['--snapshot', '/other.snapshot'], { SNAPSHOT: '/srv/graph.snapshot' }).snapshot).toBe('/other.snapshot');
  });

  it('makes the data holder load the snapshot, and keep the last good store when a reload finds it damaged', async () => {
    const holder = new DataHolder(snapshot, pino({ level: 'silent' }));
    expect(await holder.reload('start-up')).toMatchObject({ ok: true, dataVersion: version });
    expect(holder.current().lookup('低保').map((e) => e.id)).toEqual(['program:dibao']);
    const good = await readFile(snapshot);
    const damaged = Buffer.from(good);
    damaged[damaged.length - 10]! ^= 0xff;
    await writeFile(snapshot, damaged);
    try {
      const outcome = await holder.reload('SIGHUP');
      expect(outcome).toMatchObject({ ok: false, dataVersion: version });
      expect(outcome.problems[0]!.message).toMatch(new RegExp(`^cannot load the data set: snapshot ${snapshot}: section derived:rankings fails its checksum`));
    } finally {
      await writeFile(snapshot, good);
    }
  });

  it('serves the snapshot over HTTP with its data version (npm start -- --snapshot FILE)', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--snapshot', snapshot, '--port', String(port), '--host', '127.0.0.1'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'info', DATA_DIR: '/nonexistent' },
    });
    children.push(child);
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    while (!stdout.includes('serving')) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(stdout).toContain(`files in ${snapshot}`);
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'ok', dataVersion: version });
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ search(text: "低保", first: 1) { edges { node { id } } } }' }),
    });
    expect((await response.json()).data).toEqual({ search: { edges: [{ node: { id: 'program:dibao' } }] } });
    child.kill('SIGTERM');
    expect((await once(child, 'exit'))[0]).toBe(0);
  });
});
