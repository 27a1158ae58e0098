/**
 * Running the server. `serve(config)` is what `npm start` (main.ts) and `policy-graph serve` call: with one worker
 * (the default) this process serves (server-process.ts); with `workers` > 1 it becomes a node:cluster primary
 * (primary.ts) whose forked workers each run `serveProcess` on the same port. Each is imported only when it runs,
 * so that the primary never loads the schema and the server stack it does not use.
 */
import { type DataProblem, formatProblems } from '../store/problems.js';
import type { Config } from './config.js';

/** Serves until stopped (SIGTERM, SIGINT) or refused; resolves to the exit code, which the caller exits with. */
export async function serve(config: Config): Promise<number> {
  if (config.workers > 1) {
    const { servePrimary } = await import('./primary.js');
    return servePrimary(config);
  }
  const { serveProcess } = await import('./server-process.js');
  return serveProcess(config, { kind: 'standalone' });
}

/** The start-up report on stderr when the first data set has problems: one text, whoever prints it. */
export function startupRefusal(dir: string, problems: DataProblem[]): string {
  return `Refusing to serve ${dir}: ${problems.length} problem(s) in the data set:\n${formatProblems(problems)}`;
}

