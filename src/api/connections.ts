import type { ObjectRef } from '@pothos/core';
import type { RelationType } from '../model/relations.js';
import type { EntityNode } from '../store/graph.js';
import type { Direction, RelationView } from '../store/store.js';
import { builder, type Context } from './builder.js';
import { RelationDirectionEnum, RelationTypeEnum } from './ontology-enums.js';
import { type PageArgs, paginate } from './pagination.js';
import { EntityRef, RelationRef } from './refs.js';

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many edges the whole list has, across all pages.', resolve: (parent) => parent.totalCount }),
);

type NodeRef = typeof EntityRef | ObjectRef<any, any>;

const plain = new Map<string, unknown>();
const relatedConnections = new Map<string, unknown>();

/** The plain connection of a type (`PolicyConnection`), created once. */
export function listConnection<R extends NodeRef>(ref: R) {
  const name = ref.name;
  if (!plain.has(name)) {
    plain.set(
      name,
      builder.connectionObject(
        { type: ref, name: `${name}Connection`, description: `A page of ${name} entities.` },
        { name: `${name}Edge`, description: `A ${name} in a page of a list.` },
      ),
    );
  }
  return plain.get(name) as ReturnType<typeof builder.connectionObject<R, unknown>>;
}

type RelatedEdge = { item: RelationView };

/**
 * The connection of entities reached over relations (`AgencyRelationConnection`): each edge carries the
 * relation it was reached over (type, direction, properties, citations) and its node is the entity at the other end.
 */
export function relationConnection<R extends NodeRef>(ref: R) {
  const name = ref.name;
  if (!relatedConnections.has(name)) {
    relatedConnections.set(
      name,
      builder.connectionObject(
        { type: ref, name: `${name}RelationConnection`, description: `A page of ${name} entities reached over relations.` },
        {
          name: `${name}RelationEdge`,
          description: `A ${name} reached over a relation, with that relation.`,
          fields: (t) => ({
            relation: t.field({
              type: RelationRef,
              description: 'The relation this entity was reached over, with its properties and citations.',
              resolve: (edge) => (edge as unknown as RelatedEdge).item.relation,
            }),
            type: t.field({
              type: RelationTypeEnum,
              description: 'The type of that relation.',
              resolve: (edge) => (edge as unknown as RelatedEdge).item.relation.type,
            }),
            direction: t.field({
              type: RelationDirectionEnum,
              description: 'The direction of that relation seen from the entity whose relations are listed.',
              resolve: (edge) => (edge as unknown as RelatedEdge).item.direction,
            }),
          }),
        },
      ),
    );
  }
  return relatedConnections.get(name) as ReturnType<typeof builder.connectionObject<R, unknown>>;
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

/**
 * The options of a typed relation field (Policy.issuedBy, Region.children …): a connection of the entities
 * at the other end of the entity's relations of these types, in this direction. Add `args: t.arg.connectionArgs()`.
 */
export function related<R extends NodeRef>(ref: R, types: RelationType[], direction: Direction, description: string) {
  return { type: relationConnection(ref), description, resolve: resolveRelated(types, direction) };
}

/** A resolver for a to-one relation field (Region.parent, Metric.region): the first related entity, or null. */
export function resolveFirstRelated(type: RelationType, direction: 'OUTGOING' | 'INCOMING') {
  return (parent: EntityNode, _args: unknown, { store }: Context) => (store.related(parent.id, type, direction)[0] ?? null) as never;
}
