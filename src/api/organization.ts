import { Organization, OrganizationCategory } from '../model/entity.js';
import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, relatedField, relatedOne, resolveList } from './connections.js';
import { enumFromModel, modelDoc } from './model-docs.js';
import { entityNodeOptions } from './node-options.js';
import { EntityRef, MetricRef, OrganizationRef, PolicyRef, RegionRef } from './refs.js';

const OrganizationCategoryEnum = enumFromModel('OrganizationCategory', OrganizationCategory);

builder.node(OrganizationRef, {
  ...entityNodeOptions('ORGANIZATION'),
  description: kindInfo.ORGANIZATION.description,
  fields: (t) => ({
    category: t.expose('category', { type: OrganizationCategoryEnum, description: modelDoc(Organization, 'category') }),
    region: relatedOne(t, RegionRef, 'LOCATED_IN', 'OUTGOING', 'The region the organization is located in (LOCATED_IN).'),
    administeredBy: relatedField(t, EntityRef, ['ADMINISTERS'], 'INCOMING', 'The agencies and organizations that run this one.'),
    governedBy: relatedField(t, PolicyRef, ['GOVERNS'], 'INCOMING', 'The documents that set rules for this organization.'),
    fundedBy: relatedField(t, EntityRef, ['FUNDS'], 'INCOMING', 'The funds and agencies that pay for it; relation.amount gives the figure.'),
    funds: relatedField(t, EntityRef, ['FUNDS'], 'OUTGOING', 'What the organization funds.'),
    usedBy: relatedField(t, EntityRef, ['USES'], 'INCOMING', 'The programs, agencies and documents that rely on this platform or institution.'),
    targetedBy: relatedField(t, EntityRef, ['TARGETS'], 'INCOMING', 'The policies and programs aimed at organizations like this one.'),
    organizes: relatedField(t, EntityRef, ['ORGANIZED_BY'], 'INCOMING', 'The events and programs the organization leads.'),
    metrics: relatedField(t, MetricRef, ['MEASURES'], 'INCOMING', 'The figures that count or measure this organization.'),
    partners: relatedField(t, EntityRef, ['PARTNERS_WITH'], 'BOTH', 'The parties the organization works with.'),
    parent: relatedOne(t, OrganizationRef, 'PART_OF', 'OUTGOING', 'The organization this one is part of, if any.'),
    units: relatedField(t, OrganizationRef, ['PART_OF'], 'INCOMING', 'The organizations that are part of this one.'),
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
