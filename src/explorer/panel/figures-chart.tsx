/**
 * A bar chart comparing figures of one base unit (Chart.js): each figure, or their sums by region or period as
 * the API's metricAggregate computes them, never adding a part to the total that already includes it.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { labelFont } from '../graph/graph-view.js';
import { type Lang, type UiKey, displayName, t } from '../i18n.js';
import { type AggregateResult, type Figure, type GroupBy, type MetricFilter, aggregateQuery } from '../queries.js';
import { useQuery } from '../use-query.js';
import { baseUnitName, formatNumber, formatQuantity, periodText } from './format.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
Chart.defaults.font.family = labelFont;

type Bar = { label: string; value: number | [number, number]; tooltip: string; color: string };
type Mode = 'EACH' | GroupBy;

const maxBars = 15;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function BarChart({ bars, lang, summary }: { bars: Bar[]; lang: Lang; summary: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: {
        labels: bars.map((b) => cut(b.label, lang === 'zh' ? 12 : 24)),
        datasets: [{ data: bars.map((b) => b.value), backgroundColor: bars.map((b) => b.color), borderRadius: 3 }],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => bars[item.dataIndex]?.tooltip ?? '' } } },
        scales: { x: { beginAtZero: true, ticks: { callback: (v) => formatNumber(Number(v), lang) } }, y: { ticks: { autoSkip: false } } },
      },
    });
    return () => chart.destroy();
  }, [bars, lang]);
  return (
    <div className="chart-box" style={{ height: 56 + bars.length * 30 }}>
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}

function figureBars(figures: Figure[], unit: string, lang: Lang): Bar[] {
  return figures
    .filter((f) => f.baseUnit === unit && (f.normalizedValue !== null || f.normalizedLower !== null))
    .map((f) => ({
      label: displayName(lang, f),
      value: f.normalizedValue ?? ([f.normalizedLower ?? 0, f.normalizedUpper ?? 0] as [number, number]),
      tooltip: [f.printed, f.region && displayName(lang, f.region), periodText(f, lang)].filter(Boolean).join(' · '),
      color: f.comparator === 'EXACT' ? '#f28e2b' : '#f7b977',
    }))
    .sort((a, b) => (Array.isArray(b.value) ? b.value[1] : b.value) - (Array.isArray(a.value) ? a.value[1] : a.value))
    .slice(0, maxBars);
}

function groupBars(result: AggregateResult | null, unit: string, mode: GroupBy, lang: Lang): Bar[] {
  return (result?.metricAggregate.groups.edges ?? [])
    .map((e) => e.node)
    .filter((g) => g.baseUnit === unit && g.sum !== null)
    .map((g) => {
      const label = mode === 'REGION' ? (g.region ? displayName(lang, g.region) : '—') : g.period ? periodText({ period: g.period }, lang) : '—';
      const flags = [g.approximate && '≈', g.lowerBound && '≥', g.upperBound && '≤', g.mayDoubleCount && '?'].filter(Boolean).join('');
      return {
        label,
        value: g.sum!,
        tooltip: `${flags}${formatQuantity(g.sum!, unit, lang)} (${g.summedCount}/${g.count})`,
        color: flags ? '#92b4d6' : '#4e79a7',
      };
    })
    .slice(0, maxBars);
}

export function FiguresChart({ lang, figures, filter }: { lang: Lang; figures: Figure[]; filter: MetricFilter | null }) {
  // Base units, the most common first.
  const units = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of figures) counts.set(f.baseUnit, (counts.get(f.baseUnit) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([u]) => u);
  }, [figures]);
  const [chosenUnit, setUnit] = useState<string | null>(null);
  const unit = chosenUnit && units.includes(chosenUnit) ? chosenUnit : (units[0] ?? 'PERSON');
  const [mode, setMode] = useState<Mode>('EACH');
  const grouped = useQuery<AggregateResult>(aggregateQuery, mode !== 'EACH' && filter ? { filter, groupBy: [mode] } : null);
  const bars = useMemo(
    () => (mode === 'EACH' ? figureBars(figures, unit, lang) : groupBars(grouped.data, unit, mode, lang)),
    [mode, figures, unit, lang, grouped.data],
  );
  const modes: [Mode, UiKey][] = filter ? [['EACH', 'eachFigure'], ['REGION', 'byRegion'], ['PERIOD', 'byPeriod']] : [['EACH', 'eachFigure']];
  return (
    <div className="figures-chart">
      <h4>{t(lang, 'chart')}</h4>
      <div className="chart-controls">
        <label>
          {t(lang, 'baseUnit')}{' '}
          <select value={unit} onChange={(e) => setUnit(e.target.value)}>
            {units.map((u) => (
              <option key={u} value={u}>
                {baseUnitName(lang, u)} ({u})
              </option>
            ))}
          </select>
        </label>
        <span role="radiogroup" aria-label={t(lang, 'chart')} className="segmented">
          {modes.map(([m, key]) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} onClick={() => setMode(m)}>
              {t(lang, key)}
            </button>
          ))}
        </span>
      </div>
      {bars.length > 0 ? (
        <BarChart bars={bars} lang={lang} summary={bars.map((b) => `${b.label}: ${b.tooltip}`).join('; ')} />
      ) : (
        <p className="muted">{grouped.loading ? t(lang, 'loading') : t(lang, 'noFigures')}</p>
      )}
      {mode !== 'EACH' && <p className="muted small">{t(lang, 'sumNote')}</p>}
    </div>
  );
}
