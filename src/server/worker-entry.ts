/**
 * The program a cluster worker runs (forked by primary.ts for `--workers N`): it takes the configuration the
 * primary parsed, so that flags and environment are read once, and serves as one of the workers.
 */
import { serveProcess } from './server-process.js';
import { type WorkerMessage, type WorkerSettings, workerSettingsVariable } from './worker-messages.js';

const settings = process.env[workerSettingsVariable];
if (!settings || !process.send) {
  console.error('worker-entry.ts is started by the server itself for --workers N; run src/server/main.ts instead');
  process.exit(2);
}
// Parsed and checked by the primary already (its zod output, not raw flags), so it is taken as it is.
const { config, listenEarly } = JSON.parse(settings) as WorkerSettings;

/** Sends a message to the primary and waits until it is written, so that exiting right after loses nothing. */
const send = (message: WorkerMessage) =>
  new Promise<void>((resolve) => (process.connected ? process.send!(message, undefined, {}, () => resolve()) : resolve()));

process.exit(await serveProcess(config, { kind: 'worker', listenEarly, send }));
