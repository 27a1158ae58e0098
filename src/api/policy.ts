import { kindInfo } from '../model/kinds.js';
import { Policy, PolicyDocType, PolicyStatus } from '../model/entity.js';
import { builder } from './builder.js';
import { listConnection, relatedField, resolveList } from './connections.js';
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
    issuerCount: t.int({
      description:
        'How many agencies issued the document in all: the named issuers (issuedBy) plus the co-issuers the source only counts (unnamedCoIssuerCount). 联合10部门 with the lead makes 11.',
      resolve: (p, _args, { store }) => store.related(p.id, 'ISSUED_BY', 'OUTGOING').length + (p.unnamedCoIssuerCount ?? 0),
    }),
    issuedBy: relatedField(t, AgencyRef, ['ISSUED_BY'], 'OUTGOING', 'The agencies that issued the document; each edge’s relation.role says LEAD or JOINT.'),
    targets: relatedField(t, EntityRef, ['TARGETS'], 'OUTGOING', 'The target groups and kinds of institution the document is aimed at.'),
    governs: relatedField(t, EntityRef, ['GOVERNS'], 'OUTGOING', 'The programs and institutions whose rules the document sets.'),
    implements: relatedField(t, EntityRef, ['IMPLEMENTS'], 'OUTGOING', 'The policies or programs this document carries out (e.g. the regulation a plan implements).'),
    implementedBy: relatedField(t, EntityRef, ['IMPLEMENTS'], 'INCOMING', 'The policies, programs and events that carry this document out.'),
    cites: relatedField(t, PolicyRef, ['CITES'], 'OUTGOING', 'The documents this document refers to.'),
    citedBy: relatedField(t, PolicyRef, ['CITES'], 'INCOMING', 'The documents that refer to this document.'),
    uses: relatedField(t, OrganizationRef, ['USES'], 'OUTGOING', 'The platforms and institutions the document relies on.'),
    metrics: relatedField(t, MetricRef, ['MEASURES'], 'INCOMING', 'The figures that measure this document (e.g. how many standards of a set were approved).'),
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
