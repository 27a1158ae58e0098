import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import { kindInfo, kindOfId } from '../model/kinds.js';
import type { PolicyStore } from '../store/store.js';
import { argumentError } from './arguments.js';
import { defaultFieldCost, edgesCost, free } from './complexity.js';
import { pageSize } from './pagination.js';

/** The most entities `nodes(ids)` returns at once. */
export const maxNodes = 100;

/** What every resolver sees: the store the request is answered from (one snapshot for the whole request). */
export type Context = { store: PolicyStore };

/** Builder configuration only: plugins, context, scalars and the relay conventions. Types live in the domain files. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
  };
  Connection: { totalCount: number };
}>({
  plugins: [RelayPlugin, ValidationPlugin, SimpleObjectsPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  complexity: {
    // Each field's cost (complexity.ts); the server counts and limits it before execution with its configured
    // budget (src/server/limits.ts), so the plugin's own check, inside the root resolvers, stays off.
    fieldComplexity: defaultFieldCost,
    disabled: true,
  },
  validation: {
    // Arguments are checked by their zod schemas; the first problem becomes an error naming the argument.
    validationError: ({ issues }) => {
      const [first] = issues;
      const path = (first?.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p));
      const [argument = 'input', ...inner] = path;
      return argumentError(argument, `${first?.message ?? 'is invalid'}${inner.length > 0 ? ` (at ${inner.join('.')})` : ''}`);
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Ids are readable and already global: `region:450000` names its kind by its prefix.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => {
      const kind = kindOfId(globalID);
      if (!kind) {
        throw new GraphQLError(`"${globalID}" is not an entity id: ids look like region:450000 or policy:<name>`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      return { typename: kindInfo[kind].typeName, id: globalID };
    },
    nodeTypeOptions: { description: 'An object with a globally unique, readable, kind-prefixed id (Relay Node).' },
    pageInfoTypeOptions: { description: 'Where a page of a connection stands (Relay PageInfo).' },
    nodeQueryOptions: {
      description: 'Fetches any entity by its id (e.g. region:450000); null when no entity has it.',
      args: { id: { description: 'The entity id, such as program:minimum-living-allowance.' } },
    },
    nodesQueryOptions: {
      description: `Fetches up to ${maxNodes} entities by id, in the order asked; null for each id no entity has.`,
      args: { ids: { description: `Entity ids (at most ${maxNodes}).` } },
      complexity: (args) => ({ field: 1, multiplier: Math.min(Array.isArray(args.ids) ? args.ids.length : maxNodes, maxNodes) }),
      resolve: (_root, { ids }, _context, _info, resolveNodes) => {
        if (ids.length > maxNodes) throw argumentError('ids', `asks for ${ids.length} entities; at most ${maxNodes} at once`);
        return resolveNodes(ids);
      },
    },
    idFieldOptions: { description: 'The readable, stable, kind-prefixed id (e.g. agency:gx-civil-affairs).' },
    edgesFieldOptions: { description: 'The edges of this page.', complexity: edgesCost },
    nodeFieldOptions: { description: 'The entity at this edge.' },
    cursorFieldOptions: { description: 'An opaque cursor: pass it as `after` or `before` to page from this edge.' },
    pageInfoFieldOptions: { description: 'Where this page stands in the whole list.', complexity: free },
    hasNextPageFieldOptions: { description: 'True when more edges follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when edges precede this page.' },
    startCursorFieldOptions: { description: 'The cursor of the first edge of this page; null when the page is empty.' },
    endCursorFieldOptions: { description: 'The cursor of the last edge of this page; null when the page is empty.' },
    firstArgOptions: { description: `How many edges to return from the start (or after \`after\`): 1–${pageSize.max}, default ${pageSize.default}.` },
    afterArgOptions: { description: 'Return edges after this cursor.' },
    lastArgOptions: { description: `How many edges to return from the end (or before \`before\`): 1–${pageSize.max}.` },
    beforeArgOptions: { description: 'Return edges before this cursor.' },
  },
});

builder.scalarType('Date', {
  description: 'A calendar date, ISO 8601 (YYYY-MM-DD).',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw new GraphQLError(`Date must be written YYYY-MM-DD, got ${JSON.stringify(value)}`);
    }
    return value;
  },
});

builder.scalarType('DateTime', {
  description: 'A point in time, ISO 8601 with its UTC offset.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      throw new GraphQLError(`DateTime must be ISO 8601, got ${JSON.stringify(value)}`);
    }
    return value;
  },
});
