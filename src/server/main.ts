/**
 * `npm start`: listens at once, answering /ready with 503 until the data set is loaded; refuses a data set with any
 * problem (the full report on stderr) and exits; else serves it. SIGHUP, and file changes with --watch-data,
 * reload the data set aside and swap it in; a broken one is refused and the last good one stays (data-holder.ts).
 */
import { createServer } from 'node:http';
import { formatProblems } from '../store/problems.js';
import { readConfig } from './config.js';
import { DataHolder, describeStore, watchDataDir } from './data-holder.js';
import { answerClientErrors } from './http-policy.js';
import { createLogger, yogaLogger } from './logger.js';
import { createPolicyYoga } from './yoga.js';

let config;
try {
  config = readConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const logger = createLogger(config.logLevel);
const holder = new DataHolder(config.snapshot ?? config.dataDir, logger);

// Without a handler SIGHUP would end the process; from now on it reloads (once more after a load in progress).
process.on('SIGHUP', () => void holder.reload('SIGHUP'));
if (config.watchData && !config.snapshot) watchDataDir(config.dataDir, (file) => void holder.reload(`file change: ${file}`), logger);

const yoga = createPolicyYoga({ getStore: () => holder.current(), data: holder, logger: yogaLogger(logger), log: logger, config });
const server = answerClientErrors(createServer(yoga));

server.on('error', (error) => {
  logger.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}: ${error.message}`);
  process.exit(1);
});

// Listening before the data set is in lets a load balancer see the instance alive (/health/live 200) but not
// ready (/ready 503, GraphQL 503 NOT_READY), instead of a refused connection it cannot tell from a crash.
const listening = new Promise<number>((resolve) =>
  server.listen(config.port, config.host, () => {
    const address = server.address();
    resolve(typeof address === 'object' && address ? address.port : config.port);
  }),
);

/** Stop taking connections, let in-flight requests finish, then exit; force after a grace period. */
function shutdown(signal: string) {
  logger.info(`${signal}: shutting down`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 5000).unref();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));

const first = await holder.reload('start-up');
if (!first.ok) {
  console.error(`Refusing to serve ${holder.dir}: ${first.problems.length} problem(s) in the data set:\n${formatProblems(first.problems)}`);
  process.exit(1);
}
const port = await listening;
logger.info(`serving http://localhost:${port}/graphql — ${describeStore(holder.current(), holder.dir)}`);
