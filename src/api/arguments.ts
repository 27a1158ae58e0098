import { GraphQLError } from 'graphql';
import type { z } from 'zod';

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
