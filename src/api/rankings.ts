import type { EntityNode } from '../store/graph.js';
import {
  type AgencyOrder,
  type ProgramOrder,
  type RankedEntity,
  type RankingMeasure,
  type Rankings,
  rankingsDerivation,
} from '../store/rankings.js';
import type { PolicyStore } from '../store/store.js';
import { countArgument } from './arguments.js';
import { builder } from './builder.js';
import { firstList } from './complexity.js';
import { EntityKindEnum } from './ontology-enums.js';
import { EntityRef } from './refs.js';

/** The most entities `rankings` returns at once. */
export const maxRanked = 100;

const rankingsOf = (store: PolicyStore): Rankings => store.derived(rankingsDerivation);

const derivedNote =
  'Relations derived from a figure’s region and subjects (SCOPED_TO, MEASURES) count like any other, so an entity many figures measure ranks high.';

builder.interfaceFields(EntityRef, (t) => ({
  degree: t.int({
    description: `How many relations the entity has, in and out, each relation counted once (parallel relations of different types each count). ${derivedNote}`,
    resolve: (e, _args, { store }) => rankingsOf(store).of.get(e.id)!.degree,
  }),
  pagerank: t.float({
    description: `The entity’s PageRank over the directed relation graph (damping 0.85, every relation weight 1; the scores of all entities sum to 1): high when many relations, or relations from high-ranked entities, point at it. Computed once at load. ${derivedNote}`,
    resolve: (e, _args, { store }) => rankingsOf(store).of.get(e.id)!.pagerank,
  }),
}));

const measureDescriptions: Record<RankingMeasure, string> = {
  PAGERANK: 'PageRank over the directed relation graph (see Entity.pagerank).',
  DEGREE: 'The number of relations, in and out (see Entity.degree).',
  IN_DEGREE: 'The number of relations that point at the entity (documents issued by an agency, figures measuring a program …).',
  OUT_DEGREE: 'The number of relations that start at the entity.',
};

const RankingMeasureEnum = builder.enumType('RankingMeasure', {
  description: `What to rank entities by. ${derivedNote}`,
  values: Object.fromEntries(Object.entries(measureDescriptions).map(([k, d]) => [k, { description: d }])) as Record<
    RankingMeasure,
    { description: string }
  >,
});

const RankedEntityRef = builder.objectRef<RankedEntity>('RankedEntity').implement({
  description: 'An entity’s place in a ranking.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The ranked entity.', resolve: (r) => r.entity }),
    rank: t.exposeInt('rank', { description: 'Its rank, 1 for the highest score; equal scores share a rank (1, 2, 2, 4).' }),
    score: t.exposeFloat('score', { description: 'Its score in the measure ranked by (a count for the degree measures).' }),
  }),
});

builder.queryFields((t) => ({
  rankings: t.field({
    type: [RankedEntityRef],
    description: 'What matters most: entities ranked by PageRank or by how many relations they have, highest first, ties in data order. Computed once at load.',
    complexity: firstList(10, maxRanked),
    args: {
      kind: t.arg({ type: EntityKindEnum, required: false, description: 'Only entities of this kind (default: all kinds, ranked together).' }),
      by: t.arg({ type: RankingMeasureEnum, defaultValue: 'PAGERANK', description: 'The measure to rank by (default PAGERANK).' }),
      first: t.arg.int({ defaultValue: 10, validate: countArgument(maxRanked), description: `How many entities to return: 1–${maxRanked}, default 10.` }),
    },
    resolve: (_root, args, { store }) => rankingsOf(store).ranked(args.by ?? 'PAGERANK', args.kind ?? null).slice(0, args.first ?? 10),
  }),
}));

const orderNote = 'Descending; ties keep data-set order. Sort keys are computed once at load.';

export const AgencyOrderEnum = builder.enumType('AgencyOrder', {
  description: `How to order agencies. ${orderNote}`,
  values: {
    DATA_ORDER: { description: 'Data-set order (the default).' },
    POLICIES_ISSUED: { description: 'Most documents issued first, led or co-issued (ISSUED_BY).' },
    DEGREE: { description: 'Most relations first (Entity.degree).' },
    PAGERANK: { description: 'Highest PageRank first (Entity.pagerank).' },
  } satisfies Record<AgencyOrder, { description: string }>,
});

export const ProgramOrderEnum = builder.enumType('ProgramOrder', {
  description: `How to order programs. ${orderNote}`,
  values: {
    DATA_ORDER: { description: 'Data-set order (the default).' },
    METRICS: { description: 'Most figures measuring the program first (Program.metrics, MEASURES).' },
    POLICIES: { description: 'Most documents setting the program’s rules first (Program.policies, GOVERNS).' },
    DEGREE: { description: 'Most relations first (Entity.degree).' },
    PAGERANK: { description: 'Highest PageRank first (Entity.pagerank).' },
  } satisfies Record<ProgramOrder, { description: string }>,
});

/** Agencies in the given order, precomputed at load. */
export const orderedAgencies = (store: PolicyStore, order: AgencyOrder | null | undefined): readonly EntityNode[] =>
  rankingsOf(store).agencies[order ?? 'DATA_ORDER'];

/** Programs in the given order, precomputed at load. */
export const orderedPrograms = (store: PolicyStore, order: ProgramOrder | null | undefined): readonly EntityNode[] =>
  rankingsOf(store).programs[order ?? 'DATA_ORDER'];
