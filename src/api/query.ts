import { z } from 'zod';
import { builder, type Context } from './builder.js';
import { listConnection, resolveList } from './connections.js';
import { EntityKindEnum } from './ontology-enums.js';
import { EntityRef } from './refs.js';
import { dataList } from './complexity.js';
import { type EntityKind, entityKinds } from '../model/kinds.js';

builder.queryType({
  description:
    'The policy knowledge graph: policies, agencies, programs, regions, figures, target groups, organizations, events and sources, linked by typed relations, every fact cited.',
});

const lookupName = z.string().trim().min(1, { message: 'must not be empty' }).max(200, { message: 'must be at most 200 characters' });

builder.queryFields((t) => ({
  entities: t.field({
    type: listConnection(EntityRef),
    description: 'All entities, kind by kind in ontology order, optionally only some kinds.',
    args: { ...t.arg.connectionArgs(), kinds: t.arg({ type: [EntityKindEnum], required: false, description: 'Only these kinds (default: all).' }) },
    resolve: resolveList(({ store }, args: { kinds?: EntityKind[] | null }) => store.entities(args.kinds ?? [])),
  }),
  lookup: t.field({
    type: [EntityRef],
    description:
      'The entities whose Chinese name, English name or alias is exactly `name` (ignoring case, full/half width and extra spaces): 低保 finds the program 最低生活保障. At most one entity per kind; empty when nothing matches.',
    // The most entities any one name resolves to in the data, not the count for this name: no cost reads a string
    // argument, so that the server keeps a query's cost whatever id or name it is asked with (query-cost.ts).
    complexity: dataList('namesakes'),
    args: { name: t.arg.string({ required: true, validate: lookupName, description: 'The name or alias to resolve, in Chinese or English.' }) },
    resolve: (_root, args, { store }) => store.lookup(args.name),
  }),
}));
