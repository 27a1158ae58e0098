/**
 * The explorer's state lives in the address, so that a view can be shared as a link and back/forward work:
 * /explore?id=ENTITY&x=ROOT,ROOT&depth=2&hideRel=MEASURES&hideKind=METRIC&from=A&to=B&lang=en
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from './i18n.js';
import { type Depth, type Kind, type RelationType, entityKinds, relationTypes } from './queries.js';

export type ExplorerState = {
  /** The entity open in the panel. */
  id: string | null;
  /** The entities whose neighbourhoods make up the graph: [id] unless the graph was expanded. */
  roots: string[];
  depth: Depth;
  hiddenRelations: RelationType[];
  hiddenKinds: Kind[];
  /** The ends of the path finder. */
  from: string | null;
  to: string | null;
  lang: Lang;
};

export const emptyState: ExplorerState = {
  id: null, roots: [], depth: 1, hiddenRelations: [], hiddenKinds: [], from: null, to: null, lang: 'zh',
};

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);
const oneOf = <T extends string>(allowed: readonly T[], values: string[]) => values.filter((v): v is T => allowed.includes(v as T));

export function parseState(search: string): ExplorerState {
  const params = new URLSearchParams(search);
  const id = params.get('id') || null;
  const roots = list(params.get('x'));
  return {
    id,
    roots: roots.length > 0 ? roots : id ? [id] : [],
    depth: params.get('depth') === '2' ? 2 : 1,
    hiddenRelations: oneOf(relationTypes, list(params.get('hideRel'))),
    hiddenKinds: oneOf(entityKinds, list(params.get('hideKind'))),
    from: params.get('from') || null,
    to: params.get('to') || null,
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
  };
}

/** Ids are readable (program:minimum-living-allowance): keep their colons and the commas of lists unescaped. */
const encode = (value: string) => encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2C/gi, ',');

export function formatState(state: ExplorerState): string {
  const parts: [string, string][] = [];
  if (state.id) parts.push(['id', state.id]);
  const implicitRoots = state.id !== null && state.roots.length === 1 && state.roots[0] === state.id;
  if (state.roots.length > 0 && !implicitRoots) parts.push(['x', state.roots.join(',')]);
  if (state.depth !== 1) parts.push(['depth', String(state.depth)]);
  if (state.hiddenRelations.length) parts.push(['hideRel', state.hiddenRelations.join(',')]);
  if (state.hiddenKinds.length) parts.push(['hideKind', state.hiddenKinds.join(',')]);
  if (state.from) parts.push(['from', state.from]);
  if (state.to) parts.push(['to', state.to]);
  if (state.lang !== 'zh') parts.push(['lang', state.lang]);
  return parts.length ? `?${parts.map(([k, v]) => `${k}=${encode(v)}`).join('&')}` : '';
}

export type Navigate = (change: (state: ExplorerState) => ExplorerState, options?: { replace?: boolean }) => void;

/** The state of the address; `navigate` pushes a history entry (or replaces it), popstate follows back/forward. */
export function useUrlState(): [ExplorerState, Navigate] {
  const [state, setState] = useState(() => parseState(location.search));
  // The latest state, for navigate: computing the next state from it keeps the history call out of React's updaters.
  const current = useRef(state);
  useEffect(() => {
    const onPop = () => setState((current.current = parseState(location.search)));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback<Navigate>((change, options) => {
    const next = change(current.current);
    const search = formatState(next);
    if (search !== location.search) {
      const url = `${location.pathname}${search}`;
      if (options?.replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    setState((current.current = next));
  }, []);
  return [state, navigate];
}
