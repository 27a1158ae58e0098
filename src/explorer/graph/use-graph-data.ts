/**
 * Keeps the graph equal to the neighbourhoods of the roots (at the chosen depth) plus the paths found. Adding a
 * root or a path only adds to the graph and lays out the newcomers; anything else rebuilds it.
 */
import { useEffect, useRef, useState } from 'react';
import { request } from '../api.js';
import { type Depth, type Neighborhood, type NeighborhoodResult, type Path, neighborhoodLimit, neighborhoodQuery } from '../queries.js';
import { type ExplorerGraph, layout, mergeNeighborhood, mergePath } from './model.js';

/** Neighbourhoods already fetched, by id and depth: going back and forth does not ask again. */
const cache = new Map<string, Promise<Neighborhood>>();

function loadNeighborhood(id: string, depth: Depth): Promise<Neighborhood> {
  const key = `${depth}|${id}`;
  let hood = cache.get(key);
  if (!hood) {
    hood = request<NeighborhoodResult>(neighborhoodQuery, { id, depth, limit: neighborhoodLimit[depth] }).then((d) => d.neighborhood);
    hood.catch(() => cache.delete(key));
    cache.set(key, hood);
  }
  return hood;
}

export type GraphView = {
  /** Bumped whenever the graph changed. */
  version: number;
  /** True when the last change rebuilt the graph (the camera then resets). */
  rebuilt: boolean;
  /** Whether a neighbourhood was cut by its limit. */
  truncated: boolean;
  loading: boolean;
  error: Error | null;
};

type Built = { depth: Depth; roots: string[]; paths: Path[] | null };

export function useGraphData(graph: ExplorerGraph, roots: string[], depth: Depth, paths: Path[] | null): GraphView {
  const [view, setView] = useState<GraphView>({ version: 0, rebuilt: true, truncated: false, loading: false, error: null });
  const built = useRef<Built | null>(null);
  const rootsKey = roots.join(',');

  useEffect(() => {
    let cancelled = false;
    const ids = rootsKey ? rootsKey.split(',') : [];
    setView((v) => ({ ...v, loading: true, error: null }));
    Promise.all(ids.map((id) => loadNeighborhood(id, depth))).then(
      (hoods) => {
        if (cancelled) return;
        const previous = built.current;
        const grows =
          previous !== null &&
          previous.depth === depth &&
          previous.roots.every((r) => ids.includes(r)) &&
          (previous.paths === null || previous.paths === paths);
        const before = new Set(grows ? graph.nodes() : []);
        if (!grows) graph.clear();
        for (const hood of hoods) mergeNeighborhood(graph, hood);
        for (const path of paths ?? []) mergePath(graph, path);
        if (!grows) layout(graph, 300);
        else if (graph.order > before.size) {
          // The newcomers find their places around what is on screen, then everything settles together.
          layout(graph, 100, before);
          layout(graph, 100);
        }
        built.current = { depth, roots: ids, paths };
        setView((v) => ({
          version: v.version + 1,
          rebuilt: !grows,
          truncated: hoods.some((h) => h.truncated),
          loading: false,
          error: null,
        }));
      },
      (error: unknown) => !cancelled && setView((v) => ({ ...v, loading: false, error: error as Error })),
    );
    return () => {
      cancelled = true;
    };
  }, [graph, rootsKey, depth, paths]);

  return view;
}
