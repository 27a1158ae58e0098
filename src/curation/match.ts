/**
 * Marks figures and titles PRESENT when the data set holds them, MISSING otherwise.
 *
 * A title is present when a POLICY has it as name or alias. A figure is present when a METRIC has the same
 * number(s) and the same printed unit (for 万 + noun: the same normalized value, or the same value in a unit that
 * starts with 万). Two more ways the data set holds a figure by its conventions: as the `change` of a metric
 * (比上年同期增加10万人), and as the co-issuer count of a policy (联合10部门 → unnamedCoIssuerCount 10).
 *
 * Numbers repeat (20个 three times in one article), so a match is placed in the text: an entity whose citation
 * span occurs in the text around the figure is cited *here*; one cited around another figure of the same number
 * belongs to that figure and does not make this one present; one cited nowhere around a figure of this text
 * still does. Candidates cited here come first.
 */
import type { EntityNode } from '../store/graph.js';
import type { PolicyStore } from '../store/store.js';
import type { FoundFigure } from './figures.js';

export type Match = {
  status: 'PRESENT' | 'MISSING';
  /** The entity that holds it, when present: the best of the candidates. */
  id?: string;
  /** Every entity with the same number(s) and unit, best first (those cited for another figure last). */
  candidates: string[];
  /** What a reader should know: a comparator that differs, a figure held as a change, a number cited elsewhere. */
  note?: string;
};

/** Equal within 1e-9 relative (81.5 × 1e8 is not exactly 8150000000 in floating point). */
export function closeTo(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function matchTitle(title: string, store: PolicyStore): Match {
  const candidates = store.lookup(title).filter((e) => e.kind === 'POLICY').map((e) => e.id);
  return candidates.length > 0 ? { status: 'PRESENT', id: candidates[0]!, candidates } : { status: 'MISSING', candidates };
}

type MetricNode = Extract<EntityNode, { kind: 'METRIC' }>;
type PolicyNode = Extract<EntityNode, { kind: 'POLICY' }>;

type Quantity = { value?: number | undefined; unit: string; normalizedValue?: number | undefined };

/** One printed number against one quantity of the data set. */
function sameQuantity(fig: FoundFigure, value: number | undefined, normalized: number | undefined, q: Quantity): boolean {
  if (!fig.multiplierOnly) return q.unit === fig.unit && closeTo(q.value, value);
  return closeTo(q.normalizedValue, normalized) || (closeTo(q.value, value) && q.unit.startsWith(fig.unit));
}

type How = 'value' | 'change' | 'co-issuers';
type Candidate = { entity: EntityNode; how: How; note?: string };

/** The ways a metric holds the figure: as itself (same comparator family), or as its change. */
function metricCandidates(fig: FoundFigure, m: MetricNode): Candidate[] {
  if (fig.comparator === 'RANGE') {
    const same =
      m.comparator === 'RANGE' &&
      sameQuantity(fig, fig.lower, fig.normalizedLower, { value: m.lower, unit: m.unit, normalizedValue: m.normalizedLower }) &&
      sameQuantity(fig, fig.upper, fig.normalizedUpper, { value: m.upper, unit: m.unit, normalizedValue: m.normalizedUpper });
    return same ? [{ entity: m, how: 'value' }] : [];
  }
  if (m.comparator !== 'RANGE' && sameQuantity(fig, fig.value, fig.normalizedValue, m)) {
    const note = m.comparator !== fig.comparator ? `the text says ${fig.comparator}, the data set ${m.comparator}` : undefined;
    return [{ entity: m, how: 'value', ...(note ? { note } : {}) }];
  }
  if (m.change && sameQuantity(fig, fig.value, fig.normalizedValue, m.change)) {
    return [{ entity: m, how: 'change', note: `the change (${m.change.value}${m.change.unit}) of ${m.id}` }];
  }
  return [];
}

/** 联合10部门 is held as unnamedCoIssuerCount 10; 联合教育厅等9部门 as 教育厅 (JOINT) + 8 unnamed. */
function coIssuerCandidates(fig: FoundFigure, p: PolicyNode, store: PolicyStore): Candidate[] {
  if (!fig.printedUnit.endsWith('部门') || fig.value === undefined || p.unnamedCoIssuerCount === undefined) return [];
  const named = store.relations(p.id, 'OUTGOING', ['ISSUED_BY']).filter((r) => 'role' in r.relation && r.relation.role === 'JOINT').length;
  const note = `the co-issuers of ${p.id} (${p.unnamedCoIssuerCount} unnamed${named > 0 ? ` + ${named} named` : ''})`;
  if (p.unnamedCoIssuerCount === fig.value || p.unnamedCoIssuerCount + named === fig.value) return [{ entity: p, how: 'co-issuers', note }];
  return [];
}

/** The [start, end) places where each citation span occurs in the text. */
function spanFinder(text: string) {
  const cache = new Map<string, [number, number][]>();
  return (span: string) => {
    let found = cache.get(span);
    if (!found) {
      found = [];
      for (let i = text.indexOf(span); i >= 0; i = text.indexOf(span, i + 1)) found.push([i, i + span.length]);
      cache.set(span, found);
    }
    return found;
  };
}

/** Matches every figure of `text` (as found by findFigures) against the data set, in the same order. */
export function matchFigures(text: string, figures: readonly FoundFigure[], store: PolicyStore): Match[] {
  const metrics = store.entities(['METRIC']) as MetricNode[];
  const coIssued = (store.entities(['POLICY']) as PolicyNode[]).filter((p) => p.unnamedCoIssuerCount !== undefined);
  const occurrences = spanFinder(text);
  const citedAround = (e: EntityNode, f: FoundFigure) =>
    e.citations.some((c) => occurrences(c.span).some(([s, end]) => s <= f.coreOffset && f.coreOffset + f.core.length <= end));

  const perFigure = figures.map((f) =>
    [...metrics.flatMap((m) => metricCandidates(f, m)), ...coIssued.flatMap((p) => coIssuerCandidates(f, p, store))].map((c) => ({
      ...c,
      here: citedAround(c.entity, f),
    })),
  );
  // Where each (entity, way) is cited: the figures it matches whose text its span covers.
  const key = (c: Candidate) => `${c.how}\0${c.entity.id}`;
  const citedAt = new Map<string, number[]>();
  perFigure.forEach((cs, i) => cs.filter((c) => c.here).forEach((c) => citedAt.set(key(c), [...(citedAt.get(key(c)) ?? []), i])));

  return perFigure.map((cs) => {
    const where = (c: (typeof cs)[number]) => (c.here ? 0 : citedAt.has(key(c)) ? 2 : 1);
    const ranked = [...cs].sort((a, b) => where(a) - where(b) || Number(a.how !== 'value') - Number(b.how !== 'value'));
    const candidates = [...new Set(ranked.map((c) => c.entity.id))];
    const best = ranked[0];
    if (!best) return { status: 'MISSING', candidates };
    if (where(best) === 2) {
      const other = figures[citedAt.get(key(best))![0]!]!;
      return { status: 'MISSING', candidates, note: `the same number in the data set is cited for “${other.text}”` };
    }
    return { status: 'PRESENT', id: best.entity.id, candidates, ...(best.note ? { note: best.note } : {}) };
  });
}
