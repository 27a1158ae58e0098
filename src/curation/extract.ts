/**
 * The curator's extraction report: the figures, titles and known names of a text, in text order with line
 * numbers, each figure and title marked PRESENT (with the entity that holds it) or MISSING from the data set.
 */
import type { EntityKind } from '../model/kinds.js';
import type { PolicyStore } from '../store/store.js';
import { type FoundFigure, findFigures } from './figures.js';
import { type Match, matchFigures, matchTitle } from './match.js';
import { type FoundName, findNames, knownNames } from './names.js';
import { positionsOf } from './text.js';
import { findTitles } from './titles.js';

type At = { line: number; column: number; offset: number; end: number; text: string };

export type FigureItem = { kind: 'FIGURE' } & At & Omit<FoundFigure, keyof At> & Match;
export type TitleItem = { kind: 'TITLE'; title: string } & At & Match;
export type NameItem = { kind: 'NAME'; name: string; ids: string[]; entityKinds: EntityKind[] } & At;
export type ExtractionItem = FigureItem | TitleItem | NameItem;

export type ExtractionSummary = {
  figures: number;
  titles: number;
  names: number;
  missingFigures: number;
  missingTitles: number;
  /** Missing figures and titles together: the report fails when this is not 0. */
  missing: number;
};

export type ExtractionReport = { items: ExtractionItem[]; summary: ExtractionSummary };

const kindOrder = { TITLE: 0, FIGURE: 1, NAME: 2 } as const;

/** Kinds whose names are nouns a measure word can count (54家全国性和东部省社会组织, 634万脱贫人口). */
const countedKinds: readonly EntityKind[] = ['TARGET_GROUP', 'ORGANIZATION', 'REGION', 'AGENCY'];

/**
 * The noun after a measure word is cut by a heuristic (54家全国性); where a longer known name of a counted kind starts
 * at the noun, the noun is that name instead (54家全国性和东部省社会组织).
 */
function withKnownNoun(f: FoundFigure, names: readonly FoundName[], text: string): FoundFigure {
  if (f.noun === undefined) return f;
  const start = f.end - f.noun.length;
  const name = names.find((n) => n.offset === start && n.kinds.some((k) => countedKinds.includes(k)));
  if (!name || name.end <= f.end) return f;
  const noun = name.text;
  return { ...f, noun, end: name.end, text: text.slice(f.offset, name.end), printedUnit: f.unit + noun };
}

export function extract(text: string, store: PolicyStore): ExtractionReport {
  const at = positionsOf(text);
  const found = findNames(text, knownNames(store));

  const foundFigures = findFigures(text).map((f) => withKnownNoun(f, found, text));
  const matches = matchFigures(text, foundFigures, store);
  const figures: FigureItem[] = foundFigures.map((f, i) => ({ kind: 'FIGURE', ...at(f.offset), ...f, ...matches[i]! }));
  const titles: TitleItem[] = findTitles(text).map((t) => ({
    kind: 'TITLE',
    ...at(t.offset),
    offset: t.offset,
    end: t.end,
    text: text.slice(t.offset, t.end),
    title: t.title,
    ...matchTitle(t.title, store),
  }));
  const names: NameItem[] = found.map((n) => ({
    kind: 'NAME',
    ...at(n.offset),
    offset: n.offset,
    end: n.end,
    text: n.text,
    name: n.name,
    ids: n.ids,
    entityKinds: n.kinds,
  }));

  const items: ExtractionItem[] = [...figures, ...titles, ...names].sort(
    (a, b) => a.offset - b.offset || kindOrder[a.kind] - kindOrder[b.kind],
  );
  const missingFigures = figures.filter((f) => f.status === 'MISSING').length;
  const missingTitles = titles.filter((t) => t.status === 'MISSING').length;
  return {
    items,
    summary: {
      figures: figures.length,
      titles: titles.length,
      names: names.length,
      missingFigures,
      missingTitles,
      missing: missingFigures + missingTitles,
    },
  };
}

export function isMissing(item: ExtractionItem): boolean {
  return item.kind !== 'NAME' && item.status === 'MISSING';
}

/** The report with only its missing items; the summary still counts everything. */
export function onlyMissing(report: ExtractionReport): ExtractionReport {
  return { items: report.items.filter(isMissing), summary: report.summary };
}
