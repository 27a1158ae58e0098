import { z } from 'zod';
import { Entity } from './entity.js';
import { idOfKind } from './ids.js';
import { Relation } from './relations.js';

/** One file of the data set (YAML or JSON): entities and relations, citing a default source. */
export const DataFile = z
  .object({
    $schema: z.string().optional().meta({ description: 'The JSON Schema this file follows, for editors.' }),
    source: idOfKind('SOURCE')
      .optional()
      .meta({ description: 'The source that citations in this file quote unless they name another one.' }),
    entities: z.array(Entity).default([]).meta({ description: 'The entities this file defines.' }),
    relations: z.array(Relation).default([]).meta({ description: 'The relations this file states.' }),
  })
  .strict()
  .meta({
    title: 'Policy graph data file',
    description: 'A file of the policy knowledge graph data set. See data/README.md.',
  });

export type DataFile = z.infer<typeof DataFile>;

/** The JSON Schema of a data file, so editors validate data files while they are written. */
export function dataFileJsonSchema() {
  return z.toJSONSchema(DataFile, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}
