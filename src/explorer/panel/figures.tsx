/** The figures that measure an entity: a table (value as printed, unit, comparator, period, region), each with its evidence below. */
import { Fragment } from 'react';
import { type Lang, comparatorName, displayName, t } from '../i18n.js';
import type { Figure } from '../queries.js';
import { Citations } from './citations.js';
import { FiguresChart } from './figures-chart.js';
import { periodText } from './format.js';
import type { MetricFilter } from '../queries.js';

type Props = {
  lang: Lang;
  figures: Figure[];
  totalCount: number;
  /** The filter the figures were listed by, for the chart's sums; null for a figure and its parts. */
  filter: MetricFilter | null;
  loading: boolean;
  onMore: (() => void) | null;
  onOpen: (id: string) => void;
};

export function Figures({ lang, figures, totalCount, filter, loading, onMore, onOpen }: Props) {
  return (
    <section className="panel-section figures" aria-labelledby="figures-heading">
      <h3 id="figures-heading">
        {t(lang, 'figures')} <span className="count">{totalCount}</span>
      </h3>
      {figures.length === 0 ? (
        <p className="muted">{loading ? t(lang, 'loading') : t(lang, 'noFigures')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="figures-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'figure')}</th>
                <th scope="col">{t(lang, 'value')}</th>
                <th scope="col">{t(lang, 'unit')}</th>
                <th scope="col">{t(lang, 'comparator')}</th>
                <th scope="col">{t(lang, 'period')}</th>
                <th scope="col">{t(lang, 'region')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <Fragment key={f.id}>
                  <tr data-id={f.id} className="figure-row">
                    <th scope="row">
                      <button type="button" className="link" onClick={() => onOpen(f.id)}>
                        {displayName(lang, f)}
                      </button>
                    </th>
                    <td className="printed" title={f.normalizedValue !== null ? `${f.normalizedValue} (${f.baseUnit})` : f.baseUnit}>
                      {f.printed}
                    </td>
                    <td>{f.unit}</td>
                    <td>{comparatorName(lang, f.comparator)}</td>
                    <td>{periodText(f, lang)}</td>
                    <td>
                      {f.region && (
                        <button type="button" className="link" onClick={() => onOpen(f.region!.id)}>
                          {displayName(lang, f.region)}
                        </button>
                      )}
                    </td>
                  </tr>
                  <tr className="evidence-row">
                    <td colSpan={6}>
                      <span className="visually-hidden">{t(lang, 'evidence')}: </span>
                      <Citations citations={f.citations} />
                    </td>
                  </tr>
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {onMore && (
        <button type="button" className="more" onClick={onMore} disabled={loading}>
          {t(lang, 'more')} ({figures.length}/{totalCount})
        </button>
      )}
      {figures.length > 1 && <FiguresChart lang={lang} figures={figures} filter={filter} />}
    </section>
  );
}
