import { Region, RegionLevel } from '../model/entity.js';
import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, relatedField, relatedOne, resolveList } from './connections.js';
import { enumFromModel, modelDoc } from './model-docs.js';
import { entityNodeOptions } from './node-options.js';
import { EntityRef, MetricRef, RegionRef } from './refs.js';

const RegionLevelEnum = enumFromModel('RegionLevel', RegionLevel);

builder.node(RegionRef, {
  ...entityNodeOptions('REGION'),
  description: kindInfo.REGION.description,
  fields: (t) => ({
    level: t.expose('level', { type: RegionLevelEnum, description: modelDoc(Region, 'level') }),
    divisionCode: t.exposeString('divisionCode', { nullable: true, description: modelDoc(Region, 'divisionCode') }),
    parent: relatedOne(t, RegionRef, 'PART_OF', 'OUTGOING', 'The region this one is part of (a city’s autonomous region), if any.'),
    children: relatedField(t, RegionRef, ['PART_OF'], 'INCOMING', 'The regions directly part of this one (its cities, its districts).'),
    metrics: relatedField(t, MetricRef, ['SCOPED_TO'], 'INCOMING', 'The figures stated for this region itself (not its sub-regions).'),
    located: relatedField(t, EntityRef, ['LOCATED_IN'], 'INCOMING', 'The agencies, organizations and events located in this region.'),
    partners: relatedField(t, EntityRef, ['PARTNERS_WITH'], 'BOTH', 'The parties this region works with.'),
  }),
});

builder.queryFields((t) => ({
  regions: t.field({
    type: listConnection(RegionRef),
    description: 'Regions, in data-set order, optionally of one level.',
    args: { ...t.arg.connectionArgs(), level: t.arg({ type: RegionLevelEnum, required: false, description: 'Only regions of this level.' }) },
    resolve: resolveList(({ store }, args: { level?: string | null }) =>
      store.entities(['REGION']).filter((r) => !args.level || (r.kind === 'REGION' && r.level === args.level)),
    ),
  }),
}));
