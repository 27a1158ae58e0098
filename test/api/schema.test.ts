import { readFile } from 'node:fs/promises';
import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/api/index.js';
import { schemaFiles } from '../../src/cli/schema-files.js';

describe('the schema', () => {
  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!type.description?.trim()) missing.push(type.name);
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
      }
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    // Standard scalars are described by graphql-js itself.
    expect(missing.filter((name) => !isScalarType(schema.getType(name)))).toEqual([]);
  });

  it('implements Node and Entity in every kind', () => {
    for (const name of ['Policy', 'Agency', 'Program', 'Region', 'Metric', 'TargetGroup', 'Organization', 'Event', 'Source']) {
      const type = schema.getType(name);
      expect(isObjectType(type) && type.getInterfaces().map((i) => i.name).sort()).toEqual(['Entity', 'Node']);
    }
  });

  it('pages every list of entities through a connection', () => {
    const query = schema.getQueryType()!.getFields();
    for (const field of ['entities', 'policies', 'agencies', 'programs', 'regions', 'metrics', 'targetGroups', 'organizations', 'events', 'sources']) {
      expect(getNamedType(query[field]!.type).name).toMatch(/Connection$/);
      expect(query[field]!.args.map((a) => a.name)).toEqual(expect.arrayContaining(['first', 'after']));
    }
  });

  it('is committed in schema/ exactly as the code builds it (run `npm run schema` after changing the API)', async () => {
    for (const { path, text } of schemaFiles()) {
      expect(await readFile(path, 'utf8'), path).toBe(text);
    }
  });
});
