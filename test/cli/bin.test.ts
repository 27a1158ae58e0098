/** The `policy-graph` executable, run as a user runs it: src/cli/policy-graph.mjs in a child process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MultiDirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFiles, writeDataSet } from '../fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'src/cli/policy-graph.mjs');
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

function start(args: string[], script = bin) {
  const child = spawn(process.execPath, [...(script === bin ? [] : ['--import', 'tsx']), script, ...args], { cwd: root, env: { ...process.env, DATA_DIR: '' } });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (output.stdout += d));
  child.stderr.on('data', (d) => (output.stderr += d));
  const exited = once(child, 'exit').then(([code]) => code as number);
  return { child, output, exited };
}

async function run(args: string[], script = bin) {
  const { output, exited } = start(args, script);
  const code = await exited;
  return { code, ...output };
}

let dataDir = '';
let tmp = '';
beforeAll(async () => {
  dataDir = await writeDataSet(fixtureFiles());
  tmp = await writeDataSet({});
});

// Each test starts node and tsx a few times: seconds each on a busy machine.
const slow = { timeout: 90_000 };

describe('policy-graph --help', slow, () => {
  it('lists the subcommands, and each has its own help', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['serve', 'validate', 'extract', 'export', 'stats', 'schema']) expect(top.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    const helps = await Promise.all(['serve', 'validate', 'extract', 'export', 'stats', 'schema'].map((c) => run([c, '--help'])));
    for (const [i, command] of ['serve', 'validate', 'extract', 'export', 'stats', 'schema'].entries()) {
      expect(helps[i]!.code).toBe(0);
      expect(helps[i]!.stdout).toContain(`Usage: policy-graph ${command}`);
    }
    expect(helps[0]!.stdout).toMatch(/--data-dir <value>[\s\S]*--max-cost <value>/);
    expect(helps[3]!.stdout.replace(/\s+/g, ' ')).toContain('--format <format> the format (choices: "json", "gexf", "graphml", "jsonld", "turtle", "neo4j")');
    for (const flag of ['--kinds', '--around', '--depth', '--data-dir', '--graph', '--base', '--out', '--progress']) expect(helps[3]!.stdout).toContain(flag);
    for (const [i] of helps.entries()) if (i !== 5) expect(helps[i]!.stdout).toContain('--data-dir');
  });
});

describe('policy-graph export', slow, () => {
  it('writes GEXF to stdout, with nothing on stderr when it is not a terminal', async () => {
    const { code, stdout, stderr } = await run(['export', '--format', 'gexf', '--data-dir', dataDir]);
    expect([code, stderr]).toEqual([0, '']);
    const graph = gexf.parse(MultiDirectedGraph, stdout);
    expect([graph.order, graph.size]).toEqual([15, 21]);
    expect(graph.getNodeAttribute('program:dibao', 'label')).toBe('最低生活保障');
  });

  it('draws progress on stderr with --progress, and says what it wrote with --out', async () => {
    const out = join(tmp, 'part.ttl');
    const { code, stderr } = await run(['export', '--format', 'turtle', '--kinds', 'POLICY,AGENCY', '--data-dir', dataDir, '--out', out, '--progress']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/relations \|[█░]+\| 100% 5\/5/);
    expect(stderr).toMatch(/wrote .*part\.ttl: 4 entities, 5 relations \(turtle, data version [0-9a-f]{16}\)/);
    expect(await readFile(out, 'utf8')).toContain('policy:notice a pgo:Policy, schema:Legislation');
  });

  it('round-trips through native JSON: stats of the export equal stats of the data set', async () => {
    const file = join(tmp, 'graph.json');
    expect((await run(['export', '--format', 'json', '--data-dir', dataDir, '--out', file])).code).toBe(0);
    const [fromDir, fromFile] = await Promise.all([run(['stats', '--json', '--data-dir', dataDir]), run(['stats', '--json', '--graph', file])]);
    const counts = ({ dataVersion, entities, relations, kinds, relationTypes }: Record<string, unknown>) => ({ dataVersion, entities, relations, kinds, relationTypes });
    expect(counts(JSON.parse(fromFile.stdout))).toEqual(counts(JSON.parse(fromDir.stdout)));
    expect(JSON.parse(fromDir.stdout)).toMatchObject({ entities: 15, relations: 21, kinds: { METRIC: 3 }, relationTypes: { ISSUED_BY: 2 } });
    const around = await run(['export', '--format', 'graphml', '--graph', file, '--around', 'policy:regulation']);
    expect(around.code).toBe(0);
    expect(around.stdout.match(/<node id=/g)).toHaveLength(2);
  });

  it('writes Neo4j files to a directory or a ZIP file, and needs --out', async () => {
    const dir = join(tmp, 'neo4j');
    expect((await run(['export', '--format', 'neo4j', '--data-dir', dataDir, '--out', dir])).code).toBe(0);
    const files = await readdir(dir);
    expect(files).toContain('README.txt');
    expect(files.filter((f) => f.startsWith('nodes-'))).toHaveLength(9);
    expect((await run(['export', '--format', 'neo4j', '--data-dir', dataDir, '--out', join(tmp, 'n.zip')])).code).toBe(0);
    expect((await readFile(join(tmp, 'n.zip'))).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const none = await run(['export', '--format', 'neo4j', '--data-dir', dataDir]);
    expect([none.code, none.stderr.trim()]).toEqual([2, 'error: --out: neo4j writes several files: give --out DIR (or --out FILE.zip)']);
  });

  it('refuses bad filters, an unknown format or entity (exit 2) and a broken data set (exit 1)', async () => {
    const [kinds, format, entity] = await Promise.all([
      run(['export', '--format', 'json', '--kinds', 'POLICY,LAWS', '--depth', '2', '--data-dir', dataDir]),
      run(['export', '--format', 'csv', '--data-dir', dataDir]),
      run(['export', '--format', 'json', '--around', 'policy:nowhere', '--data-dir', dataDir]),
    ]);
    expect([kinds.code, kinds.stderr]).toEqual([2, expect.stringMatching(/^error: --kinds: unknown kind "LAWS"/)]);
    expect([format.code, format.stderr]).toEqual([1, expect.stringMatching(/argument 'csv' is invalid. Allowed choices are json, gexf/)]);
    expect([entity.code, entity.stderr.trim()]).toEqual([2, 'error: --around: no entity has the id policy:nowhere']);
    const files = fixtureFiles();
    files['topic/assistance.yaml']!.relations![0].to = 'agency:nowhere';
    const broken = await run(['export', '--format', 'json', '--data-dir', await writeDataSet(files)]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/1 problem; fix them first[\s\S]*ISSUED_BY to agency:nowhere: no entity has this id/);
    expect(broken.stdout).toBe('');
  });
});

describe('the other subcommands share their code with the npm scripts', slow, () => {
  it('validate prints what npm run validate prints', async () => {
    const [viaBin, viaScript] = await Promise.all([
      run(['validate', '--data-dir', dataDir, '--strict']),
      run(['--data-dir', dataDir, '--strict'], join(root, 'src/cli/validate.ts')),
    ]);
    expect(viaBin).toEqual(viaScript);
    expect(viaBin.stdout).toMatch(/valid — 3 files, 15 entities, 21 relations/);
  });

  it('extract prints what npm run extract prints', async () => {
    const text = join(tmp, 'text.txt');
    await writeFile(text, '全区共纳入低保对象279.8万人,另有约3.3亿元。\n');
    const [viaBin, viaScript] = await Promise.all([
      run(['extract', text, '--data-dir', dataDir, '--json']),
      run([text, '--data-dir', dataDir, '--json'], join(root, 'src/cli/extract.ts')),
    ]);
    expect(viaBin).toEqual(viaScript);
    expect(viaBin.code).toBe(1);
    expect(JSON.parse(viaBin.stdout).summary).toMatchObject({ figures: 2, missing: 1 });
  });

  it('schema prints the SDL, and the data files’ JSON Schema with --data-file', async () => {
    const [sdl, json] = await Promise.all([run(['schema']), run(['schema', '--data-file'])]);
    expect(sdl.code).toBe(0);
    expect(sdl.stdout).toMatch(/^type Query \{/m);
    expect(JSON.parse(json.stdout).title).toBe('Policy graph data file');
  });

  it('stats counts by kind and relation type', async () => {
    const { code, stdout } = await run(['stats', '--data-dir', dataDir, '--kinds', 'POLICY,AGENCY']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^data version [0-9a-f]{16}: /);
    expect(stdout).toMatch(/^entities\s+4$/m);
    expect(stdout).toMatch(/^ {2}ISSUED_BY\s+2$/m);
  });

  it('serve runs the server as npm start does, and stops on SIGTERM', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const server = start(['serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir, '--log-level', 'info']);
    const until = Date.now() + 20_000;
    while (!server.output.stdout.includes('serving')) {
      if (Date.now() > until || server.child.exitCode !== null) throw new Error(`no start-up line: ${server.output.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(((await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { entities: number }).entities).toBe(15);
    const exported = await fetch(`http://127.0.0.1:${port}/export/json?kinds=POLICY`);
    expect(exported.headers.get('content-type')).toBe('application/json');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
