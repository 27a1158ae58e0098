import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';

/** HTTP hardening: body size, request timeout, CSRF prevention, introspection switch (issue 5). */
export function useHttpPolicy(_config: Config): Plugin[] {
  return [];
}
