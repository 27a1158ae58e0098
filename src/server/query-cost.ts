import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  lexicographicSortSchema,
  type SelectionSetNode,
  validate,
} from 'graphql';

/**
 * How broad a document is, before validation: its broadest operation with every fragment spread counted again,
 * or all its field selections as written (fragments that no operation uses included), whichever is more.
 */
export function breadthOf(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const expanded = new Map<string, number>();
  const open = new Set<string>(); // a fragment cycle counts nothing more here: validation refuses cycles
  let written = 0;
  const count = (set: SelectionSetNode | undefined, expand: boolean): number => {
    let n = 0;
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) n += 1 + count(s.selectionSet, expand);
      else if (s.kind === Kind.INLINE_FRAGMENT) n += count(s.selectionSet, expand);
      else if (expand && !open.has(s.name.value)) {
        const name = s.name.value;
        if (!expanded.has(name)) {
          open.add(name);
          expanded.set(name, count(fragments.get(name)?.selectionSet, true));
          open.delete(name);
        }
        n += expanded.get(name)!;
      }
    }
    return n;
  };
  let broadest = 0;
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) broadest = Math.max(broadest, count(d.selectionSet, true));
    if ('selectionSet' in d) written += count(d.selectionSet, false);
  }
  return Math.max(broadest, written);
}

export type Measured = { complexity: number; depth: number; breadth: number };

const costSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();

/**
 * The schema as the cost sees it: a copy with the same fields and costs but without Pothos's argument mappers
 * (zod validation, id decoding), which would throw on a bad argument while the cost is counted. The cost
 * functions clamp raw arguments to their ceilings; a bad argument is then refused by its own field as it runs,
 * with its path, like before.
 */
function costSchemaOf(schema: GraphQLSchema): GraphQLSchema {
  let copy = costSchemas.get(schema);
  if (!copy) {
    copy = lexicographicSortSchema(schema); // new type instances, so the schema being served is left alone
    for (const type of Object.values(copy.getTypeMap())) {
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const { pothosArgMappers: _, ...extensions } = field.extensions as Record<string, unknown>;
        (field as { extensions: unknown }).extensions = extensions;
      }
    }
    costSchemas.set(schema, copy);
  }
  return copy;
}

/**
 * The cost, depth and breadth of the operation to execute, from the fields' costs with the request's variables
 * and store. Null when they cannot be measured (invalid variables, no such operation): execution refuses those
 * itself, before any resolver runs.
 */
export function measure(args: ExecutionArgs): Measured | null {
  const store = ((args.contextValue ?? {}) as { store?: object }).store ?? withoutStore;
  let byStore = measuredByDocument.get(args.document);
  if (!byStore) measuredByDocument.set(args.document, (byStore = new WeakMap()));
  let known = byStore.get(store);
  if (!known) byStore.set(store, (known = new Map()));
  const key = costKey(args);
  if (key === null) return measureAfresh(args);
  if (known.has(key)) return known.get(key)!;
  const measured = measureAfresh(args);
  if (known.size >= measuredPerDocument) known.clear();
  known.set(key, measured);
  return measured;
}

/** How many variable shapes of one document keep their measure (per data set); then the memo starts over. */
export const measuredPerDocument = 500;
const withoutStore = {};
const measuredByDocument = new WeakMap<DocumentNode, WeakMap<object, Map<string, Measured | null>>>();

/**
 * What a cost can depend on: the operation and the variables with every string left out. No field's cost reads a
 * string argument (src/api/complexity.ts: counts, list lengths and the data's ceilings only), so a query asked
 * with another id or search word costs the same and is measured once per document, operation and data set.
 */
function costKey(args: ExecutionArgs): string | null {
  try {
    return `${args.operationName ?? ''}\0${JSON.stringify(args.variableValues ?? {}, (_key, value) => (typeof value === 'string' ? '' : value))}`;
  } catch {
    return null; // variables nested too deeply to serialize: measured, not kept
  }
}

function measureAfresh(args: ExecutionArgs): Measured | null {
  let measured: Measured | null = null;
  const rule = createComplexityRule({
    context: (args.contextValue ?? {}) as object,
    variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
    operationName: args.operationName,
    validate: () => {},
    onResult: (result) => {
      if (!measured || result.complexity > measured.complexity) measured = { ...result };
    },
  });
  validate(costSchemaOf(args.schema), args.document, [rule]);
  return measured;
}

