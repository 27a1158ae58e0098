/** The explorer: search, the graph of the open entity's neighbourhood, its panel and the path finder. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Filters } from './graph/filters.js';
import { GraphView } from './graph/graph-view.js';
import { createGraph } from './graph/model.js';
import { useGraphData } from './graph/use-graph-data.js';
import { computeVisibility, countGraph } from './graph/visibility.js';
import { t } from './i18n.js';
import { EntityPanel } from './panel/entity-panel.js';
import { PathFinder } from './path-finder.js';
import { type Depth, type EntityRef, type NamesResult, type PathsResult, namesQuery, pathsQuery } from './queries.js';
import { SearchBox } from './search-box.js';
import { exposeForTests } from './test-hook.js';
import { type ExplorerState, useUrlState } from './url-state.js';
import { useQuery } from './use-query.js';
import { Welcome } from './welcome.js';

const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((i) => i !== item) : [...list, item]);

export function App() {
  const [state, navigate] = useUrlState();
  const { lang } = state;
  const graph = useMemo(createGraph, []);

  const pathsQuery_ = useQuery<PathsResult>(pathsQuery, state.from && state.to ? { from: state.from, to: state.to } : null);
  const paths = pathsQuery_.data?.paths ?? null;
  const [shownPath, setShownPath] = useState(0);
  useEffect(() => setShownPath(0), [paths]);
  const endIds = [state.from, state.to].filter((id): id is string => id !== null);
  const endNames = useQuery<NamesResult>(namesQuery, endIds.length ? { ids: endIds } : null);
  const names = useMemo(() => {
    const map = new Map<string, EntityRef>();
    for (const node of endNames.data?.nodes ?? []) if (node) map.set(node.id, node);
    return map;
  }, [endNames.data]);

  const view = useGraphData(graph, state.roots, state.depth, paths);
  const highlight = useMemo(() => {
    const path = paths?.[shownPath];
    if (!path) return null;
    return { nodes: new Set(path.steps.flatMap((s) => [s.from.id, s.to.id])), edges: new Set(path.steps.map((s) => s.relation.id)) };
  }, [paths, shownPath]);
  const visibility = useMemo(() => {
    const pinned = new Set([...(state.id ? [state.id] : []), ...state.roots, ...(highlight?.nodes ?? [])]);
    return computeVisibility(graph, state.hiddenRelations, state.hiddenKinds, pinned, highlight?.edges ?? new Set());
    // view.version: the graph changed in place.
  }, [graph, view.version, state.id, state.roots, state.hiddenRelations, state.hiddenKinds, highlight]);
  const counts = useMemo(() => countGraph(graph), [graph, view.version]);

  const go = useCallback((change: (s: ExplorerState) => Partial<ExplorerState>) => navigate((s) => ({ ...s, ...change(s) })), [navigate]);
  const actions = useMemo(
    () => ({
      /** From the search box: a fresh graph around the entity. */
      choose: (entity: EntityRef) => go(() => ({ id: entity.id, roots: [entity.id] })),
      /** A click in the graph: open it, the graph stays. */
      select: (id: string) => go(() => ({ id })),
      /** A link in the panel: open it, and bring it into the graph if it is not there. */
      onOpen: (id: string) => go((s) => ({ id, roots: graph.hasNode(id) || s.roots.includes(id) ? s.roots : [...s.roots, id] })),
      onExpand: (id: string) => go((s) => ({ id, roots: s.roots.includes(id) ? s.roots : [...s.roots, id] })),
      onCenter: (id: string) => go(() => ({ id, roots: [id] })),
      onPathEnd: (end: 'from' | 'to', id: string | null) => go(() => ({ [end]: id })),
    }),
    [go, graph],
  );

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    exposeForTests({
      graph,
      state,
      graphVersion: view.version,
      loading: view.loading || pathsQuery_.loading,
      highlightedPath: paths?.[shownPath] ? [paths[shownPath].steps[0]!.from.id, ...paths[shownPath].steps.map((s) => s.to.id)] : null,
    });
  }, [graph, state, view.version, view.loading, pathsQuery_.loading, paths, shownPath]);

  return (
    <>
      <a className="skip-link" href="#panel">
        {t(lang, 'skipToPanel')}
      </a>
      <header className="topbar">
        <h1>
          <a href="/explore">{t(lang, 'title')}</a>
        </h1>
        <SearchBox lang={lang} name="search" label={t(lang, 'search')} placeholder={t(lang, 'searchPlaceholder')} onChoose={actions.choose} />
        <nav className="topbar-links">
          <button
            type="button"
            className="lang-toggle"
            aria-pressed={lang === 'en'}
            title={t(lang, 'languageLabel')}
            onClick={() => navigate((s) => ({ ...s, lang: s.lang === 'zh' ? 'en' : 'zh' }), { replace: true })}
          >
            {t(lang, 'language')}
          </button>
          <a href="/graphql">GraphiQL</a>
        </nav>
      </header>
      <main className="layout">
        <section className="graph-area" aria-label={t(lang, 'graph')}>
          <div className="graph-toolbar">
            <label>
              {t(lang, 'depth')}{' '}
              <select value={state.depth} onChange={(e) => go(() => ({ depth: Number(e.target.value) as Depth }))}>
                <option value={1}>1</option>
                <option value={2}>2</option>
              </select>
            </label>
            <span className="hint">{t(lang, 'graphHint')}</span>
            {view.truncated && <span className="warning">{t(lang, 'truncated')}</span>}
            <span role="status" className="status">
              {view.loading ? t(lang, 'loading') : view.error ? `${t(lang, 'error')}: ${view.error.message}` : ''}
            </span>
          </div>
          <div className="graph-body">
            <Filters
              lang={lang}
              counts={counts}
              hiddenKinds={state.hiddenKinds}
              hiddenRelations={state.hiddenRelations}
              onToggleKind={(kind) => go((s) => ({ hiddenKinds: toggle(s.hiddenKinds, kind) }))}
              onToggleRelation={(type) => go((s) => ({ hiddenRelations: toggle(s.hiddenRelations, type) }))}
            />
            <div className="graph-stage" data-nodes={graph.order}>
              <GraphView
                graph={graph}
                version={view.version}
                rebuilt={view.rebuilt}
                lang={lang}
                selected={state.id}
                visibility={visibility}
                highlight={highlight}
                onOpen={actions.select}
                onExpand={actions.onExpand}
              />
              {graph.order === 0 && !view.loading && <p className="graph-empty">{t(lang, 'emptyGraph')}</p>}
            </div>
          </div>
        </section>
        <aside id="panel" className="side" tabIndex={-1} aria-label={t(lang, 'graph')}>
          <PathFinder
            lang={lang}
            ends={{ from: state.from, to: state.to }}
            names={names}
            paths={{ ...pathsQuery_, data: paths }}
            shown={shownPath}
            onShow={setShownPath}
            onSetEnd={actions.onPathEnd}
            onOpen={actions.onOpen}
          />
          {state.id ? <EntityPanel key={state.id} id={state.id} lang={lang} actions={actions} /> : <Welcome lang={lang} onOpen={actions.onCenter} />}
        </aside>
      </main>
    </>
  );
}
