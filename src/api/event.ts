import { Event, EventType } from '../model/entity.js';
import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, related, resolveFirstRelated, resolveList } from './connections.js';
import { enumFromModel, modelDoc } from './model-docs.js';
import { entityNodeOptions } from './node-options.js';
import { EntityRef, EventRef, MetricRef, RegionRef } from './refs.js';

const EventTypeEnum = enumFromModel('EventType', EventType);

builder.node(EventRef, {
  ...entityNodeOptions('EVENT'),
  description: kindInfo.EVENT.description,
  fields: (t) => ({
    eventType: t.expose('eventType', { type: EventTypeEnum, description: modelDoc(Event, 'eventType') }),
    startDate: t.expose('startDate', { type: 'Date', nullable: true, description: modelDoc(Event, 'startDate') }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true, description: modelDoc(Event, 'endDate') }),
    edition: t.exposeInt('edition', { nullable: true, description: modelDoc(Event, 'edition') }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: 'Where the event was held (LOCATED_IN).',
      resolve: resolveFirstRelated('LOCATED_IN', 'OUTGOING'),
    }),
    organizedBy: t.field({
      ...related(EntityRef, ['ORGANIZED_BY'], 'OUTGOING', 'The agencies and organizations that held the event.'),
      args: t.arg.connectionArgs(),
    }),
    implements: t.field({
      ...related(EntityRef, ['IMPLEMENTS'], 'OUTGOING', 'The policies or programs the event carries out.'),
      args: t.arg.connectionArgs(),
    }),
    targets: t.field({
      ...related(EntityRef, ['TARGETS'], 'OUTGOING', 'The groups the event is aimed at.'),
      args: t.arg.connectionArgs(),
    }),
    fundedBy: t.field({
      ...related(EntityRef, ['FUNDS'], 'INCOMING', 'The funds and agencies that paid for the event.'),
      args: t.arg.connectionArgs(),
    }),
    metrics: t.field({
      ...related(MetricRef, ['MEASURES'], 'INCOMING', 'The figures that count or measure the event (e.g. agreements signed).'),
      args: t.arg.connectionArgs(),
    }),
    parent: t.field({
      type: EventRef,
      nullable: true,
      description: 'The series or larger event this one is part of, if any.',
      resolve: resolveFirstRelated('PART_OF', 'OUTGOING'),
    }),
    parts: t.field({
      ...related(EventRef, ['PART_OF'], 'INCOMING', 'The events that are part of this one (the sessions of a series).'),
      args: t.arg.connectionArgs(),
    }),
  }),
});

builder.queryFields((t) => ({
  events: t.field({
    type: listConnection(EventRef),
    description: 'Meetings, fairs, summits and activities, in data-set order, optionally of one type.',
    args: { ...t.arg.connectionArgs(), eventType: t.arg({ type: EventTypeEnum, required: false, description: 'Only events of this type.' }) },
    resolve: resolveList(({ store }, args: { eventType?: string | null }) =>
      store.entities(['EVENT']).filter((e) => !args.eventType || (e.kind === 'EVENT' && e.eventType === args.eventType)),
    ),
  }),
}));
