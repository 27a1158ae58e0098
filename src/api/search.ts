import { z } from 'zod';
import type { EntityKind } from '../model/kinds.js';
import { type SearchField, type SearchHit, searchIndex } from '../store/search-index.js';
import { type Snippet, snippetLength, snippetMarks, snippetOf } from '../store/search-snippet.js';
import { builder } from './builder.js';
import { searchedConnection } from './complexity.js';
import { EntityKindEnum } from './ontology-enums.js';
import { paginate } from './pagination.js';
import { EntityRef } from './refs.js';

/** The longest search text accepted, in characters. */
export const maxSearchText = 100;

const searchText = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(maxSearchText, { message: `must be at most ${maxSearchText} characters` });

const fieldDescriptions: Record<SearchField, string> = {
  NAME: 'The Chinese name.',
  ALIAS: 'One of the aliases (低保 for 最低生活保障).',
  NAME_EN: 'The English name.',
  FIGURE: 'A figure’s number and unit as printed (81.5亿元).',
  PINYIN: 'The pinyin of the Chinese name or an alias, spelled out (minzhengting) or as initials (mzt); the snippet shows the Chinese it spells.',
  DESCRIPTION: 'The description.',
};

const SearchFieldEnum = builder.enumType('SearchField', {
  description: 'The part of an entity a search matched in.',
  values: Object.fromEntries(Object.entries(fieldDescriptions).map(([k, description]) => [k, { description }])) as Record<
    SearchField,
    { description: string }
  >,
});

/** A search edge as `paginate` builds it: the hit is kept beside the node. */
const hitOf = (edge: unknown) => (edge as { item: SearchHit }).item;

/** Snippets are made only for the edges asked for, once each (matchedField and snippet share one). */
const snippets = new WeakMap<SearchHit, Snippet>();
function snippet(edge: unknown): Snippet {
  const hit = hitOf(edge);
  if (!snippets.has(hit)) snippets.set(hit, snippetOf(hit));
  return snippets.get(hit)!;
}

const SearchConnection = builder.connectionObject(
  { type: EntityRef, name: 'SearchConnection', description: 'A page of search results, best first.' },
  {
    name: 'SearchEdge',
    description: 'An entity that matched a search, with how well and where.',
    fields: (t) => ({
      score: t.float({
        description:
          'Relevance (BM25 over the matched fields, names weighing most); higher is better. Entities whose name, English name or alias equals the search text score above all others.',
        resolve: (edge) => Math.round(hitOf(edge).score * 1000) / 1000,
      }),
      matchedField: t.field({
        type: SearchFieldEnum,
        description: 'The field that matched best: the one the snippet is taken from.',
        resolve: (edge) => snippet(edge).field,
      }),
      snippet: t.string({
        description: `The text of that field with each matched part wrapped in ${snippetMarks.open}…${snippetMarks.close}, cut to about ${snippetLength} characters around the first match (${snippetMarks.cut} marks a cut): 广西壮族自治区${snippetMarks.open}民政厅${snippetMarks.close}.`,
        resolve: (edge) => snippet(edge).text,
      }),
    }),
  },
);

builder.queryField('search', (t) =>
  t.field({
    type: SearchConnection,
    description:
      'Entities found by Chinese name, alias, English name, pinyin, figure or description, best first. Chinese is matched by two-character pieces, so a word inside a longer name is found (养老 finds 广西壮族自治区养老服务条例); Latin text ignores case and accents and matches word beginnings and near misses (Guǎngxī, minimum LIVING allowance). Results must contain every piece of the text; only when none does, any piece. Exact name or alias matches come first: 低保 finds 最低生活保障.',
    complexity: searchedConnection,
    args: {
      ...t.arg.connectionArgs(),
      text: t.arg.string({
        required: true,
        validate: searchText,
        description: `What to search for, in Chinese, English or pinyin: 1–${maxSearchText} characters after trimming.`,
      }),
      kinds: t.arg({ type: [EntityKindEnum], required: false, description: 'Only entities of these kinds (default: all).' }),
    },
    resolve: (_root, args, { store }) => {
      const hits = store.derived(searchIndex).search(args.text.trim(), (args.kinds ?? []) as EntityKind[]);
      return paginate(hits, args, (hit) => hit.entity) as never;
    },
  }),
);
