import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, related, resolveFirstRelated, resolveList } from './connections.js';
import { entityNodeOptions } from './node-options.js';
import { EntityRef, MetricRef, TargetGroupRef } from './refs.js';

builder.node(TargetGroupRef, {
  ...entityNodeOptions('TARGET_GROUP'),
  description: kindInfo.TARGET_GROUP.description,
  fields: (t) => ({
    targetedBy: t.field({
      ...related(EntityRef, ['TARGETS'], 'INCOMING', 'The policies, programs and events aimed at this group.'),
      args: t.arg.connectionArgs(),
    }),
    metrics: t.field({
      ...related(MetricRef, ['MEASURES'], 'INCOMING', 'The figures that count this group.'),
      args: t.arg.connectionArgs(),
    }),
    fundedBy: t.field({
      ...related(EntityRef, ['FUNDS'], 'INCOMING', 'The funds and agencies that pay benefits to this group.'),
      args: t.arg.connectionArgs(),
    }),
    parent: t.field({
      type: TargetGroupRef,
      nullable: true,
      description: 'The broader group this one belongs to, if any.',
      resolve: resolveFirstRelated('PART_OF', 'OUTGOING'),
    }),
    subgroups: t.field({
      ...related(TargetGroupRef, ['PART_OF'], 'INCOMING', 'The narrower groups within this one.'),
      args: t.arg.connectionArgs(),
    }),
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
