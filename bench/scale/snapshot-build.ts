/**
 * The snapshot of a cached data set, built once with the project's own command (`policy-graph snapshot`) in a
 * process of its own, and kept beside the data set so that a rerun reuses it. Written to a scratch file and
 * renamed when complete, so an interrupted build never leaves half a snapshot.
 */
import { spawn } from 'node:child_process';
import { access, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { snapshotFileOf } from './load-strategies.js';

const cli = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));

export type SnapshotBuild = { ok: true; file: string; builtSeconds: number | null } | { ok: false; reason: string; seconds: number };

/** The snapshot of `dataDir`, built now unless one is kept; builtSeconds is null when it was. */
export async function ensureSnapshot(dataDir: string, heapMb: number, timeoutMs: number, onNote: (line: string) => void): Promise<SnapshotBuild> {
  const file = snapshotFileOf(dataDir);
  if (await access(file).then(() => true, () => false)) return { ok: true, file, builtSeconds: null };
  const scratch = `${file}.partial`;
  const started = Date.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', cli, 'snapshot', '--data-dir', dataDir, '--out', scratch], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-2000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  if (code !== 0) {
    await rm(scratch, { force: true });
    const last = tail.trim().split('\n').at(-1) ?? '';
    const seconds = (Date.now() - started) / 1000;
    if (timedOut) {
      const limit = timeoutMs < 60_000 ? `${(timeoutMs / 1000).toFixed(1)} s` : `${Number((timeoutMs / 60_000).toFixed(1))} min`;
      return { ok: false, reason: `building the snapshot passed its ${limit} time limit`, seconds };
    }
    return { ok: false, reason: `building the snapshot failed (${signal ? `killed by ${signal}` : `exit code ${code}`}): ${last.slice(0, 200)}`, seconds };
  }
  await rename(scratch, file);
  const builtSeconds = (Date.now() - started) / 1000;
  onNote(`built ${file} in ${builtSeconds.toFixed(1)} s`);
  return { ok: true, file, builtSeconds };
}
