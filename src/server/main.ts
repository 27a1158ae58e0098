/** `npm start`: loads the data set, refuses it with the full report if it has any problem, else serves it. */
import { createServer } from 'node:http';
import { entityKinds } from '../model/kinds.js';
import { loadStore } from '../store/load.js';
import { DataSetError, formatProblems } from '../store/problems.js';
import { readConfig } from './config.js';
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

let store;
try {
  store = await loadStore(config.dataDir);
} catch (error) {
  if (!(error instanceof DataSetError)) throw error;
  console.error(`Refusing to serve ${config.dataDir}: ${error.problems.length} problem(s) in the data set:\n${formatProblems(error.problems)}`);
  process.exit(1);
}
const served = store;

const yoga = createPolicyYoga({ getStore: () => served, logger: yogaLogger(logger), config });
const server = createServer(yoga);

server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const counts = entityKinds.map((k) => `${served.count(k)} ${k.toLowerCase()}`).join(', ');
  logger.info(
    `serving http://localhost:${port}/graphql — ${served.graph.order} entities (${counts}), ${served.graph.size} relations from ${served.info.files} files in ${config.dataDir}, loaded in ${Math.round(served.info.loadMs)} ms (data version ${served.info.version})`,
  );
});

server.on('error', (error) => {
  logger.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}: ${error.message}`);
  process.exit(1);
});

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
