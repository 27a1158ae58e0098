import { kindInfo } from '../model/kinds.js';
import type { ResolvedCitation } from '../model/citation.js';
import { Citation } from '../model/citation.js';
import { Relation as RelationSchema } from '../model/relations.js';
import { builder } from './builder.js';
import { dataList } from './complexity.js';
import { relationConnection, resolveRelated } from './connections.js';
import { modelDoc } from './model-docs.js';
import { DirectionEnum, EntityKindEnum, RelationTypeEnum } from './ontology-enums.js';
import { EntityRef, MetricRef, RelationRef, SourceRef } from './refs.js';
import { enumFromModel } from './model-docs.js';
import { IssuerRole } from '../model/relations.js';
import { Policy } from '../model/entity.js';

export const CitationRef = builder.objectRef<ResolvedCitation>('Citation').implement({
  description: 'The provenance of a fact: the source document and the short span of it that states the fact.',
  fields: (t) => ({
    source: t.field({
      type: SourceRef,
      description: 'The source document.',
      resolve: (c, _args, { store }) => store.entity(c.source) as never,
    }),
    span: t.exposeString('span', { description: Citation.shape.span.description! }),
  }),
});

const citations = (t: { field: (...args: any[]) => any }) =>
  t.field({
    type: [CitationRef],
    description: 'Where the sources state this fact.',
    complexity: dataList('citations'),
    resolve: (parent: { citations: ResolvedCitation[] }) => parent.citations,
  });

export const IssuerRoleEnum = enumFromModel('IssuerRole', IssuerRole);

const anyRelation = RelationSchema.options[0];

builder.objectType(RelationRef, {
  description: 'A typed, directed relation between two entities, with its properties and citations.',
  fields: (t) => ({
    id: t.exposeID('key', { description: 'A readable, stable id: TYPE:from->to.' }),
    type: t.expose('type', { type: RelationTypeEnum, description: 'The type of the relation.' }),
    from: t.field({ type: EntityRef, description: 'The entity the relation starts at.', resolve: (r, _a, { store }) => store.entity(r.from)! }),
    to: t.field({ type: EntityRef, description: 'The entity the relation points to.', resolve: (r, _a, { store }) => store.entity(r.to)! }),
    role: t.field({
      type: IssuerRoleEnum,
      nullable: true,
      description: 'For ISSUED_BY: whether the agency led the document or co-issued it; null for other types.',
      resolve: (r) => ('role' in r ? r.role : null),
    }),
    amount: t.field({
      type: MetricRef,
      nullable: true,
      description: 'For FUNDS: the figure that states the amount, where the source gives one; null otherwise.',
      resolve: (r, _a, { store }) => ('amount' in r && r.amount ? (store.entity(r.amount) as never) : null),
    }),
    note: t.exposeString('note', { nullable: true, description: modelDoc(anyRelation, 'note') }),
    implied: t.exposeBoolean('implied', { description: modelDoc(anyRelation, 'implied') }),
    derived: t.exposeBoolean('derived', {
      description: 'True when the relation comes from a figure’s own `region` or `subjects` (SCOPED_TO, MEASURES) rather than being stated on its own.',
    }),
    citations: citations(t),
  }),
});

builder.interfaceType(EntityRef, {
  description: 'What every entity of the policy graph has, whatever its kind.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (e) => kindInfo[e.kind].typeName,
  fields: (t) => ({
    kind: t.expose('kind', { type: EntityKindEnum, description: 'The kind of the entity.' }),
    name: t.exposeString('name', { description: modelDoc(Policy, 'name') }),
    nameEn: t.exposeString('nameEn', { description: modelDoc(Policy, 'nameEn') }),
    aliases: t.exposeStringList('aliases', { description: modelDoc(Policy, 'aliases') }),
    description: t.exposeString('description', { nullable: true, description: modelDoc(Policy, 'description') }),
    citations: citations(t),
    relations: t.field({
      type: relationConnection(EntityRef),
      description: 'The relations of this entity, outgoing first, each edge with the entity at the other end.',
      args: {
        ...t.arg.connectionArgs(),
        direction: t.arg({ type: DirectionEnum, defaultValue: 'BOTH', description: 'Which direction to follow (default BOTH).' }),
        types: t.arg({ type: [RelationTypeEnum], required: false, description: 'Only these relation types (default: all).' }),
      },
      resolve: (parent, args, context) =>
        resolveRelated(args.types ?? [], args.direction ?? 'BOTH')(parent, args, context),
    }),
  }),
});
