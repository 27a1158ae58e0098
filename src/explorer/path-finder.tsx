/** Pick two entities and see the shortest paths between them, step by step with the evidence of each relation. */
import { type Lang, displayName, kindColors, relationName, t } from './i18n.js';
import { useMemo } from 'react';
import { Citations, SourceList, SourcesContext, collectSources } from './panel/citations.js';
import type { EntityRef, Path } from './queries.js';
import { SearchBox } from './search-box.js';
import type { QueryState } from './use-query.js';

type End = 'from' | 'to';

type Props = {
  lang: Lang;
  ends: Record<End, string | null>;
  /** Names of the ends, when known. */
  names: Map<string, EntityRef>;
  paths: QueryState<Path[]>;
  shown: number;
  onShow: (index: number) => void;
  onSetEnd: (end: End, id: string | null) => void;
  onOpen: (id: string) => void;
};

function EntityLink({ entity, lang, onOpen }: { entity: EntityRef; lang: Lang; onOpen: (id: string) => void }) {
  return (
    <button type="button" className="link entity-link" data-id={entity.id} onClick={() => onOpen(entity.id)}>
      <span className="kind-dot" style={{ background: kindColors[entity.kind] }} aria-hidden="true" />
      {displayName(lang, entity)}
    </button>
  );
}

/** After one end is chosen, the keyboard goes on to the other end's field, if it is empty. */
function focusOtherEnd(end: End) {
  requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`input[name="path-${end === 'from' ? 'to' : 'from'}"]`)?.focus());
}

function PathEnd({ end, lang, id, names, onSetEnd }: { end: End; lang: Lang; id: string | null } & Pick<Props, 'names' | 'onSetEnd'>) {
  const entity = id ? names.get(id) : undefined;
  return (
    <div className={`path-end path-end-${end}`}>
      <span className="path-end-label">{t(lang, end)}</span>
      {id ? (
        <span className="chip" data-id={id}>
          {entity ? displayName(lang, entity) : id}
          <button type="button" aria-label={`${t(lang, 'clearPath')}: ${t(lang, end)}`} onClick={() => onSetEnd(end, null)}>
            ×
          </button>
        </span>
      ) : (
        <SearchBox
          lang={lang}
          name={`path-${end}`}
          label={`${t(lang, 'pathFinder')}: ${t(lang, end)}`}
          placeholder={t(lang, 'search')}
          onChoose={(e) => {
            onSetEnd(end, e.id);
            focusOtherEnd(end);
          }}
        />
      )}
    </div>
  );
}

export function PathFinder({ lang, ends, names, paths, shown, onShow, onSetEnd, onOpen }: Props) {
  const both = ends.from !== null && ends.to !== null;
  const sources = useMemo(() => collectSources((paths.data ?? []).flatMap((p) => p.steps.flatMap((s) => s.relation.citations))), [paths.data]);
  const numbering = useMemo(() => ({ numberOf: (id: string) => sources.findIndex((s) => s.id === id) + 1, open: onOpen }), [sources, onOpen]);
  return (
    <SourcesContext.Provider value={numbering}>
    <details className="path-finder panel-section" open={ends.from !== null || ends.to !== null || undefined}>
      <summary>
        <h2>{t(lang, 'pathFinder')}</h2>
      </summary>
      <div className="path-ends">
        <PathEnd end="from" lang={lang} id={ends.from} names={names} onSetEnd={onSetEnd} />
        <PathEnd end="to" lang={lang} id={ends.to} names={names} onSetEnd={onSetEnd} />
      </div>
      {both && paths.loading && <p className="muted">{t(lang, 'loading')}</p>}
      {both && paths.error && <p role="alert" className="error">{paths.error.message}</p>}
      {both && paths.data?.length === 0 && <p className="muted">{t(lang, 'noPath')}</p>}
      {paths.data?.map((path, index) => (
        <section key={index} className={`path${index === shown ? ' shown' : ''}`} data-index={index} aria-label={`${t(lang, 'path')} ${index + 1}`}>
          <div className="path-header">
            <h3>
              {t(lang, 'path')} {index + 1} · {path.length} {t(lang, 'steps')}
            </h3>
            <button type="button" aria-pressed={index === shown} onClick={() => onShow(index)}>
              {index === shown ? t(lang, 'shown') : t(lang, 'show')}
            </button>
          </div>
          <ol className="steps">
            {path.steps.map((step, i) => (
              <li key={i} className="step" data-relation={step.relation.type}>
                <EntityLink entity={step.from} lang={lang} onOpen={onOpen} />
                <span className="step-relation" data-direction={step.direction}>
                  {step.direction === 'OUTGOING' ? ` —${relationName(lang, step.relation.type)}→ ` : ` ←${relationName(lang, step.relation.type)}— `}
                </span>
                <EntityLink entity={step.to} lang={lang} onOpen={onOpen} />
                <Citations citations={step.relation.citations} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      <SourceList sources={sources} title={t(lang, 'citations')} />
    </details>
    </SourcesContext.Provider>
  );
}
