import type { IntrospectionField, IntrospectionInputValue } from 'graphql';
import { namedType, type SchemaModel, typeString } from './schema-model.js';
import type { Corpus, Tape } from './tape.js';
import { inputValue, isRequired } from './values.js';

/** The parameters of one GraphQL request, as a client would send them. */
export type Operation = { query: string; variables?: Record<string, unknown>; operationName?: string };

export type OperationOptions = {
  /** Deepest nesting of selections. */
  maxDepth: number;
  /** How often (percent) a value, field, argument or fragment is made wrong on purpose. */
  invalidPercent: number;
  /** How often (percent) an argument is passed as a variable rather than inline. */
  variablePercent: number;
};

type Variable = { name: string; type: string; value: unknown; provided: boolean };

/**
 * Writes a random operation by walking the schema: fields picked per type, required arguments filled (optional
 * ones now and then), inline and named fragments on interfaces and unions, aliases, directives, variables.
 * Every choice comes off the tape, so a failing operation shrinks to a small one.
 */
export function generateOperation(model: SchemaModel, tape: Tape, corpus: Corpus, options: OperationOptions): Operation {
  const variables: Variable[] = [];
  const fragments: string[] = [];
  let aliases = 0;
  const bad = (base: number) => tape.chance(Math.round((base * options.invalidPercent) / 15));

  function argumentsOf(args: readonly IntrospectionInputValue[]): string {
    const parts: string[] = [];
    for (const arg of args) {
      if (isRequired(arg) ? bad(2) : !tape.chance(35)) continue;
      const value = inputValue(model, arg.type, tape, corpus, options.invalidPercent);
      if (tape.chance(options.variablePercent)) {
        const name = `v${variables.length}`;
        const type = bad(4) ? tape.pick(['String', 'Int!', '[ID]', 'Nope', 'Boolean!']) : typeString(arg.type);
        variables.push({ name, type, value: value.json, provided: !bad(4) });
        parts.push(`${arg.name}: $${name}`);
      } else {
        parts.push(`${arg.name}: ${value.literal}`);
      }
    }
    if (bad(2)) parts.push(`${tape.pick(['unknownArgument', 'first', 'id'])}: 1`);
    return parts.length > 0 ? `(${parts.join(', ')})` : '';
  }

  function directive(): string {
    if (!tape.chance(4)) return '';
    const condition = tape.chance(50) ? String(tape.chance(50)) : bad(50) ? '"yes"' : 'true';
    return ` ${tape.pick(['@include', '@skip', '@include', '@skip', '@deprecated', '@nope'])}${bad(10) ? '' : `(if: ${condition})`}`;
  }

  function field(f: IntrospectionField, depth: number): string {
    const alias = tape.chance(12) ? `a${aliases++}: ` : '';
    const head = `${alias}${f.name}${argumentsOf(f.args)}${directive()}`;
    const target = namedType(f.type);
    const leaf = target.kind === 'SCALAR' || target.kind === 'ENUM';
    if (leaf) return bad(2) ? `${head} { id }` : head;
    if (bad(2)) return head; // a composite field without a selection
    return `${head} { ${selections(target.name, depth + 1)} }`;
  }

  function fragmentsOn(typeName: string, depth: number, atLeast: number): string[] {
    const parts: string[] = [];
    for (let n = tape.size(atLeast, 2); n > 0; n--) {
      const on = bad(3) ? tape.pick(model.namesOfKind('OBJECT')) : tape.pick(model.possibleTypes(typeName));
      const body = selections(on, depth);
      if (tape.chance(25)) {
        const name = `F${fragments.length}`;
        fragments.push(`fragment ${name} on ${on} { ${body} }`);
        parts.push(`...${name}`);
      } else {
        parts.push(`... on ${on} { ${body} }`);
      }
    }
    return parts;
  }

  function selections(typeName: string, depth: number): string {
    const kind = model.type(typeName).kind;
    const parts: string[] = [];
    if (kind !== 'UNION') {
      // Beyond the depth chosen for this operation, only leaves: the nesting stays as deep as asked.
      // Nested fields more often than leaves, so that operations reach the depth chosen for them.
      const all = model.fields(typeName);
      const leaves = all.filter((f) => ['SCALAR', 'ENUM'].includes(namedType(f.type).kind));
      const nested = all.filter((f) => !leaves.includes(f));
      for (let n = tape.size(1, 3); n > 0 && all.length > 0; n--) {
        const candidates = depth >= options.maxDepth ? leaves : nested.length > 0 && tape.chance(60) ? nested : all;
        if (candidates.length > 0) parts.push(field(tape.pick(candidates), depth));
      }
      if (tape.chance(3)) parts.push('__typename');
      if (bad(2)) parts.push(tape.pick(['nope', 'edges', 'id', '__proto__', 'constructor']));
    }
    if (kind === 'UNION' || (kind === 'INTERFACE' && tape.chance(60))) parts.push(...fragmentsOn(typeName, depth, kind === 'UNION' ? 1 : 0));
    return parts.length > 0 ? parts.join(' ') : '__typename';
  }

  const body = selections(model.queryType, 1);
  const definitions = variables.map((v) => `$${v.name}: ${v.type}`).join(', ');
  const named = variables.length > 0 ? !bad(2) : tape.chance(30);
  const keyword = bad(2) ? tape.pick(['mutation', 'subscription']) : 'query';
  const operation = named ? `${keyword} Fuzz${definitions ? `(${definitions})` : ''} { ${body} }` : `{ ${body} }`;
  const documents = [operation, ...fragments];
  let operationName: string | undefined;
  if (tape.chance(5)) {
    documents.push('query Other { __typename }');
    operationName = tape.pick(['Other', 'Fuzz', 'Nope', '']);
  }
  if (bad(2)) documents.push('fragment Unused on Query { __typename }');
  const provided = variables.filter((v) => v.provided);
  return {
    query: documents.join('\n'),
    ...(provided.length > 0 ? { variables: Object.fromEntries(provided.map((v) => [v.name, v.value])) } : {}),
    ...(operationName !== undefined ? { operationName } : {}),
  };
}
