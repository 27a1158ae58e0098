import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureFiles, writeDataSet } from '../fixtures.js';
import { freePort } from './free-port.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

/** Starts `src/server/main.ts` as `npm start` does, collecting its output. */
function start(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
  });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (output.stdout += d));
  child.stderr.on('data', (d) => (output.stderr += d));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output, exited };
}

async function waitFor(check: () => boolean, what: string, ms = 15_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start', () => {
  it('serves the bundled data over HTTP, logs one start-up line, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = start({ PORT: String(port), HOST: '127.0.0.1' });
    await waitFor(() => server.output.stdout.includes('serving'), 'the start-up line');
    const line = JSON.parse(server.output.stdout.trim().split('\n')[0]!);
    expect(line.msg).toMatch(/^serving http:\/\/localhost:\d+\/graphql — \d+ entities \(.*\), \d+ relations from \d+ files in .*, loaded in \d+ ms/);

    const base = `http://127.0.0.1:${port}`;
    const health = await (await fetch(`${base}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', dataVersion: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(health.pid).toBe(server.child.pid); // one process by default: no cluster
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://frontend.example' },
      body: JSON.stringify({ query: '{ lookup(name: "自治区民政厅") { id name } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://frontend.example');
    expect(await response.json()).toEqual({
      data: { lookup: [{ id: 'agency:gx-civil-affairs', name: '广西壮族自治区民政厅' }] },
      extensions: { cost: { requested: 3, limit: 10_000 } },
    });

    const page = await fetch(`${base}/`, { redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([302, '/graphql']);
    const graphiql = await (await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(graphiql).toContain('/graphiql/assets/yoga-graphiql.umd.js');
    expect(graphiql).not.toMatch(/https?:\/\/(unpkg|cdn|raw\.githubusercontent)/);
    const script = await fetch(`${base}/graphiql/assets/yoga-graphiql.umd.js`);
    expect(script.status).toBe(200);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses a broken data set: exits non-zero naming file and path, and never listens', async () => {
    const files = fixtureFiles();
    files['topic/assistance.yaml']!.relations![0].to = 'agency:nowhere';
    files['topic/assistance.yaml']!.entities![7].value = 'many';
    const port = await freePort();
    const server = start({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: await writeDataSet(files) });
    expect(await server.exited).toBe(1);
    expect(server.output.stderr).toContain('2 problem(s)');
    expect(server.output.stderr).toMatch(/topic\/assistance\.yaml:\d+ at relations\[0\]\.to: ISSUED_BY to agency:nowhere: no entity has this id/);
    expect(server.output.stderr).toMatch(/topic\/assistance\.yaml:\d+ at entities\[7\]\.value: Invalid input: expected number/);
    expect(server.output.stdout).not.toContain('serving');
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('refuses bad configuration, naming the setting', async () => {
    const server = start({ PORT: 'eighty' });
    expect(await server.exited).toBe(2);
    expect(server.output.stderr).toContain('invalid configuration');
    expect(server.output.stderr).toContain('port (--port, PORT): Invalid input: expected number');
  });

  it('takes flags over the environment', async () => {
    const port = await freePort();
    const server = start({ PORT: '1' }, ['--port', String(port), '--host', '127.0.0.1']);
    await waitFor(() => server.output.stdout.includes('serving'), 'the start-up line');
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
