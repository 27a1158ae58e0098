/**
 * Runs bench/scale/child.ts for one size in a fresh Node process, with its own heap limit, a time limit and an
 * optional resident-memory limit, watching its memory from outside (Linux /proc) so that a run that is killed or
 * dies still says how far it got and how much memory it reached. Never throws for a failed child: it reports it.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildJob } from './child.js';
import type { SizeMeasurement } from './measure.js';

export type ChildLimits = { heapMb: number; timeoutMs: number; rssLimitMb: number | null };

export type ChildResult =
  | { finished: true; measured: SizeMeasurement }
  | { finished: false; reason: string; lastNote: string | null; peakRssBytes: number | null; readBytes: number | null; seconds: number };

const childScript = fileURLToPath(new URL('./child.ts', import.meta.url));

/**
 * A process's resident memory now and at its peak, and the bytes it has read (data files, and its modules), from
 * Linux /proc; null where /proc is not there. The bytes read tell how far a loader got that says nothing itself.
 */
function watchOf(pid: number): { rss: number; peak: number; read: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    const read = Number(/^rchar:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
    return { rss: kb('VmRSS'), peak: kb('VmHWM'), read };
  } catch {
    return null;
  }
}

/** Why a child that exited without a measurement failed, from its exit and the end of its stderr. */
function failureReason(code: number | null, signal: NodeJS.Signals | null, stderrTail: string[], heapMb: number): string {
  const text = stderrTail.join('\n');
  if (/heap out of memory|Reached heap limit/.test(text)) return `out of memory (JavaScript heap limit ${heapMb} MB)`;
  const error = [...stderrTail].reverse().find((line) => line.startsWith('failed: ')) ?? [...stderrTail].reverse().find((line) => /Error\b/.test(line));
  return `${signal ? `killed by ${signal}` : `exit code ${code}`}${error ? `: ${error.replace(/^failed: /, '').trim().slice(0, 240)}` : ''}`;
}

const duration = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Number((ms / 60_000).toFixed(1))} min`);

/** Runs the child for one job; progress lines are passed on to `onNote` as they come. */
export function runChild(job: ChildJob, limits: ChildLimits, onNote: (line: string) => void): Promise<ChildResult> {
  const child = spawn(process.execPath, [`--max-old-space-size=${limits.heapMb}`, '--expose-gc', '--import', 'tsx', childScript, JSON.stringify(job)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  let stdout = '';
  const stderrTail: string[] = [];
  let lastNote: string | null = null;
  const started = Date.now();
  let peak = 0;
  let read = 0;
  let killedFor: string | null = null;
  const kill = (reason: string) => {
    killedFor ??= reason;
    child.kill('SIGKILL');
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  let partial = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      stderrTail.push(line);
      if (stderrTail.length > 40) stderrTail.shift();
      if (/^\[\d+ s\] /.test(line)) lastNote = line;
      onNote(line);
    }
  });
  const watch = setInterval(() => {
    const seen = child.pid === undefined ? null : watchOf(child.pid);
    if (!seen) return;
    peak = Math.max(peak, seen.peak, seen.rss);
    read = Math.max(read, seen.read);
    if (limits.rssLimitMb !== null && seen.rss > limits.rssLimitMb * 1e6) kill(`resident memory passed the ${limits.rssLimitMb} MB limit`);
  }, 250);
  const timer = setTimeout(() => kill(`passed its ${duration(limits.timeoutMs)} time limit`), limits.timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(watch);
      clearTimeout(timer);
      process.removeListener('exit', stopOnExit);
      const json = stdout.trim().split('\n').at(-1);
      if (code === 0 && json) {
        resolve({ finished: true, measured: JSON.parse(json) as SizeMeasurement });
        return;
      }
      const reason = killedFor ?? failureReason(code, signal, [...stderrTail, partial], limits.heapMb);
      resolve({ finished: false, reason, lastNote, peakRssBytes: peak || null, readBytes: read || null, seconds: (Date.now() - started) / 1000 });
    });
  });
}
