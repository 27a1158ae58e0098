/**
 * The flat properties of entities and relations, for the formats that hold one value per named column (GEXF,
 * GraphML, Neo4j CSV). The columns are read from the zod model (through its JSON Schema), never listed by hand,
 * so a field added to the model shows up in every flat export: nested objects become prefixed columns
 * (period.start → periodStart, change.normalizedValue → changeNormalizedValue), citations two parallel lists
 * (citationSources, citationSpans), and every relation also carries its key and whether the loader derived it.
 */
import { z } from 'zod';
import { Entity } from '../model/entity.js';
import type { EntityKind } from '../model/kinds.js';
import { Relation, type RelationType } from '../model/relations.js';

/** What a column holds; the Neo4j header types by the same names (`value:double`, `aliases:string[]`). */
export type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'date' | 'datetime' | 'string[]';

/** A column: its name, its type and where its value is in an entity or relation. */
export type Column = { name: string; type: ColumnType; path: readonly string[] };

export type FlatValue = string | number | boolean | string[];

type JsonSchema = { type?: string; format?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema };

function typeOf(schema: JsonSchema): ColumnType {
  if (schema.type === 'integer') return 'long';
  if (schema.type === 'number') return 'double';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'array') return 'string[]';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'date-time') return 'datetime';
  return 'string';
}

const camel = (prefix: string, name: string) => prefix + name[0]!.toUpperCase() + name.slice(1);

/** The columns of one object schema of the model, nested objects flattened one level, citations left out. */
function columnsOf(schema: z.ZodType): Column[] {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  const columns: Column[] = [];
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    if (name === 'citations') continue;
    if (property.type === 'object' && property.properties) {
      for (const [inner, p] of Object.entries(property.properties)) columns.push({ name: camel(name, inner), type: typeOf(p), path: [name, inner] });
    } else {
      columns.push({ name, type: typeOf(property), path: [name] });
    }
  }
  return columns;
}

const citationColumns: Column[] = [
  { name: 'citationSources', type: 'string[]', path: ['citations', 'source'] },
  { name: 'citationSpans', type: 'string[]', path: ['citations', 'span'] },
];

const byKind = new Map<EntityKind, Column[]>(
  Entity.options.map((o) => [o.shape.kind.value, [...columnsOf(o), ...citationColumns]] as [EntityKind, Column[]]),
);
const byType = new Map<RelationType, Column[]>(
  Relation.options.map((o) => [
    o.shape.type.value,
    [
      ...columnsOf(o),
      { name: 'key', type: 'string', path: ['key'] },
      { name: 'derived', type: 'boolean', path: ['derived'] },
      ...citationColumns,
    ],
  ] as [RelationType, Column[]]),
);

/** The columns of an entity of this kind, in model order: id, kind, name, nameEn, aliases, description, its own fields. */
export function entityColumns(kind: EntityKind): Column[] {
  return byKind.get(kind)!;
}

/** The columns of a relation of this type: type, from, to, note, implied, its own fields (role, amount), key, derived. */
export function relationColumns(type: RelationType): Column[] {
  return byType.get(type)!;
}

/**
 * Every column name across kinds (or relation types) with one type each: where two kinds give a name different
 * types (an event's edition is a number, a source's a text), it is a string column.
 */
export function unionColumns(lists: Iterable<Column[]>): Column[] {
  const merged = new Map<string, Column>();
  for (const list of lists) {
    for (const c of list) {
      const seen = merged.get(c.name);
      if (!seen) merged.set(c.name, c);
      else if (seen.type !== c.type) merged.set(c.name, { ...seen, type: 'string' });
    }
  }
  return [...merged.values()];
}

export const allEntityColumns = () => unionColumns(byKind.values());
export const allRelationColumns = () => unionColumns(byType.values());

/**
 * The columns of a graph file format (GEXF, GraphML), which has the node's id and the edge's id, source and target
 * in its own structure: the entity's `id` and the relation's `from`, `to` and `key` are left out.
 */
export const graphFileColumns = () => ({
  nodes: allEntityColumns().filter((c) => c.name !== 'id'),
  edges: allRelationColumns().filter((c) => !['from', 'to', 'key'].includes(c.name)),
});

/** The value of a column in an entity or relation, or undefined when it has none (an empty list counts as none). */
export function columnValue(record: object, column: Column): FlatValue | undefined {
  const [head, inner] = column.path as [string, string | undefined];
  const value = (record as Record<string, unknown>)[head];
  if (value === undefined || value === null) return undefined;
  if (inner === undefined) return Array.isArray(value) && value.length === 0 ? undefined : (value as FlatValue);
  if (Array.isArray(value)) {
    const list = value.map((v: Record<string, unknown>) => String(v[inner]));
    return list.length === 0 ? undefined : list;
  }
  const nested = (value as Record<string, unknown>)[inner];
  return nested === undefined || nested === null ? undefined : (nested as FlatValue);
}

/**
 * The record's values by column name, leaving out the columns it has no value for. With `lists: 'json'`, a list
 * is its JSON text: for formats without lists (GraphML), or whose list syntax cannot hold every value (GEXF's
 * writer splits unquoted list items at commas, and spans quote Chinese text with commas in it).
 */
export function flatRecord(record: object, columns: readonly Column[], { lists = 'array' }: { lists?: 'array' | 'json' } = {}): Record<string, FlatValue> {
  const out: Record<string, FlatValue> = {};
  for (const c of columns) {
    const v = columnValue(record, c);
    if (v !== undefined) out[c.name] = lists === 'json' && Array.isArray(v) ? JSON.stringify(v) : v;
  }
  return out;
}
