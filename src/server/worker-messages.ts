/**
 * What the cluster primary (primary.ts) and its workers (serve.ts in a forked process) tell each other over the
 * IPC channel node:cluster opens. Both ends are this program, so plain types suffice; `isWorkerMessage` only keeps
 * a stray message (another library's, or a `process.send` from elsewhere) from being taken for one of ours.
 */
import type { Config } from './config.js';
import type { DataProblem } from '../store/problems.js';

/** The primary asks a worker to reload its data set (SIGHUP or a file change seen by the primary's watcher). */
export type ReloadRequest = { type: 'reload'; id: number; trigger: string };

export type WorkerMessage =
  /** The first data set is in and the worker listens. `description` is describeStore's line. */
  | { type: 'ready'; port: number; dataVersion: string; description: string }
  /** The data set was refused at start-up; the worker exits 1 after sending this. */
  | { type: 'refused'; problems: DataProblem[] }
  /** The worker cannot serve at all (it cannot listen); it exits 1 after sending this. */
  | { type: 'failed'; message: string }
  /** The outcome of a ReloadRequest: the version served afterwards and how many problems refused the new one. */
  | { type: 'reloaded'; id: number; ok: boolean; dataVersion: string | null; problems: number };

const workerMessageTypes = new Set(['ready', 'refused', 'failed', 'reloaded']);

/** True for a message a worker of ours sent. */
export function isWorkerMessage(message: unknown): message is WorkerMessage {
  return typeof message === 'object' && message !== null && workerMessageTypes.has((message as { type?: unknown }).type as string);
}

/** True for a reload request of the primary. */
export function isReloadRequest(message: unknown): message is ReloadRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'reload';
}

/** How the primary hands a worker its settings: the parsed configuration, as JSON in this environment variable. */
export const workerSettingsVariable = 'POLICY_GRAPH_WORKER';

/** What a worker is told at fork: the configuration, and whether to listen before its data set is in. */
export type WorkerSettings = { config: Config; listenEarly: boolean };
