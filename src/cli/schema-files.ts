import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '../api/index.js';
import { dataFileJsonSchema } from '../model/data-file.js';

/** The generated files committed in schema/, each with the text it must hold. */
export function schemaFiles(): { path: string; text: string }[] {
  const dir = (name: string) => fileURLToPath(new URL(`../../schema/${name}`, import.meta.url));
  return [
    { path: dir('schema.graphql'), text: `${printSchema(schema)}\n` },
    { path: dir('data-file.schema.json'), text: `${JSON.stringify(dataFileJsonSchema(), null, 2)}\n` },
  ];
}
