/**
 * window.__explorer: what the browser tests read instead of guessing from pixels (sigma, its graph, the state,
 * whether anything is loading). Harmless in production: it only exposes what the page already holds.
 */
import type { Sigma } from 'sigma';
import type { ExplorerGraph } from './graph/model.js';
import type { ExplorerState } from './url-state.js';

export type ExplorerHook = {
  sigma: Sigma | null;
  graph: ExplorerGraph | null;
  state: ExplorerState | null;
  /** Bumped whenever the graph changed (after its layout). */
  graphVersion: number;
  /** True while the graph, the panel or the path finder waits for the API. */
  loading: boolean;
  /** The ids of the highlighted path's entities, in order. */
  highlightedPath: string[] | null;
};

declare global {
  interface Window {
    __explorer?: ExplorerHook;
  }
}

export function exposeForTests(values: Partial<ExplorerHook>) {
  window.__explorer = {
    ...(window.__explorer ?? { sigma: null, graph: null, state: null, graphVersion: 0, loading: false, highlightedPath: null }),
    ...values,
  };
}
