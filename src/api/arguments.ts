import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { EntityNode } from '../store/graph.js';
import type { PolicyStore } from '../store/store.js';

/** A client error about one argument: its name and what is wrong, with code BAD_USER_INPUT. */
export function argumentError(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}" ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** Parses an argument with its zod schema, turning the first issue into an error that names the argument. */
export function parseArgument<T>(argument: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  throw argumentError(argument, `${issue.message}${where}`);
}

/** The entity an id argument names; an error naming the argument when no entity has that id. */
export function entityArgument(store: PolicyStore, argument: string, id: string): EntityNode {
  const entity = store.entity(id);
  if (!entity) throw argumentError(argument, `names no entity: "${id}"`);
  return entity;
}

/** A whole-number argument from 1 to its ceiling (null means its default); `why` tells a client what to do instead. */
export function countArgument(ceiling: number, why?: string) {
  return z
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be at least 1' })
    .max(ceiling, { message: `must be at most ${ceiling}${why ? `: ${why}` : ''}` })
    .nullish();
}
