/**
 * One server process, on its own or as a cluster worker. It listens at once but answers /ready with 503 until the
 * data set is loaded; it refuses a data set with any problem (the full report on stderr) and stops; else serves
 * it. SIGHUP, and file changes with --watch-data, reload the data set aside and swap it in; a broken one is
 * refused and the last good one stays (data-holder.ts).
 */
import { createServer } from 'node:http';
import type { Config } from './config.js';
import { DataHolder, describeStore, watchDataDir } from './data-holder.js';
import { answerClientErrors } from './http-policy.js';
import { createLogger, yogaLogger } from './logger.js';
import { startupRefusal } from './serve.js';
import { isReloadRequest, type WorkerMessage } from './worker-messages.js';
import { createPolicyYoga } from './yoga.js';

/**
 * How a process serves: on its own, or as a cluster worker. A worker reports to the primary instead of printing
 * (so a refused data set is reported once, not once per worker), leaves watching the data to the primary, and,
 * when it replaces a worker that died, listens only once its data set is in: the primary hands connections to
 * every listening worker, and one still loading would answer them 503.
 */
export type ProcessRole = { kind: 'standalone' } | { kind: 'worker'; listenEarly: boolean; send: (message: WorkerMessage) => Promise<void> };

/** One server process: loads the data set, listens, reloads, and stops gracefully. Resolves to the exit code. */
export async function serveProcess(config: Config, role: ProcessRole): Promise<number> {
  const logger = createLogger(config.logLevel);
  const worker = role.kind === 'worker' ? role : null;
  // In a worker the primary reports a refused first data set, once for all workers; later reloads log as usual.
  const holderLog = logger.child({});
  if (worker) holderLog.level = 'silent';
  // A snapshot file, when set, is served instead of the data directory (it is loaded by loadSnapshot).
  const holder = new DataHolder(config.snapshot ?? config.dataDir, holderLog);
  let stopped: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (stopped = resolve));

  // Without a handler SIGHUP would end the process; from now on it reloads (once more after a load in progress).
  process.on('SIGHUP', () => void holder.reload('SIGHUP'));
  if (worker) {
    process.on('message', (message) => {
      if (!isReloadRequest(message)) return;
      void holder.reload(message.trigger).then((o) =>
        worker.send({ type: 'reloaded', id: message.id, ok: o.ok, dataVersion: o.dataVersion, problems: o.problems.length }),
      );
    });
  } else if (config.watchData && !config.snapshot) {
    watchDataDir(config.dataDir, (file) => void holder.reload(`file change: ${file}`), logger);
  }

  const yoga = createPolicyYoga({ getStore: () => holder.current(), data: holder, logger: yogaLogger(logger), log: logger, config });
  const server = answerClientErrors(createServer(yoga));
  server.on('error', (error) => {
    const message = `cannot listen on ${config.host}:${config.port}: ${error.message}`;
    logger.fatal({ err: error }, message);
    void (worker ? worker.send({ type: 'failed', message }) : Promise.resolve()).then(() => stopped(1));
  });
  let listening: Promise<number> | undefined;
  const listen = () =>
    (listening ??= new Promise<number>((resolve) =>
      server.listen(config.port, config.host, () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : config.port);
      }),
    ));

  let stopping = false;
  /** Stop taking connections, let in-flight requests finish, then stop; force after a grace period. */
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    server.close(() => stopped(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      stopped(0);
    }, 5000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  // Listening before the data set is in lets a load balancer see the instance alive (/health/live 200) but not
  // ready (/ready 503, GraphQL 503 NOT_READY), instead of a refused connection it cannot tell from a crash.
  if (!worker || worker.listenEarly) void listen();

  const startUp = async (): Promise<number> => {
    const first = await holder.reload('start-up');
    if (!first.ok) {
      if (worker) await worker.send({ type: 'refused', problems: first.problems });
      else console.error(startupRefusal(holder.dir, first.problems));
      return 1;
    }
    holderLog.level = logger.level;
    const port = await listen();
    const description = describeStore(holder.current(), holder.dir);
    if (worker) {
      logger.debug(`worker serving data version ${first.dataVersion}`);
      await worker.send({ type: 'ready', port, dataVersion: first.dataVersion!, description });
    } else {
      logger.info(`serving http://localhost:${port}/graphql — ${description}`);
    }
    return done;
  };
  return Promise.race([done, startUp()]);
}
