import { EntityId } from '../model/ids.js';
import { type Neighbor, type Neighborhood, neighborhood, neighborhoodLimits } from '../store/neighborhood.js';
import { builder } from './builder.js';
import { ceilingsOf, countOf, dataList } from './complexity.js';
import { DirectionEnum, RelationTypeEnum } from './ontology-enums.js';
import { countArgument, entityArgument } from './arguments.js';
import { EntityRef, RelationRef } from './refs.js';

const NeighborhoodEntityRef = builder.objectRef<Neighbor>('NeighborhoodEntity').implement({
  description: 'An entity of a neighbourhood, with how far from the center it was reached.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The entity.', resolve: (n) => n.entity }),
    depth: t.exposeInt('depth', { description: 'The fewest relations between the center and this entity (0 for the center itself).' }),
  }),
});

const NeighborhoodRef = builder.objectRef<Neighborhood>('Neighborhood').implement({
  description:
    'The subgraph around an entity as flat lists, ready for a graph drawing: the entities reached breadth-first and the relations among them.',
  fields: (t) => ({
    center: t.field({ type: EntityRef, description: 'The entity the neighbourhood is around.', resolve: (n) => n.center }),
    entities: t.field({
      type: [NeighborhoodEntityRef],
      description: 'The entities reached, nearest first: the center (depth 0), then depth 1, and so on.',
      complexity: { field: 1, multiplier: 1 },
      resolve: (n) => n.entities,
    }),
    relations: t.field({
      type: [RelationRef],
      description: 'Every relation of the allowed types between two of the entities listed, in data-set order.',
      complexity: dataList('relationsPerEntity'),
      resolve: (n) => n.relations,
    }),
    truncated: t.exposeBoolean('truncated', {
      description: 'True when `limit` left out entities within `depth`: the ones listed are the nearest, not all of them.',
    }),
  }),
});

const { depth, limit } = neighborhoodLimits;

builder.queryFields((t) => ({
  neighborhood: t.field({
    type: NeighborhoodRef,
    description: 'The entities and relations around an entity, up to `depth` relations away, over the allowed relation types and direction.',
    // One pass (breadth first, then the relations among what it reached), and the selection once per entity
    // `limit` allows: `entities` lists that many, `relations` the graph's average number per entity. Depth
    // changes nothing here: the limit bounds what any depth returns.
    complexity: (args, ctx) => ({ field: ceilingsOf(ctx).pass, multiplier: countOf(args.limit, limit.default, limit.ceiling) }),
    args: {
      id: t.arg.id({ required: true, validate: EntityId, description: 'The entity at the center, e.g. program:minimum-living-allowance.' }),
      depth: t.arg.int({
        required: false,
        defaultValue: depth.default,
        validate: countArgument(depth.ceiling, 'deeper neighbourhoods take in most of the graph'),
        description: `How many relations away from the center to look: 1–${depth.ceiling}, default ${depth.default}.`,
      }),
      relationTypes: t.arg({ type: [RelationTypeEnum], required: false, description: 'Follow only relations of these types (default: all).' }),
      direction: t.arg({
        type: DirectionEnum,
        required: false,
        defaultValue: 'BOTH',
        description: 'OUTGOING follows relations from their start to their end, INCOMING backwards, BOTH (the default) either way.',
      }),
      limit: t.arg.int({
        required: false,
        defaultValue: limit.default,
        validate: countArgument(limit.ceiling, 'narrow the neighbourhood by depth or relation types instead'),
        description: `The most entities to return, the center included: 1–${limit.ceiling}, default ${limit.default}; \`truncated\` says when it cut.`,
      }),
    },
    resolve: (_root, args, { store }) => {
      entityArgument(store, 'id', args.id);
      return neighborhood(store, args.id, {
        depth: args.depth ?? depth.default,
        relationTypes: args.relationTypes ?? [],
        direction: args.direction ?? 'BOTH',
        limit: args.limit ?? limit.default,
      })!;
    },
  }),
}));
