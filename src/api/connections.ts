import type { ObjectRef } from '@pothos/core';
import type { RelationType } from '../model/relations.js';
import type { EntityNode } from '../store/graph.js';
import type { Direction, RelationView } from '../store/store.js';
import { builder, type Context } from './builder.js';
import { free } from './complexity.js';
import { RelationDirectionEnum, RelationTypeEnum } from './ontology-enums.js';
import { type PageArgs, paginate } from './pagination.js';
import { EntityRef, RelationRef } from './refs.js';

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many edges the whole list has, across all pages.', complexity: free, resolve: (parent) => parent.totalCount }),
);

type NodeRef = typeof EntityRef | ObjectRef<any, any>;

const created = new Map<string, unknown>();

/** Each connection type is created once, however many fields return it. */
function once<T>(name: string, create: () => T): T {
  if (!created.has(name)) created.set(name, create());
  return created.get(name) as T;
}

type Connection<R extends NodeRef> = ReturnType<typeof builder.connectionObject<R, unknown>>;

/** The plain connection of a type (`PolicyConnection`). */
export function listConnection<R extends NodeRef>(ref: R): Connection<R> {
  return once(`${ref.name}Connection`, () =>
    builder.connectionObject(
      { type: ref, name: `${ref.name}Connection`, description: `A page of ${ref.name} entities.` },
      { name: `${ref.name}Edge`, description: `A ${ref.name} in a page of a list.` },
    ),
  );
}

/** An edge of a relation connection, as `paginate` builds it over the store's relation views. */
const view = (edge: unknown) => (edge as { item: RelationView }).item;

/**
 * The connection of entities reached over relations (`AgencyRelationConnection`): each edge carries the
 * relation it was reached over (type, direction, properties, citations) and its node is the entity at the other end.
 */
export function relationConnection<R extends NodeRef>(ref: R): Connection<R> {
  const name = ref.name;
  return once(`${name}RelationConnection`, () =>
    builder.connectionObject(
      { type: ref, name: `${name}RelationConnection`, description: `A page of ${name} entities reached over relations.` },
      {
        name: `${name}RelationEdge`,
        description: `A ${name} reached over a relation, with that relation.`,
        fields: (t) => ({
          relation: t.field({
            type: RelationRef,
            description: 'The relation this entity was reached over, with its properties and citations.',
            resolve: (edge) => view(edge).relation,
          }),
          type: t.field({ type: RelationTypeEnum, description: 'The type of that relation.', resolve: (edge) => view(edge).relation.type }),
          direction: t.field({
            type: RelationDirectionEnum,
            description: 'The direction of that relation seen from the entity whose relations are listed.',
            resolve: (edge) => view(edge).direction,
          }),
        }),
      },
    ),
  );
}

/** A resolver that pages through an entity's relations of some types in one direction. */
export function resolveRelated(types: RelationType[], direction: Direction) {
  return (parent: EntityNode, args: PageArgs, { store }: Context) =>
    paginate(store.relations(parent.id, direction, types), args, (view) => view.other) as never;
}

/** A resolver that pages through an in-memory list of entities. */
export function resolveList<T>(list: (context: Context, args: any) => readonly T[]) {
  return (_parent: unknown, args: PageArgs, context: Context) => paginate(list(context, args), args, (e) => e) as never;
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * A typed relation field (Policy.issuedBy, Region.children …): a connection of the entities at the other end
 * of the entity's relations of these types, in this direction, each edge with the relation it was reached over.
 */
export function relatedField<P extends EntityNode, R extends NodeRef>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>,
  ref: R,
  types: RelationType[],
  direction: Direction,
  description: string,
) {
  return t.field({ type: relationConnection(ref), description, args: t.arg.connectionArgs(), resolve: resolveRelated(types, direction) });
}

/** A to-one relation field (Region.parent, Metric.region): the first entity related so, or null. */
export function relatedOne<P extends EntityNode, R extends NodeRef>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>,
  ref: R,
  type: RelationType,
  direction: 'OUTGOING' | 'INCOMING',
  description: string,
) {
  return t.field({
    type: ref,
    nullable: true,
    description,
    resolve: (parent, _args, { store }) => (store.related(parent.id, type, direction)[0] ?? null) as never,
  });
}
