import { EntityId } from '../model/ids.js';
import type { RelationType } from '../model/relations.js';
import type { EntityNode } from '../store/graph.js';
import { type Path, pathLimits, paths, shortestPath } from '../store/paths.js';
import type { Direction, PolicyStore } from '../store/store.js';
import type { WalkStep } from '../store/walk.js';
import { countArgument, entityArgument } from './arguments.js';
import { builder, type Context } from './builder.js';
import { ceilingsOf, countOf, dataList } from './complexity.js';
import { DirectionEnum, RelationDirectionEnum, RelationTypeEnum } from './ontology-enums.js';
import { EntityRef, RelationRef } from './refs.js';

const PathStepRef = builder.objectRef<WalkStep>('PathStep').implement({
  description: 'One step of a path: the relation walked, which way it was walked, and the entities at both ends.',
  fields: (t) => ({
    relation: t.field({ type: RelationRef, description: 'The relation walked, with its type, properties and citations.', resolve: (s) => s.relation }),
    direction: t.field({
      type: RelationDirectionEnum,
      description: 'OUTGOING when the step follows the relation from its start to its end, INCOMING when it walks it backwards.',
      resolve: (s) => s.direction,
    }),
    from: t.field({ type: EntityRef, description: 'The entity the step starts at (the previous step’s `to`).', resolve: (s) => s.from }),
    to: t.field({ type: EntityRef, description: 'The entity the step arrives at.', resolve: (s) => s.to }),
    alternatives: t.field({
      type: [RelationRef],
      description:
        'Other relations of the allowed types between the same two entities that the step could equally have walked (a notice that both IMPLEMENTS and CITES a regulation); usually empty.',
      complexity: dataList('parallel'),
      resolve: (s) => s.alternatives,
    }),
  }),
});

const PathRef = builder.objectRef<Path>('Path').implement({
  description: 'A walk through the graph from one entity to another, step by step, each step with its relation and evidence.',
  fields: (t) => ({
    length: t.int({ description: 'How many steps (relations) the path has; 0 when it starts where it ends.', resolve: (p) => p.steps.length }),
    // One step and one entity per hop: the path fields multiply the whole path by its number of hops.
    steps: t.field({ type: [PathStepRef], description: 'The steps, in order from the start.', complexity: { field: 1, multiplier: 1 }, resolve: (p) => p.steps }),
    entities: t.field({
      type: [EntityRef],
      description: 'The entities along the path, from start to end (one more than its length).',
      complexity: { field: 1, multiplier: 1 },
      resolve: (p) => p.entities,
    }),
  }),
});

const { maxHops, first } = pathLimits;

/**
 * A path search is a pass over the graph (Yen's k paths: first × maxHops of them), and each path found has at
 * most maxHops steps and maxHops + 1 entities: the path's selection counts maxHops + 1 times per path.
 */
function pathCost(args: { maxHops?: number | null; first?: number | null }, ctx: Context, many: boolean) {
  const hops = countOf(args.maxHops, maxHops.default, maxHops.ceiling);
  const count = many ? countOf(args.first, first.default, first.ceiling) : 1;
  return { field: (many ? count * hops : 1) * ceilingsOf(ctx).pass, multiplier: count * (hops + 1) };
}

builder.queryFields((t) => {
  const pathArgs = {
    from: t.arg.id({ required: true, validate: EntityId, description: 'The entity the path starts at, e.g. policy:gx-social-assistance-data-sharing-measures.' }),
    to: t.arg.id({ required: true, validate: EntityId, description: 'The entity the path ends at, e.g. program:minimum-living-allowance.' }),
    maxHops: t.arg.int({
      required: false,
      defaultValue: maxHops.default,
      validate: countArgument(maxHops.ceiling, 'longer paths connect almost everything'),
      description: `The most steps a path may have: 1–${maxHops.ceiling}, default ${maxHops.default}.`,
    }),
    relationTypes: t.arg({ type: [RelationTypeEnum], required: false, description: 'Walk only relations of these types (default: all).' }),
    direction: t.arg({
      type: DirectionEnum,
      required: false,
      defaultValue: 'BOTH',
      description: 'OUTGOING follows relations from start to end, INCOMING walks them backwards, BOTH (the default) either way; each step records how it was walked.',
    }),
  };
  type PathArgs = { from: string; to: string; maxHops?: number | null; relationTypes?: RelationType[] | null; direction?: Direction | null };
  const query = (store: PolicyStore, args: PathArgs) => {
    entityArgument(store, 'from', args.from);
    entityArgument(store, 'to', args.to);
    return {
      maxHops: args.maxHops ?? maxHops.default,
      relationTypes: args.relationTypes ?? [],
      direction: args.direction ?? 'BOTH',
    };
  };
  return {
    shortestPath: t.field({
      type: PathRef,
      nullable: true,
      description:
        'The shortest path between two entities (fewest relations), within maxHops and over the allowed relation types and direction; null when there is none.',
      args: pathArgs,
      complexity: (args, ctx) => pathCost(args, ctx, false),
      resolve: (_root, args, { store }) => shortestPath(store, args.from, args.to, query(store, args)),
    }),
    paths: t.field({
      type: [PathRef],
      description: `How two entities are related: up to \`first\` different paths between them (different sequences of entities), shortest first, none longer than maxHops; empty when none.`,
      args: {
        ...pathArgs,
        first: t.arg.int({
          required: false,
          defaultValue: first.default,
          validate: countArgument(first.ceiling, 'ask for more specific relation types or fewer hops instead'),
          description: `How many paths to return at most: 1–${first.ceiling}, default ${first.default}.`,
        }),
      },
      complexity: (args, ctx) => pathCost(args, ctx, true),
      resolve: (_root, args, { store }) => paths(store, args.from, args.to, { ...query(store, args), first: args.first ?? first.default }),
    }),
  };
});
