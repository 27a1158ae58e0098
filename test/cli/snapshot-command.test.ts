/** `policy-graph snapshot`, run as a user runs it: the written file loads as the store the data files give. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadStore } from '../../src/store/load.js';
import { readSnapshotHeader } from '../../src/store/snapshot-file.js';
import { loadSnapshot } from '../../src/store/snapshot.js';
import { fixtureFiles, writeDataSet } from '../fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function run(args: string[]) {
  const child = spawn(process.execPath, [join(root, 'src/cli/policy-graph.mjs'), ...args], { cwd: root, env: { ...process.env, DATA_DIR: '' } });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (output.stdout += d));
  child.stderr.on('data', (d) => (output.stderr += d));
  const [code] = await once(child, 'exit');
  return { code: code as number, ...output };
}

describe('policy-graph snapshot', { timeout: 90_000 }, () => {
  it('writes a snapshot of the data set that loads as the same store', async () => {
    const dataDir = await writeDataSet(fixtureFiles());
    const out = join(await writeDataSet({}), 'fixture.snapshot');
    const { code, stdout, stderr } = await run(['snapshot', '--data-dir', dataDir, '--out', out, '--no-progress']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const files = await loadStore(dataDir);
    expect(stdout).toMatch(new RegExp(`^wrote ${out}: ${files.graph.order} entities, ${files.graph.size} relations, data version ${files.info.version}, [\\d.]+ MB`));
    expect((await readSnapshotHeader(out)).dataVersion).toBe(files.info.version);
    expect((await loadSnapshot(out)).graph.export()).toEqual(files.graph.export());
  });

  it('writes nothing for a data set with problems, and prints them', async () => {
    const broken = fixtureFiles();
    broken['places.yaml']!.relations!.push({ type: 'PART_OF', from: 'region:450100', to: 'region:nowhere', citations: [{ span: '南宁市' }] });
    const dataDir = await writeDataSet(broken);
    const out = join(dataDir, 'never.snapshot');
    const { code, stderr } = await run(['snapshot', '--data-dir', dataDir, '--out', out, '--no-progress']);
    expect(code).toBe(1);
    expect(stderr).toContain('no snapshot written');
    expect(stderr).toContain('PART_OF to region:nowhere: no entity has this id');
    await expect(access(out)).rejects.toThrow(/ENOENT/);
  });
});
