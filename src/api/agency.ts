import { Agency, AdminLevel } from '../model/entity.js';
import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, relatedField, relatedOne, resolveList } from './connections.js';
import { enumFromModel, modelDoc } from './model-docs.js';
import { entityNodeOptions } from './node-options.js';
import { AgencyRef, EntityRef, OrganizationRef, PolicyRef, RegionRef } from './refs.js';
import { AgencyOrderEnum, orderedAgencies } from './rankings.js';
import type { AgencyOrder } from '../store/rankings.js';

export const AdminLevelEnum = enumFromModel('AdminLevel', AdminLevel);

builder.node(AgencyRef, {
  ...entityNodeOptions('AGENCY'),
  description: kindInfo.AGENCY.description,
  fields: (t) => ({
    level: t.expose('level', { type: AdminLevelEnum, description: modelDoc(Agency, 'level') }),
    region: relatedOne(t, RegionRef, 'LOCATED_IN', 'OUTGOING', 'The region the agency is seated in or responsible for (LOCATED_IN).'),
    policiesIssued: relatedField(t, PolicyRef, ['ISSUED_BY'], 'INCOMING', 'The documents the agency issued; each edge’s relation.role says LEAD or JOINT.'),
    administers: relatedField(t, EntityRef, ['ADMINISTERS'], 'OUTGOING', 'The programs, institutions and platforms the agency runs.'),
    funds: relatedField(t, EntityRef, ['FUNDS'], 'OUTGOING', 'What the agency funds; each edge’s relation.amount gives the figure where known.'),
    organizes: relatedField(t, EntityRef, ['ORGANIZED_BY'], 'INCOMING', 'The events and programs the agency organizes or leads.'),
    uses: relatedField(t, OrganizationRef, ['USES'], 'OUTGOING', 'The platforms and facilities the agency relies on.'),
    partners: relatedField(t, EntityRef, ['PARTNERS_WITH'], 'BOTH', 'The parties the agency works with.'),
    parent: relatedOne(t, AgencyRef, 'PART_OF', 'OUTGOING', 'The agency this one is part of (PART_OF), if any.'),
    units: relatedField(t, AgencyRef, ['PART_OF'], 'INCOMING', 'The agencies and bureaus that are part of this one.'),
  }),
});

builder.queryFields((t) => ({
  agencies: t.field({
    type: listConnection(AgencyRef),
    description: 'Agencies, in data-set order or sorted by orderBy, optionally only those of one level of government.',
    args: {
      ...t.arg.connectionArgs(),
      level: t.arg({ type: AdminLevelEnum, required: false, description: 'Only agencies of this level.' }),
      orderBy: t.arg({ type: AgencyOrderEnum, defaultValue: 'DATA_ORDER', description: 'How to order them (default DATA_ORDER); sorted orders are descending, ties in data order.' }),
    },
    resolve: resolveList(({ store }, args: { level?: string | null; orderBy?: AgencyOrder | null }) =>
      orderedAgencies(store, args.orderBy).filter((a) => !args.level || (a.kind === 'AGENCY' && a.level === args.level)),
    ),
  }),
}));
