import MiniSearch, { type AsPlainObject, type MatchInfo, type Options, type SearchOptions } from 'minisearch';
import type { EntityKind } from '../model/kinds.js';
import type { EntityNode } from './graph.js';
import { exactKey, indexTokens, isHanTerm, pinyinTerms, queryTerms } from './search-tokens.js';
import type { Derivation, PolicyStore } from './store.js';

/** The parts of an entity search looks in; `PINYIN` is the pinyin of the name and aliases, `FIGURE` a metric's number and unit. */
export const searchFields = ['NAME', 'ALIAS', 'NAME_EN', 'FIGURE', 'PINYIN', 'DESCRIPTION'] as const;
export type SearchField = (typeof searchFields)[number];

/** How much a match in each field counts. Names weigh most; pinyin and descriptions least. */
const boost: Record<SearchField, number> = { NAME: 3, ALIAS: 3, NAME_EN: 2, FIGURE: 1, PINYIN: 0.8, DESCRIPTION: 0.5 };

/** A search result: the entity, its score, which names matched the whole query exactly, and which terms matched where. */
export type SearchHit = {
  entity: EntityNode;
  score: number;
  /** The name, English name or alias that equals the whole query (ignoring case, width, accents and spaces), or null. */
  exact: { field: SearchField; name: string } | null;
  /** Indexed term → the fields it matched in. */
  match: MatchInfo;
  /** The query terms that matched (a prefix such as `liv` for `living`). */
  queryTerms: string[];
};

export type SearchIndex = {
  /** Entities matching `text`, best first; only the given kinds when any are given. */
  search(text: string, kinds?: readonly EntityKind[]): SearchHit[];
  /** The term index as plain data (MiniSearch's own serialization), for a snapshot. */
  toJS(): AsPlainObject;
};

type SearchDocument = { id: string; kind: EntityKind } & Partial<Record<SearchField, string>>;

/** The text of each field of an entity; aliases and names are separated by a line break, which no term crosses. */
export function searchDocument(e: EntityNode): SearchDocument {
  const doc: SearchDocument = { id: e.id, kind: e.kind, NAME: e.name, NAME_EN: e.nameEn };
  if (e.aliases.length > 0) doc.ALIAS = e.aliases.join('\n');
  if (e.description) doc.DESCRIPTION = e.description;
  doc.PINYIN = [e.name, ...e.aliases].join('\n');
  if (e.kind === 'METRIC') doc.FIGURE = e.comparator === 'RANGE' ? `${e.lower}—${e.upper}${e.unit}` : `${e.value}${e.unit}`;
  return doc;
}

const termSeparator = '\u0000';

/**
 * How much of the entity's shortest name or alias holding the whole query the query covers (养老 in 养老服务: 0.5,
 * in 旅居养老服务: 0.33), 0 when no name holds it: names that are mostly the query are what a reader looks for.
 * Scores are multiplied by 1 + coverage, so the general concept comes before its longer specialisations.
 */
function nameCoverage(e: EntityNode, text: string): number {
  const query = exactKey(text);
  if (!query) return 0;
  const covers = [e.name, e.nameEn, ...e.aliases].map(exactKey).filter((name) => name.includes(query));
  return covers.length === 0 ? 0 : Math.max(...covers.map((name) => query.length / name.length));
}

/** The terms of an entity's aliases that its name does not already have. */
function aliasOnlyTerms(doc: SearchDocument): string[] {
  if (!doc.ALIAS) return [];
  const nameTerms = new Set(indexTokens(doc.NAME ?? '').map((t) => t.term));
  return indexTokens(doc.ALIAS)
    .map((t) => t.term)
    .filter((term) => !nameTerms.has(term));
}

// Latin words match word beginnings; Han terms match exactly, except a lone character, which finds every run holding it.
const prefix = (term: string) => !isHanTerm(term) || [...term].length === 1;
const fuzzy = (term: string) => (!isHanTerm(term) && term.length >= 5 ? 0.2 : false);

