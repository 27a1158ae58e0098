import { Agency, AdminLevel } from '../model/entity.js';
import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, related, resolveFirstRelated, resolveList } from './connections.js';
import { enumFromModel, modelDoc } from './model-docs.js';
import { entityNodeOptions } from './node-options.js';
import { AgencyRef, EntityRef, OrganizationRef, PolicyRef, RegionRef } from './refs.js';

export const AdminLevelEnum = enumFromModel('AdminLevel', AdminLevel);

builder.node(AgencyRef, {
  ...entityNodeOptions('AGENCY'),
  description: kindInfo.AGENCY.description,
  fields: (t) => ({
    level: t.expose('level', { type: AdminLevelEnum, description: modelDoc(Agency, 'level') }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: 'The region the agency is seated in or responsible for (LOCATED_IN).',
      resolve: resolveFirstRelated('LOCATED_IN', 'OUTGOING'),
    }),
    policiesIssued: t.field({
      ...related(PolicyRef, ['ISSUED_BY'], 'INCOMING', 'The documents the agency issued; each edge’s relation.role says LEAD or JOINT.'),
      args: t.arg.connectionArgs(),
    }),
    administers: t.field({
      ...related(EntityRef, ['ADMINISTERS'], 'OUTGOING', 'The programs, institutions and platforms the agency runs.'),
      args: t.arg.connectionArgs(),
    }),
    funds: t.field({
      ...related(EntityRef, ['FUNDS'], 'OUTGOING', 'What the agency funds; each edge’s relation.amount gives the figure where known.'),
      args: t.arg.connectionArgs(),
    }),
    organizes: t.field({
      ...related(EntityRef, ['ORGANIZED_BY'], 'INCOMING', 'The events and programs the agency organizes or leads.'),
      args: t.arg.connectionArgs(),
    }),
    uses: t.field({
      ...related(OrganizationRef, ['USES'], 'OUTGOING', 'The platforms and facilities the agency relies on.'),
      args: t.arg.connectionArgs(),
    }),
    partners: t.field({
      ...related(EntityRef, ['PARTNERS_WITH'], 'BOTH', 'The parties the agency works with.'),
      args: t.arg.connectionArgs(),
    }),
    parent: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'The agency this one is part of (PART_OF), if any.',
      resolve: resolveFirstRelated('PART_OF', 'OUTGOING'),
    }),
    units: t.field({
      ...related(AgencyRef, ['PART_OF'], 'INCOMING', 'The agencies and bureaus that are part of this one.'),
      args: t.arg.connectionArgs(),
    }),
  }),
});

builder.queryFields((t) => ({
  agencies: t.field({
    type: listConnection(AgencyRef),
    description: 'Agencies, in data-set order, optionally only those of one level of government.',
    args: { ...t.arg.connectionArgs(), level: t.arg({ type: AdminLevelEnum, required: false, description: 'Only agencies of this level.' }) },
    resolve: resolveList(({ store }, args: { level?: string | null }) =>
      store.entities(['AGENCY']).filter((a) => !args.level || (a.kind === 'AGENCY' && a.level === args.level)),
    ),
  }),
}));
