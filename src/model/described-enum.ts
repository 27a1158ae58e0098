import { z } from 'zod';

/**
 * A closed set of values, each with its own description: the zod enum validates data files, and the
 * API builds its GraphQL enum (with a description on every value) from the same table.
 */
export function describedEnum<const V extends Record<string, string>>(description: string, values: V) {
  const keys = Object.keys(values) as Extract<keyof V, string>[];
  const schema = z.enum(keys as [Extract<keyof V, string>, ...Extract<keyof V, string>[]]).meta({ description });
  return Object.assign(schema, { valueDescriptions: values as Readonly<V> });
}

export type DescribedEnum = ReturnType<typeof describedEnum<Record<string, string>>>;
