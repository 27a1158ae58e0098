/**
 * The open entity: its kind, names, description and facts, the figures that measure it (table and chart), its
 * relations grouped by type, and the citation of every fact, with the sources numbered once at the end.
 */
import { useEffect, useMemo } from 'react';
import { type Lang, displayName, factName, kindColors, kindName, otherName, t } from '../i18n.js';
import {
  type Citation,
  type EntityDetails,
  type EntityResult,
  type Figure,
  type FiguresResult,
  type MetricFilter,
  type RelationEdge,
  entityQuery,
  figuresQuery,
} from '../queries.js';
import { usePaged } from '../use-paged.js';
import { Citations, SourceList, SourcesContext, collectSources } from './citations.js';
import { Figures } from './figures.js';
import { Relations } from './relations.js';

type Actions = {
  onOpen: (id: string) => void;
  onExpand: (id: string) => void;
  onCenter: (id: string) => void;
  onPathEnd: (end: 'from' | 'to', id: string) => void;
};

/** Which figures measure an entity: those scoped to a region (and its sub-regions), else those about it. */
function figureFilter(entity: EntityDetails | null): MetricFilter | null {
  if (!entity || entity.kind === 'METRIC' || entity.kind === 'SOURCE') return null;
  return entity.kind === 'REGION' ? { region: entity.id, includeSubRegions: true } : { subject: entity.id };
}

/** Kind-specific facts worth a line: level, document type and date, program type … */
function facts(entity: EntityDetails): [string, string][] {
  const rows: [string, string | null | undefined | number][] = [
    ['level', entity.adminLevel ?? entity.regionLevel],
    ['docType', entity.docType],
    ['documentNumber', entity.documentNumber],
    ['issuedOn', entity.issuedOn],
    ['status', entity.status],
    ['issuerCount', entity.kind === 'POLICY' ? entity.issuerCount : undefined],
    ['programType', entity.programType],
    ['divisionCode', entity.divisionCode],
    ['category', entity.category],
    ['eventType', entity.eventType],
    ['startDate', entity.startDate],
    ['endDate', entity.endDate],
    ['author', entity.author],
    ['publisher', entity.publisher],
    ['publishedAt', entity.publishedAt],
    ['url', entity.url],
    ['degree', entity.degree],
  ];
  return rows.filter((r): r is [string, string | number] => r[1] !== null && r[1] !== undefined).map(([k, v]) => [k, String(v)]);
}

export function EntityPanel({ id, lang, actions }: { id: string; lang: Lang; actions: Actions }) {
  const entity = usePaged<EntityResult, RelationEdge>(entityQuery, { id }, (d) => d.node?.relations ?? null);
  const details = entity.data?.node ?? null;
  const filter = figureFilter(details);
  const listed = usePaged<FiguresResult, { node: Figure }>(figuresQuery, filter ? { filter } : null, (d) => d.metrics);

  // A figure shows itself and its parts; anything else the figures that measure it.
  const figures: Figure[] = useMemo(() => {
    if (details?.kind !== 'METRIC') return listed.edges.map((e) => e.node);
    return [details as unknown as Figure, ...(details.parts?.edges.map((e) => e.node) ?? [])];
  }, [details, listed.edges]);

  const sources = useMemo(() => {
    const all: Citation[] = [...(details?.citations ?? []), ...entity.edges.flatMap((e) => e.relation.citations), ...figures.flatMap((f) => f.citations)];
    return collectSources(all);
  }, [details, entity.edges, figures]);
  const numbering = useMemo(
    () => ({ numberOf: (sourceId: string) => sources.findIndex((s) => s.id === sourceId) + 1, open: actions.onOpen }),
    [sources, actions.onOpen],
  );

  const title = details ? displayName(lang, details) : null;
  useEffect(() => {
    document.title = title ? `${title} · ${t(lang, 'title')}` : t(lang, 'title');
  }, [title, lang]);

  if (entity.error) return <p role="alert" className="error">{`${t(lang, 'error')}: ${entity.error.message}`}</p>;
  if (!details) return <p className="muted">{entity.loading ? t(lang, 'loading') : `${t(lang, 'notFound')}: ${id}`}</p>;

  return (
    <SourcesContext.Provider value={numbering}>
      <article className="entity" data-id={details.id} aria-busy={entity.loading || listed.loading}>
        <header className="entity-header">
          <span className="kind-badge" style={{ background: kindColors[details.kind] }}>
            {kindName(lang, details.kind)}
          </span>
          <h2 id="entity-name">{displayName(lang, details)}</h2>
          <p className="other-name" lang={lang === 'zh' ? 'en' : 'zh'}>
            {otherName(lang, details)}
          </p>
          <p className="entity-id">
            <code>{details.id}</code>
          </p>
        </header>
        {details.aliases.length > 0 && (
          <p className="aliases">
            {t(lang, 'aliases')}: {details.aliases.join('、')}
          </p>
        )}
        {details.description && <p className="description">{details.description}</p>}
        <dl className="facts">
          {facts(details).map(([key, value]) => (
            <div key={key}>
              <dt>{factName(lang, key)}</dt>
              <dd>
                {key === 'url' ? (
                  <a href={value} rel="noreferrer noopener" target="_blank">
                    {value}
                  </a>
                ) : (
                  value
                )}
              </dd>
            </div>
          ))}
        </dl>
        <Citations citations={details.citations} />
        <div className="entity-actions">
          <button type="button" onClick={() => actions.onExpand(details.id)}>
            {t(lang, 'expand')}
          </button>
          <button type="button" onClick={() => actions.onCenter(details.id)}>
            {t(lang, 'center')}
          </button>
          <button type="button" onClick={() => actions.onPathEnd('from', details.id)}>
            {t(lang, 'pathFrom')}
          </button>
          <button type="button" onClick={() => actions.onPathEnd('to', details.id)}>
            {t(lang, 'pathTo')}
          </button>
        </div>
        {(details.kind === 'METRIC' || (filter && (listed.loading || figures.length > 0))) && (
          <Figures
            lang={lang}
            figures={figures}
            totalCount={details.kind === 'METRIC' ? figures.length : listed.totalCount}
            filter={filter}
            loading={listed.loading}
            onMore={listed.more}
            onOpen={actions.onOpen}
          />
        )}
        <Relations lang={lang} edges={entity.edges} totalCount={entity.totalCount} loading={entity.loading} onMore={entity.more} onOpen={actions.onOpen} />
        <SourceList sources={sources} title={t(lang, 'citations')} />
      </article>
    </SourcesContext.Provider>
  );
}
