import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Logger } from 'pino';
import { entityKinds } from '../model/kinds.js';
import { loadStore } from '../store/load.js';
import { type DataProblem, DataSetError, formatProblems } from '../store/problems.js';
import { loadSnapshot } from '../store/snapshot.js';
import type { PolicyStore } from '../store/store.js';

/** How one load of the data set went. */
export type LoadOutcome = {
  at: Date;
  /** What asked for it: `start-up`, `SIGHUP`, `file change: topic/x.yaml` … */
  trigger: string;
  ok: boolean;
  /** The version served after the attempt: the new one, or the last good one kept when the attempt failed. */
  dataVersion: string | null;
  /** Every problem that refused the data set; empty when it loaded. */
  problems: DataProblem[];
};

/** What /health and /ready read: the store being served (null before the first one is in) and the last attempt. */
export type DataStatus = { served(): PolicyStore | null; lastReload(): LoadOutcome | null };

/** Loads a data set from a directory of data files (loadStore), or from a snapshot file (loadSnapshot). */
export async function loadDataSet(source: string): Promise<PolicyStore> {
  const isFile = await stat(source).then((s) => s.isFile(), () => false);
  return isFile ? loadSnapshot(source) : loadStore(source);
}

/** `271 entities (…), 516 relations from 8 files in data, loaded in 270 ms (data version dde39d00ad639304)`. */
export function describeStore(store: PolicyStore, dir: string): string {
  const counts = entityKinds.map((k) => `${store.count(k)} ${k.toLowerCase()}`).join(', ');
  const { files, loadMs, version } = store.info;
  return `${store.graph.order} entities (${counts}), ${store.graph.size} relations from ${files} files in ${dir}, loaded in ${Math.round(loadMs)} ms (data version ${version})`;
}

/**
 * Holds the store being served and replaces it as a whole. A reload builds the new store aside (loadDataSet)
 * and swaps one reference: a request takes its store once (the yoga context), so requests in flight finish on
 * the store they started with. A data set with any problem is refused, logged in full, and the last good one
 * stays. Reloads never overlap: a trigger during a load schedules one more load after it, however many arrive.
 */
export class DataHolder implements DataStatus {
  private store: PolicyStore | null = null;
  private last: LoadOutcome | null = null;
  private running: Promise<LoadOutcome> | null = null;
  private queued: Promise<LoadOutcome> | null = null;

  constructor(
    readonly dir: string,
    private readonly logger: Logger,
    private readonly load: (dir: string) => Promise<PolicyStore> = loadDataSet,
  ) {}

  /** The store to answer from; throws until the first data set is in (the readiness check answers 503 meanwhile). */
  current(): PolicyStore {
    if (!this.store) throw new Error('no data set is loaded yet');
    return this.store;
  }

  served(): PolicyStore | null {
    return this.store;
  }

  lastReload(): LoadOutcome | null {
    return this.last;
  }

  /** Loads the data set again, or joins the one load queued behind the load in progress. */
  reload(trigger: string): Promise<LoadOutcome> {
    if (!this.running) return this.start(trigger);
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.start(trigger);
    });
    return this.queued;
  }

  /** Serves `store` from now on: the atomic swap. Requests that already took the previous store finish on it. */
  private install(store: PolicyStore, trigger: string): LoadOutcome {
    const previous = this.store;
    this.store = store;
    this.last = { at: new Date(), trigger, ok: true, dataVersion: store.info.version, problems: [] };
    // The first data set is announced by serve.ts with the address it is served at.
    if (previous) {
      this.logger.info(
        { trigger, dataVersion: store.info.version, previousVersion: previous.info.version },
        `reloaded (${trigger}) — ${describeStore(store, this.dir)}; was data version ${previous.info.version}`,
      );
    }
    return this.last;
  }

  private start(trigger: string): Promise<LoadOutcome> {
    const attempt = this.attempt(trigger).finally(() => {
      this.running = null;
    });
    this.running = attempt;
    return attempt;
  }

  private async attempt(trigger: string): Promise<LoadOutcome> {
    this.logger.debug({ trigger }, `loading the data set in ${this.dir} (${trigger})`);
    let store: PolicyStore;
    try {
      store = await this.load(this.dir);
    } catch (error) {
      return this.refuse(trigger, error);
    }
    return this.install(store, trigger);
  }

  private refuse(trigger: string, error: unknown): LoadOutcome {
    const problems: DataProblem[] =
      error instanceof DataSetError ? error.problems : [{ file: this.dir, path: '', message: `cannot load the data set: ${(error as Error)?.message ?? String(error)}` }];
    const kept = this.store?.info.version ?? null;
    this.last = { at: new Date(), trigger, ok: false, dataVersion: kept, problems };
    const outcome = kept ? `still serving data version ${kept}` : 'no data set is served';
    this.logger.error(
      { trigger, dataDir: this.dir, dataVersion: kept, problems, ...(error instanceof DataSetError ? {} : { err: error }) },
      `refused the data set in ${this.dir} (${trigger}): ${problems.length} problem(s); ${outcome}:\n${formatProblems(problems)}`,
    );
    return this.last;
  }
}

/** Editors' temporary and backup files: writing them is not a change of the data set. */
const scratchFile = /^\.|~$|\.(swp|swx|tmp)$/;

/**
 * Calls `onChange` once the data directory (recursively) has been quiet for `debounceMs` after a change, so that
 * a checkout or an editor writing several files causes one reload, not one per file.
 */
export function watchDataDir(dir: string, onChange: (file: string) => void, logger: Logger, debounceMs = 200): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  let changed = '';
  const watcher = watch(dir, { recursive: true, persistent: false }, (_event, filename) => {
    if (filename && scratchFile.test(basename(filename))) return;
    changed = filename ? String(filename) : dir;
    clearTimeout(timer);
    timer = setTimeout(() => onChange(changed), debounceMs);
  });
  watcher.on('error', (error) => logger.warn({ err: error }, `stopped watching ${dir}: ${error.message}; SIGHUP still reloads`));
  watcher.on('close', () => clearTimeout(timer));
  return watcher;
}
