import { cursorToOffset, offsetToCursor } from '@pothos/plugin-relay';
import { argumentError, countArgument, parseArgument } from './arguments.js';

export const pageSize = { default: 20, max: 100 } as const;

export type PageArgs = { first?: number | null; after?: string | null; last?: number | null; before?: string | null };

const size = countArgument(pageSize.max);

function offsetOf(argument: 'after' | 'before', cursor: string): number {
  let offset: number;
  try {
    offset = cursorToOffset(cursor);
  } catch {
    offset = Number.NaN;
  }
  if (!Number.isInteger(offset) || offset < 0) throw argumentError(argument, `is not a cursor of this connection: "${cursor}"`);
  return offset;
}

/**
 * One page of an in-memory list as a Relay connection. `first`/`last` are 1–100 (default 20);
 * cursors are opaque offsets. Each edge keeps its `item`, so edge fields can read more than the node.
 */
export function paginate<T, N>(items: readonly T[], args: PageArgs, toNode: (item: T) => N) {
  const first = parseArgument('first', size, args.first) ?? null;
  const last = parseArgument('last', size, args.last) ?? null;
  if (first !== null && last !== null) throw argumentError('last', 'cannot be combined with "first"; page forward or backward');
  let start = args.after == null ? 0 : offsetOf('after', args.after) + 1;
  let end = args.before == null ? items.length : Math.min(items.length, offsetOf('before', args.before));
  start = Math.min(start, end);
  if (last !== null) start = Math.max(start, end - last);
  else end = Math.min(end, start + (first ?? pageSize.default));
  const edges = items.slice(start, end).map((item, i) => ({ cursor: offsetToCursor(start + i), node: toNode(item), item }));
  return {
    edges,
    totalCount: items.length,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: start > 0,
      hasNextPage: end < items.length,
    },
  };
}
