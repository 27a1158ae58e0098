import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, relatedField, relatedOne, resolveList } from './connections.js';
import { entityNodeOptions } from './node-options.js';
import { EntityRef, MetricRef, TargetGroupRef } from './refs.js';

builder.node(TargetGroupRef, {
  ...entityNodeOptions('TARGET_GROUP'),
  description: kindInfo.TARGET_GROUP.description,
  fields: (t) => ({
    targetedBy: relatedField(t, EntityRef, ['TARGETS'], 'INCOMING', 'The policies, programs and events aimed at this group.'),
    metrics: relatedField(t, MetricRef, ['MEASURES'], 'INCOMING', 'The figures that count this group.'),
    fundedBy: relatedField(t, EntityRef, ['FUNDS'], 'INCOMING', 'The funds and agencies that pay benefits to this group.'),
    parent: relatedOne(t, TargetGroupRef, 'PART_OF', 'OUTGOING', 'The broader group this one belongs to, if any.'),
    subgroups: relatedField(t, TargetGroupRef, ['PART_OF'], 'INCOMING', 'The narrower groups within this one.'),
  }),
});

builder.queryFields((t) => ({
  targetGroups: t.field({
    type: listConnection(TargetGroupRef),
    description: 'Target groups, in data-set order.',
    args: t.arg.connectionArgs(),
    resolve: resolveList(({ store }) => store.entities(['TARGET_GROUP'])),
  }),
}));
