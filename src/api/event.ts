import { Event, EventType } from '../model/entity.js';
import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, relatedField, relatedOne, resolveList } from './connections.js';
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
    region: relatedOne(t, RegionRef, 'LOCATED_IN', 'OUTGOING', 'Where the event was held (LOCATED_IN).'),
    organizedBy: relatedField(t, EntityRef, ['ORGANIZED_BY'], 'OUTGOING', 'The agencies and organizations that held the event.'),
    implements: relatedField(t, EntityRef, ['IMPLEMENTS'], 'OUTGOING', 'The policies or programs the event carries out.'),
    targets: relatedField(t, EntityRef, ['TARGETS'], 'OUTGOING', 'The groups the event is aimed at.'),
    fundedBy: relatedField(t, EntityRef, ['FUNDS'], 'INCOMING', 'The funds and agencies that paid for the event.'),
    metrics: relatedField(t, MetricRef, ['MEASURES'], 'INCOMING', 'The figures that count or measure the event (e.g. agreements signed).'),
    parent: relatedOne(t, EventRef, 'PART_OF', 'OUTGOING', 'The series or larger event this one is part of, if any.'),
    parts: relatedField(t, EventRef, ['PART_OF'], 'INCOMING', 'The events that are part of this one (the sessions of a series).'),
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
