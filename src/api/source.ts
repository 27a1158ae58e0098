import { Source } from '../model/entity.js';
import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, resolveList } from './connections.js';
import { modelDoc } from './model-docs.js';
import { entityNodeOptions } from './node-options.js';
import { SourceRef } from './refs.js';

builder.node(SourceRef, {
  ...entityNodeOptions('SOURCE'),
  description: `${kindInfo.SOURCE.description} Its name is its title.`,
  fields: (t) => ({
    publisher: t.exposeString('publisher', { nullable: true, description: modelDoc(Source, 'publisher') }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true, description: modelDoc(Source, 'publishedAt') }),
    edition: t.exposeString('edition', { nullable: true, description: modelDoc(Source, 'edition') }),
    author: t.exposeString('author', { nullable: true, description: modelDoc(Source, 'author') }),
    url: t.exposeString('url', { nullable: true, description: modelDoc(Source, 'url') }),
    language: t.exposeString('language', { description: modelDoc(Source, 'language') }),
  }),
});

builder.queryFields((t) => ({
  sources: t.field({
    type: listConnection(SourceRef),
    description: 'The source documents the facts come from, in data-set order.',
    args: t.arg.connectionArgs(),
    resolve: resolveList(({ store }) => store.entities(['SOURCE'])),
  }),
}));
