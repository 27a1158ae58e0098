/**
 * `--workers N`: the node:cluster primary. It loads no data and answers no request; it forks N workers (each runs
 * serveProcess over its own copy of the data set, all on one port that cluster shares), reports their start-up
 * once, replaces a worker that dies (with backoff, giving up on a crash loop), passes reloads on (SIGHUP, and file
 * changes when it watches the data), and on SIGTERM or SIGINT stops them all gracefully before it exits.
 */
import cluster, { type Worker } from 'node:cluster';
import type { FSWatcher } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { type DataProblem, formatProblems } from '../store/problems.js';
import type { Config } from './config.js';
import { createLogger } from './logger.js';
import { defaultRestartLimits, type RestartLimits, RestartPolicy } from './restart-policy.js';
import { startupRefusal } from './serve.js';
import { isWorkerMessage, type WorkerMessage, type WorkerSettings, workerSettingsVariable } from './worker-messages.js';

type Reloaded = Extract<WorkerMessage, { type: 'reloaded' }>;

/** One forked worker as the primary knows it. */
type Member = {
  worker: Worker;
  pid: number;
  /** The version it serves, once its first data set is in. */
  dataVersion: string | null;
  /** It refused the data set as it started, and exits. */
  refused: boolean;
  /** Reload requests it has not answered yet, by request id. */
  waiting: Map<number, (reply: Reloaded | null) => void>;
};

/** How long workers get to finish their requests and exit after SIGTERM before they are killed. */
const stopGraceMs = 8_000;

/** Runs the primary until it stops; resolves to the exit code: 0 after SIGTERM/SIGINT, 1 when it cannot serve. */
export function servePrimary(config: Config, limits: RestartLimits = defaultRestartLimits): Promise<number> {
  cluster.setupPrimary({ exec: fileURLToPath(new URL('./worker-entry.ts', import.meta.url)), args: [], execArgv: workerExecArgv() });
  return new Promise((resolve) => new WorkerPool(config, createLogger(config.logLevel), new RestartPolicy(limits), resolve).start());
}

/** The primary's Node flags, plus tsx's loader when it was registered in-process (`policy-graph serve`). */
function workerExecArgv(): string[] {
  const withTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  return withTsx ? process.execArgv : [...process.execArgv, '--import', import.meta.resolve('tsx')];
}

