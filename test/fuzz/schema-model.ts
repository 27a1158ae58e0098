import {
  type GraphQLSchema,
  type IntrospectionField,
  type IntrospectionInputValue,
  type IntrospectionType,
  type IntrospectionTypeRef,
  introspectionFromSchema,
} from 'graphql';

/**
 * The schema as a client sees it, read through introspection of the built schema (src/api/index.ts): what the
 * query generator walks. The meta fields `__schema` and `__type` are offered on the root too.
 */
export class SchemaModel {
  private readonly types = new Map<string, IntrospectionType>();
  readonly queryType: string;

  constructor(schema: GraphQLSchema) {
    const { __schema } = introspectionFromSchema(schema);
    for (const type of __schema.types) this.types.set(type.name, type);
    this.queryType = __schema.queryType.name;
  }

  type(name: string): IntrospectionType {
    const type = this.types.get(name);
    if (!type) throw new Error(`no type ${name} in the schema`);
    return type;
  }

  /** The fields of an object or interface; the root also has the introspection entry points. */
  fields(name: string): readonly IntrospectionField[] {
    const type = this.type(name);
    const fields = type.kind === 'OBJECT' || type.kind === 'INTERFACE' ? type.fields : [];
    return name === this.queryType ? [...fields, ...metaFields] : fields;
  }

  /** The object types a fragment on this interface or union may name. */
  possibleTypes(name: string): string[] {
    const type = this.type(name);
    return type.kind === 'INTERFACE' || type.kind === 'UNION' ? type.possibleTypes.map((t) => t.name) : [name];
  }

  inputFields(name: string): readonly IntrospectionInputValue[] {
    const type = this.type(name);
    return type.kind === 'INPUT_OBJECT' ? type.inputFields : [];
  }

  enumValues(name: string): string[] {
    const type = this.type(name);
    return type.kind === 'ENUM' ? type.enumValues.map((v) => v.name) : [];
  }

  /** Every type name of some kind, to make fragments on the wrong type now and then. */
  namesOfKind(kind: IntrospectionType['kind']): string[] {
    return [...this.types.values()].filter((t) => t.kind === kind).map((t) => t.name);
  }
}

/** The named type under any list and non-null wrappers. */
export function namedType(ref: IntrospectionTypeRef): { kind: string; name: string } {
  let current = ref;
  while (current.kind === 'LIST' || current.kind === 'NON_NULL') current = current.ofType;
  return current as { kind: string; name: string };
}

/** A type reference as written in a variable definition: `[ID!]!`. */
export function typeString(ref: IntrospectionTypeRef): string {
  if (ref.kind === 'NON_NULL') return `${typeString(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${typeString(ref.ofType)}]`;
  return ref.name;
}

const named = (kind: 'OBJECT' | 'SCALAR', name: string) => ({ kind, name }) as IntrospectionTypeRef;
const nonNull = (ofType: IntrospectionTypeRef) => ({ kind: 'NON_NULL', ofType }) as IntrospectionTypeRef;
const metaFields = [
  { name: '__schema', args: [], type: nonNull(named('OBJECT', '__Schema')) },
  {
    name: '__type',
    args: [{ name: 'name', type: nonNull(named('SCALAR', 'String')), defaultValue: null }],
    type: named('OBJECT', '__Type'),
  },
] as unknown as IntrospectionField[];
