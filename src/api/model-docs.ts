import type { z } from 'zod';
import { builder } from './builder.js';

/**
 * The description the model gives a field of a zod object: the API documents data fields with the
 * same words the data files' JSON Schema uses, so the two never drift.
 */
export function modelDoc(schema: { shape: Record<string, z.ZodType> }, field: string): string {
  let type: z.ZodType | undefined = schema.shape[field];
  let description = type?.description;
  // `.optional()` and `.default()` wrap the described type: look inside them.
  while (type && !description) {
    type = (type.def as { innerType?: z.ZodType }).innerType;
    description = type?.description;
  }
  if (!description) throw new Error(`the model gives field "${field}" no description`);
  return description;
}

/** A GraphQL enum built from a described model enum: every value keeps its description. */
export function enumFromModel<const K extends string>(
  name: string,
  model: { description?: string | undefined; valueDescriptions: Readonly<Record<K, string>> },
) {
  const values = {} as Record<K, { description: string }>;
  for (const [value, description] of Object.entries(model.valueDescriptions) as [K, string][]) {
    values[value] = { description };
  }
  return builder.enumType(name, { description: model.description ?? name, values });
}