class WorkerPool {
  private readonly members = new Map<number, Member>();
  private phase: 'starting' | 'running' | 'stopping' = 'starting';
  /** Workers that refused the data set after start-up: forked again on the next reload, not in a loop. */
  private parked = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private watcher: FSWatcher | undefined;
  private reloads = 0;
  private exitCode = 0;

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
    private readonly policy: RestartPolicy,
    private readonly finish: (code: number) => void,
  ) {}

  start() {
    process.on('SIGHUP', () => void this.reloadAll('SIGHUP'));
    process.once('SIGTERM', () => this.stop('SIGTERM: shutting down', 0));
    process.once('SIGINT', () => this.stop('SIGINT: shutting down', 0));
    if (this.config.watchData && !this.config.snapshot) void this.watch(); // a snapshot file is replaced, then SIGHUP
    this.logger.debug(`starting ${this.config.workers} workers`);
    for (let i = 0; i < this.config.workers; i++) this.fork(true);
  }

  /** Watches the data directory for the workers (imported only then: the data holder's module loads the store's). */
  private async watch() {
    const { watchDataDir } = await import('./data-holder.js');
    if (this.phase === 'stopping') return;
    this.watcher = watchDataDir(this.config.dataDir, (file) => void this.reloadAll(`file change: ${file}`), this.logger);
  }

  private fork(listenEarly: boolean) {
    const settings: WorkerSettings = { config: this.config, listenEarly };
    const worker = cluster.fork({ [workerSettingsVariable]: JSON.stringify(settings) });
    const member: Member = { worker, pid: worker.process.pid!, dataVersion: null, refused: false, waiting: new Map() };
    this.members.set(worker.id, member);
    worker.on('message', (message) => isWorkerMessage(message) && this.onMessage(member, message));
    worker.on('exit', (code, signal) => this.onExit(member, code, signal));
    worker.on('error', (error) => this.logger.warn({ err: error, workerPid: member.pid }, `worker ${worker.id}: ${error.message}`));
  }

  private onMessage(member: Member, message: WorkerMessage) {
    const { id } = member.worker;
    switch (message.type) {
      case 'ready':
        member.dataVersion = message.dataVersion;
        if (this.phase === 'starting' && this.ready().length === this.config.workers) {
          this.phase = 'running';
          const pids = this.ready().map((m) => m.pid);
          this.logger.info(`serving http://localhost:${message.port}/graphql — ${message.description}; ${pids.length} workers (pids ${pids.join(', ')})`);
          this.warnIfMixed('start-up');
        } else if (this.phase === 'running') {
          this.logger.info({ workerPid: member.pid, dataVersion: message.dataVersion }, `worker ${id} (pid ${member.pid}) is in — data version ${message.dataVersion}`);
          this.warnIfMixed(`worker ${id} started`);
        }
        return;
      case 'refused':
        member.refused = true;
        return this.onRefused(member, message.problems);
      case 'failed':
        // It exits next; once running, that exit counts as a crash like any other.
        if (this.phase === 'starting') this.stop(`worker ${id} cannot serve: ${message.message}`, 1, 'fatal');
        return;
      case 'reloaded':
        member.waiting.get(message.id)?.(message);
        member.waiting.delete(message.id);
    }
  }

  /** At start-up a refused data set stops everything, reported once; later (a replacement) only that worker. */
  private onRefused(member: Member, problems: DataProblem[]) {
    const dataDir = this.config.snapshot ?? this.config.dataDir;
    const fields = { dataDir, workerPid: member.pid, problems };
    if (this.phase === 'starting') {
      this.logger.error(fields, `refused the data set in ${dataDir} (start-up): ${problems.length} problem(s); no data set is served:\n${formatProblems(problems)}`);
      console.error(startupRefusal(dataDir, problems));
      this.stop('stopping the workers', 1);
    } else if (this.phase === 'running') {
      this.parked++;
      this.logger.error(
        fields,
        `worker ${member.worker.id} (pid ${member.pid}) refused the data set in ${dataDir} as it started: ${problems.length} problem(s); the other workers keep serving, the next reload starts it again:\n${formatProblems(problems)}`,
      );
    }
  }

  private onExit(member: Member, code: number | null, signal: string | null) {
    const { id } = member.worker;
    this.members.delete(id);
    for (const answer of member.waiting.values()) answer(null);
    if (this.phase === 'stopping') {
      if (this.members.size === 0) this.finish(this.exitCode);
      return;
    }
    if (member.refused) return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    const decision = this.policy.afterExit(Date.now());
    if ('giveUp' in decision) {
      this.logger.error({ workerPid: member.pid, code, signal }, `worker ${id} (pid ${member.pid}) exited unexpectedly (${how})`);
      return this.stop(`the workers are crash-looping (${decision.giveUp}): giving up`, 1, 'fatal');
    }
    this.logger.error({ workerPid: member.pid, code, signal }, `worker ${id} (pid ${member.pid}) exited unexpectedly (${how}); starting a replacement in ${decision.restartInMs} ms`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.phase !== 'stopping') this.fork(this.phase === 'starting');
    }, decision.restartInMs);
    this.timers.add(timer);
  }

  /** Asks every worker to reload, then logs one line with the outcome: the version(s) served afterwards. */
  private async reloadAll(trigger: string) {
    if (this.phase === 'stopping') return;
    const targets = [...this.members.values()].filter((m) => !m.refused);
    if (this.parked > 0) {
      this.logger.info(`${trigger}: starting ${this.parked} worker(s) again that had refused the data set`);
      for (; this.parked > 0; this.parked--) this.fork(false);
    }
    const id = ++this.reloads;
    const replies = await Promise.all(targets.map((m) => this.askToReload(m, id, trigger)));
    const answered = replies.filter((r): r is Reloaded => r !== null);
    targets.forEach((m, i) => replies[i]?.dataVersion && (m.dataVersion = replies[i].dataVersion));
    const refused = answered.filter((r) => !r.ok).length;
    const versions = this.versions();
    const level = refused > 0 ? 'error' : versions.size > 1 ? 'warn' : 'info';
    const outcome = refused > 0 ? `${refused} of ${answered.length} workers refused it (their log lines list the problems)` : `${answered.length} workers reloaded`;
    this.logger[level]({ trigger, dataVersions: [...versions.keys()] }, `reload (${trigger}): ${outcome}; serving ${this.describeVersions(versions)}`);
  }

  private askToReload(member: Member, id: number, trigger: string): Promise<Reloaded | null> {
    return new Promise((resolve) => {
      member.waiting.set(id, resolve);
      member.worker.send({ type: 'reload', id, trigger }, (error: Error | null) => error && resolve(null));
    });
  }

  /** Stops every worker with SIGTERM (SIGKILL after a grace period), then finishes with `code`. */
  private stop(reason: string, code: number, level: 'info' | 'fatal' = 'info') {
    if (this.phase === 'stopping') return;
    this.phase = 'stopping';
    this.exitCode = code;
    for (const timer of this.timers) clearTimeout(timer);
    this.watcher?.close();
    this.logger[level](reason);
    if (this.members.size === 0) return this.finish(code);
    for (const m of this.members.values()) m.worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const m of this.members.values()) m.worker.process.kill('SIGKILL');
    }, stopGraceMs).unref();
  }

  private ready(): Member[] {
    return [...this.members.values()].filter((m) => m.dataVersion !== null);
  }

  /** The data versions the workers serve, each with the pids serving it. */
  private versions(): Map<string, number[]> {
    const versions = new Map<string, number[]>();
    for (const m of this.ready()) versions.set(m.dataVersion!, [...(versions.get(m.dataVersion!) ?? []), m.pid]);
    return versions;
  }

  private describeVersions(versions: Map<string, number[]>): string {
    if (versions.size === 0) return 'no data set (no worker is in)';
    if (versions.size === 1) return `data version ${[...versions.keys()][0]}`;
    return `different data versions: ${[...versions].map(([v, pids]) => `${v} (pids ${pids.join(', ')})`).join('; ')}`;
  }

  private warnIfMixed(context: string) {
    const versions = this.versions();
    if (versions.size > 1) this.logger.warn({ dataVersions: [...versions.keys()] }, `${context}: the workers serve ${this.describeVersions(versions)}`);
  }
}
