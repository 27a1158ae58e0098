import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';

/** Request logs and Prometheus metrics (issue 5). */
export function useObservability(_config: Config): Plugin[] {
  return [];
}
