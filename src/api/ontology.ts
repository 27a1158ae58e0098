import { entityKinds, kindInfo, type EntityKind } from '../model/kinds.js';
import { relationInfo, relationTypes, type RelationType } from '../model/relations.js';
import { baseUnits, printedUnits, type BaseUnit } from '../model/units.js';
import { builder } from './builder.js';
import { fixedList } from './complexity.js';
import { BaseUnitEnum } from './metric.js';
import { EntityKindEnum, RelationTypeEnum } from './ontology-enums.js';

/** The most endpoint pairs a relation type allows. */
const mostEndpoints = Math.max(...relationTypes.map((type) => relationInfo[type].endpoints.length));

const KindCount = builder.simpleObject('KindCount', {
  description: 'How many entities of one kind the graph holds.',
  fields: (t) => ({
    kind: t.field({ type: EntityKindEnum, description: 'The kind.' }),
    count: t.int({ description: 'How many entities of that kind.' }),
  }),
});

const RelationTypeCount = builder.simpleObject('RelationTypeCount', {
  description: 'How many relations of one type the graph holds.',
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, description: 'The relation type.' }),
    count: t.int({ description: 'How many relations of that type.' }),
  }),
});

const Stats = builder.simpleObject('Stats', {
  description: 'The size of the loaded graph and which data version it is.',
  fields: (t) => ({
    entityCount: t.int({ description: 'How many entities in all.' }),
    relationCount: t.int({ description: 'How many relations in all.' }),
    byKind: t.field({ type: [KindCount], complexity: fixedList(entityKinds.length), description: 'Entity counts, one per kind, in ontology order.' }),
    byRelationType: t.field({ type: [RelationTypeCount], complexity: fixedList(relationTypes.length), description: 'Relation counts, one per type, in ontology order.' }),
    dataVersion: t.string({ description: 'A hash of the data files’ contents: equal versions serve equal data.' }),
    loadedAt: t.field({ type: 'DateTime', description: 'When this data version was loaded.' }),
  }),
});

const KindInfo = builder.simpleObject('KindInfo', {
  description: 'An entity kind: its GraphQL type, its id prefix and what it means.',
  fields: (t) => ({
    kind: t.field({ type: EntityKindEnum, description: 'The kind.' }),
    typeName: t.string({ description: 'The GraphQL object type of entities of this kind.' }),
    idPrefix: t.string({ description: 'The prefix of ids of this kind (region → region:450000).' }),
    description: t.string({ description: 'What entities of this kind are.' }),
  }),
});

const Endpoints = builder.simpleObject('RelationEndpoints', {
  description: 'A set of kinds a relation may start at and a set it may end at.',
  fields: (t) => ({
    from: t.field({ type: [EntityKindEnum], description: 'Kinds the relation may start at.' }),
    to: t.field({ type: [EntityKindEnum], description: 'Kinds the relation may point to.' }),
  }),
});

const RelationTypeInfo = builder.simpleObject('RelationTypeInfo', {
  description: 'A relation type: what it means and which kinds it may connect.',
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, description: 'The relation type.' }),
    description: t.string({ description: 'What the relation means, read from → to.' }),
    endpoints: t.field({ type: [Endpoints], complexity: fixedList(mostEndpoints), description: 'The allowed (from kinds, to kinds) pairs.' }),
    properties: t.stringList({ description: 'The properties relations of this type carry besides citations (ISSUED_BY: role; FUNDS: amount).' }),
  }),
});

const UnitInfo = builder.simpleObject('UnitInfo', {
  description: 'A unit as printed in sources and how it normalizes.',
  fields: (t) => ({
    unit: t.string({ description: 'The unit as printed (万人).' }),
    scale: t.float({ description: 'What one printed unit is in the base unit (万人 → 10000).' }),
    baseUnits: t.field({ type: [BaseUnitEnum], description: 'The base units it may normalize to (个 counts many things).' }),
  }),
});

const Ontology = builder.simpleObject('Ontology', {
  description: 'The shape of the graph: kinds, relation types with their allowed endpoints, and units, for building UIs.',
  fields: (t) => ({
    kinds: t.field({ type: [KindInfo], complexity: fixedList(entityKinds.length), description: 'Every entity kind.' }),
    relationTypes: t.field({ type: [RelationTypeInfo], complexity: fixedList(relationTypes.length), description: 'Every relation type.' }),
    units: t.field({ type: [UnitInfo], complexity: fixedList(Object.keys(printedUnits).length), description: 'Every printed unit the data may use.' }),
    baseUnits: t.field({ type: [BaseUnitEnum], description: 'Every base unit.' }),
  }),
});

const relationProperties: Partial<Record<RelationType, string[]>> = { ISSUED_BY: ['role'], FUNDS: ['amount'] };

builder.queryFields((t) => ({
  stats: t.field({
    type: Stats,
    description: 'Counts of entities by kind and of relations by type, and the data version.',
    resolve: (_root, _args, { store }) => ({
      entityCount: store.graph.order,
      relationCount: store.graph.size,
      byKind: entityKinds.map((kind: EntityKind) => ({ kind, count: store.count(kind) })),
      byRelationType: relationTypes.map((type) => ({ type, count: store.relationCounts.get(type) ?? 0 })),
      dataVersion: store.info.version,
      loadedAt: store.info.loadedAt.toISOString(),
    }),
  }),
  ontology: t.field({
    type: Ontology,
    description: 'The kinds and relation types of the graph with their allowed endpoints and descriptions.',
    resolve: () => ({
      kinds: entityKinds.map((kind) => ({ kind, typeName: kindInfo[kind].typeName, idPrefix: kindInfo[kind].prefix, description: kindInfo[kind].description })),
      relationTypes: relationTypes.map((type) => ({
        type,
        description: relationInfo[type].description,
        endpoints: relationInfo[type].endpoints.map(([from, to]) => ({ from: [...from], to: [...to] })),
        properties: relationProperties[type] ?? [],
      })),
      units: Object.entries(printedUnits).map(([unit, rule]) => ({ unit, scale: rule.scale, baseUnits: [...rule.bases] as BaseUnit[] })),
      baseUnits: [...baseUnits],
    }),
  }),
}));