/** How the index cuts and weighs each field: the same options build an index and load a saved one. */
const indexOptions: Options<SearchDocument> = {
  fields: [...searchFields],
  storeFields: [],
  // An alias indexes only the terms its entity's name lacks: 旅居养老 beside 旅居养老服务 must not count 养老 twice.
  extractField: (doc, field) => (field === 'ALIAS' ? aliasOnlyTerms(doc).join(termSeparator) : (doc as Record<string, string>)[field]!),
  tokenize: (text, field) =>
    field === 'ALIAS'
      ? text.split(termSeparator).filter(Boolean)
      : field === 'PINYIN'
        ? pinyinTerms(text).map((p) => p.term)
        : indexTokens(text).map((t) => t.term),
  processTerm: (term) => term,
  searchOptions: { tokenize: queryTerms, processTerm: (term) => term, boost, prefix, fuzzy, maxFuzzy: 2 },
};

/**
 * Builds the search index of a store: a MiniSearch index of every entity over the fields above, cut into terms
 * by `search-tokens`. A query first has to match with all its terms (AND); only when nothing does, with any (OR).
 * Entities whose name, English name or alias equals the query come first, whatever their score.
 */
export function buildSearchIndex(store: PolicyStore): SearchIndex {
  const index = new MiniSearch<SearchDocument>(indexOptions);
  index.addAll(store.entities().map(searchDocument));
  return searchIndexOver(store, index);
}

/** The search index of a store from a term index saved by `toJS` (a snapshot): no entity is cut into terms again. */
export function loadSearchIndex(store: PolicyStore, saved: AsPlainObject): SearchIndex {
  return searchIndexOver(store, MiniSearch.loadJS<SearchDocument>(saved, indexOptions));
}

/** Search over a term index of the store's entities; the kind filter reads the store, so the index stores no fields. */
function searchIndexOver(store: PolicyStore, index: MiniSearch<SearchDocument>): SearchIndex {
  const entities = store.entities();
  const position = new Map(entities.map((e, i) => [e.id, i]));
  const exact = new Map<string, { id: string; field: SearchField; name: string }[]>();
  for (const e of entities) {
    const names: [SearchField, string][] = [['NAME', e.name], ['NAME_EN', e.nameEn], ...e.aliases.map((a): [SearchField, string] => ['ALIAS', a])];
    for (const [field, name] of names) {
      const key = exactKey(name);
      const list = exact.get(key) ?? [];
      if (!list.some((x) => x.id === e.id)) exact.set(key, [...list, { id: e.id, field, name }]);
    }
  }

  return {
    search(text, kinds = []) {
      const keep = (kind: EntityKind) => kinds.length === 0 || kinds.includes(kind);
      const options: SearchOptions = { filter: (r) => keep(store.entity(r.id)!.kind) };
      let results = index.search(text, { ...options, combineWith: 'AND' });
      if (results.length === 0) results = index.search(text, { ...options, combineWith: 'OR' });
      const exactNames = new Map((exact.get(exactKey(text)) ?? []).map(({ id, field, name }) => [id, { field, name }]));
      // Exact matches get a bonus above the best other score, so that score order is rank order.
      const bonus = 2 * results.reduce((best, r) => Math.max(best, r.score), 0) + 1;
      const hits: SearchHit[] = results.map((r) => ({
        entity: store.entity(r.id)!,
        score: r.score * (1 + nameCoverage(store.entity(r.id)!, text)) + (exactNames.has(r.id) ? bonus : 0),
        exact: exactNames.get(r.id) ?? null,
        match: r.match,
        queryTerms: r.queryTerms,
      }));
      for (const [id, name] of exactNames) {
        const entity = store.entity(id)!;
        if (keep(entity.kind) && !hits.some((h) => h.entity.id === id)) hits.push({ entity, score: bonus, exact: name, match: {}, queryTerms: [] });
      }
      return hits.sort((a, b) => b.score - a.score || position.get(a.entity.id)! - position.get(b.entity.id)!);
    },
    toJS: () => index.toJSON(),
  };
}

/** The search index, built once per store at load; a snapshot keeps its term index. */
export const searchIndex: Derivation<SearchIndex, AsPlainObject> = {
  name: 'search index',
  build: buildSearchIndex,
  snapshot: { save: (index) => index.toJS(), restore: loadSearchIndex },
};
