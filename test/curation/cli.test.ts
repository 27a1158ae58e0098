import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureFiles, writeDataSet } from '../fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dataDir = '';
let covered = '';
let uncovered = '';

beforeAll(async () => {
  dataDir = await writeDataSet(fixtureFiles());
  covered = join(dataDir, 'covered.txt');
  uncovered = join(dataDir, 'uncovered.txt');
  await writeFile(covered, '全区共纳入低保对象279.8万人。\n印发《关于做好低保工作的通知》\n');
  await writeFile(uncovered, '全区共纳入低保对象279.8万人,另有约3.3亿元。\n印发《不存在的办法》\n');
});

/** Runs `src/cli/extract.ts` as `npm run extract` does. */
async function run(...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/extract.ts', ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

describe('npm run extract', () => {
  it('exits 0 and prints the table when nothing is missing', async () => {
    const { code, stdout } = await run(covered, '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/FIGURE\s+279\.8万人\s+EXACT 2798000\s+PRESENT\s+metric:recipients/);
    expect(stdout).toMatch(/nothing missing/);
  });

  it('exits 1 when a figure or title is missing; --json prints the same report', async () => {
    const { code, stdout } = await run(uncovered, '--data-dir', dataDir, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ figures: 2, titles: 1, missing: 2 });
    expect(report.items.filter((i: { status?: string }) => i.status === 'MISSING').map((i: { text: string }) => i.text)).toEqual([
      '约3.3亿元',
      '《不存在的办法》',
    ]);
  });

  it('--missing-only prints only the missing items', async () => {
    const { code, stdout } = await run(uncovered, '--data-dir', dataDir, '--json', '--missing-only');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).items.map((i: { text: string }) => i.text)).toEqual(['约3.3亿元', '《不存在的办法》']);
  });

  it('exits 2 with a usage line when the file is missing or unreadable', async () => {
    expect(await run('--data-dir', dataDir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/usage: npm run extract/) });
    expect(await run(join(dataDir, 'nope.txt'), '--data-dir', dataDir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read/) });
  });
});
