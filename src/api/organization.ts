import { Organization, OrganizationCategory } from '../model/entity.js';
import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, related, resolveFirstRelated, resolveList } from './connections.js';
import { enumFromModel, modelDoc } from './model-docs.js';
import { entityNodeOptions } from './node-options.js';
import { EntityRef, MetricRef, OrganizationRef, PolicyRef, RegionRef } from './refs.js';

const OrganizationCategoryEnum = enumFromModel('OrganizationCategory', OrganizationCategory);

builder.node(OrganizationRef, {
  ...entityNodeOptions('ORGANIZATION'),
  description: kindInfo.ORGANIZATION.description,
  fields: (t) => ({
    category: t.expose('category', { type: OrganizationCategoryEnum, description: modelDoc(Organization, 'category') }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: 'The region the organization is located in (LOCATED_IN).',
      resolve: resolveFirstRelated('LOCATED_IN', 'OUTGOING'),
    }),
    administeredBy: t.field({
      ...related(EntityRef, ['ADMINISTERS'], 'INCOMING', 'The agencies and organizations that run this one.'),
      args: t.arg.connectionArgs(),
    }),
    governedBy: t.field({
      ...related(PolicyRef, ['GOVERNS'], 'INCOMING', 'The documents that set rules for this organization.'),
      args: t.arg.connectionArgs(),
    }),
    fundedBy: t.field({
      ...related(EntityRef, ['FUNDS'], 'INCOMING', 'The funds and agencies that pay for it; relation.amount gives the figure.'),
      args: t.arg.connectionArgs(),
    }),
    funds: t.field({
      ...related(EntityRef, ['FUNDS'], 'OUTGOING', 'What the organization funds.'),
      args: t.arg.connectionArgs(),
    }),
    usedBy: t.field({
      ...related(EntityRef, ['USES'], 'INCOMING', 'The programs, agencies and documents that rely on this platform or institution.'),
      args: t.arg.connectionArgs(),
    }),
    targetedBy: t.field({
      ...related(EntityRef, ['TARGETS'], 'INCOMING', 'The policies and programs aimed at organizations like this one.'),
      args: t.arg.connectionArgs(),
    }),
    organizes: t.field({
      ...related(EntityRef, ['ORGANIZED_BY'], 'INCOMING', 'The events and programs the organization leads.'),
      args: t.arg.connectionArgs(),
    }),
    metrics: t.field({
      ...related(MetricRef, ['MEASURES'], 'INCOMING', 'The figures that count or measure this organization.'),
      args: t.arg.connectionArgs(),
    }),
    partners: t.field({
      ...related(EntityRef, ['PARTNERS_WITH'], 'BOTH', 'The parties the organization works with.'),
      args: t.arg.connectionArgs(),
    }),
    parent: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'The organization this one is part of, if any.',
      resolve: resolveFirstRelated('PART_OF', 'OUTGOING'),
    }),
    units: t.field({
      ...related(OrganizationRef, ['PART_OF'], 'INCOMING', 'The organizations that are part of this one.'),
      args: t.arg.connectionArgs(),
    }),
  }),
});

builder.queryFields((t) => ({
  organizations: t.field({
    type: listConnection(OrganizationRef),
    description: 'Institutions, facilities, platforms and social organizations, in data-set order, optionally of one category.',
    args: {
      ...t.arg.connectionArgs(),
      category: t.arg({ type: OrganizationCategoryEnum, required: false, description: 'Only organizations of this category.' }),
    },
    resolve: resolveList(({ store }, args: { category?: string | null }) =>
      store.entities(['ORGANIZATION']).filter((o) => !args.category || (o.kind === 'ORGANIZATION' && o.category === args.category)),
    ),
  }),
}));
