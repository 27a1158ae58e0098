import { kindInfo } from '../model/kinds.js';
import { Policy, PolicyDocType, PolicyStatus } from '../model/entity.js';
import { builder } from './builder.js';
import { listConnection, relationConnection, resolveList, resolveRelated } from './connections.js';
import { enumFromModel, modelDoc } from './model-docs.js';
import { entityNodeOptions } from './node-options.js';
import { AgencyRef, EntityRef, MetricRef, OrganizationRef, PolicyRef } from './refs.js';
import { EntityId } from '../model/ids.js';
import { filterPolicies, type PolicyFilter } from '../store/policy-filter.js';

const PolicyDocTypeEnum = enumFromModel('PolicyDocType', PolicyDocType);
const PolicyStatusEnum = enumFromModel('PolicyStatus', PolicyStatus);

builder.node(PolicyRef, {
  ...entityNodeOptions('POLICY'),
  description: kindInfo.POLICY.description,
  fields: (t) => ({
    docType: t.expose('docType', { type: PolicyDocTypeEnum, description: modelDoc(Policy, 'docType') }),
    status: t.expose('status', { type: PolicyStatusEnum, nullable: true, description: modelDoc(Policy, 'status') }),
    issuedOn: t.expose('issuedOn', { type: 'Date', nullable: true, description: modelDoc(Policy, 'issuedOn') }),
    documentNumber: t.exposeString('documentNumber', { nullable: true, description: modelDoc(Policy, 'documentNumber') }),
    unnamedCoIssuerCount: t.exposeInt('unnamedCoIssuerCount', { nullable: true, description: modelDoc(Policy, 'unnamedCoIssuerCount') }),
    seriesSize: t.exposeInt('seriesSize', { nullable: true, description: modelDoc(Policy, 'seriesSize') }),
    issuedBy: t.field({
      type: relationConnection(AgencyRef),
      description: 'The agencies that issued the document; each edge’s relation.role says LEAD or JOINT.',
      args: t.arg.connectionArgs(),
      resolve: resolveRelated(['ISSUED_BY'], 'OUTGOING'),
    }),
    targets: t.field({
      type: relationConnection(EntityRef),
      description: 'The target groups and kinds of institution the document is aimed at.',
      args: t.arg.connectionArgs(),
      resolve: resolveRelated(['TARGETS'], 'OUTGOING'),
    }),
    governs: t.field({
      type: relationConnection(EntityRef),
      description: 'The programs and institutions whose rules the document sets.',
      args: t.arg.connectionArgs(),
      resolve: resolveRelated(['GOVERNS'], 'OUTGOING'),
    }),
    implements: t.field({
      type: relationConnection(EntityRef),
      description: 'The policies or programs this document carries out (e.g. the regulation a plan implements).',
      args: t.arg.connectionArgs(),
      resolve: resolveRelated(['IMPLEMENTS'], 'OUTGOING'),
    }),
    implementedBy: t.field({
      type: relationConnection(EntityRef),
      description: 'The policies, programs and events that carry this document out.',
      args: t.arg.connectionArgs(),
      resolve: resolveRelated(['IMPLEMENTS'], 'INCOMING'),
    }),
    cites: t.field({
      type: relationConnection(PolicyRef),
      description: 'The documents this document refers to.',
      args: t.arg.connectionArgs(),
      resolve: resolveRelated(['CITES'], 'OUTGOING'),
    }),
    citedBy: t.field({
      type: relationConnection(PolicyRef),
      description: 'The documents that refer to this document.',
      args: t.arg.connectionArgs(),
      resolve: resolveRelated(['CITES'], 'INCOMING'),
    }),
    uses: t.field({
      type: relationConnection(OrganizationRef),
      description: 'The platforms and institutions the document relies on.',
      args: t.arg.connectionArgs(),
      resolve: resolveRelated(['USES'], 'OUTGOING'),
    }),
    metrics: t.field({
      type: relationConnection(MetricRef),
      description: 'The figures that measure this document (e.g. how many standards of a set were approved).',
      args: t.arg.connectionArgs(),
      resolve: resolveRelated(['MEASURES'], 'INCOMING'),
    }),
  }),
});

const optionalId = EntityId.nullish();

builder.queryFields((t) => ({
  policies: t.field({
    type: listConnection(PolicyRef),
    description: 'Policy documents, in data-set order, optionally only those issued by an agency, aimed at a target, or issued in a region.',
    args: {
      ...t.arg.connectionArgs(),
      issuedBy: t.arg.id({ required: false, validate: optionalId, description: 'Only documents this agency issued (lead or joint), e.g. agency:gx-civil-affairs.' }),
      targets: t.arg.id({ required: false, validate: optionalId, description: 'Only documents aimed at this target group or institution.' }),
      region: t.arg.id({ required: false, validate: optionalId, description: 'Only documents issued by an agency located in this region or one of its sub-regions.' }),
    },
    resolve: resolveList(({ store }, args: PolicyFilter) => filterPolicies(store, args)),
  }),
}));
