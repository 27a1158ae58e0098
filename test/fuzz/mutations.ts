import type { Operation } from './operations.js';
import type { Corpus, Tape } from './tape.js';
import { awkwardString } from './values.js';

/** Pieces of GraphQL syntax, to splice into a query where they do not belong. */
const tokens = ['{', '}', '(', ')', '[', ']', '...', '$', '@', ':', '!', '=', '"', '"""', '#', '\\', '\\u', '\\ud800', ',', '\n', 'on', 'fragment', 'query', 'null', '-0', '1e999', '\u0000', '\ufeff', '\ud800'];

/** One to four edits of a query's text: truncations, deletions, spliced tokens, duplicated spans, huge numbers. */
export function mutateText(text: string, tape: Tape): string {
  let out = text;
  for (let edits = tape.size(1, 4); edits > 0; edits--) {
    const at = tape.int(out.length + 1);
    const to = at + tape.size(0, 40);
    switch (tape.int(7)) {
      case 0: out = out.slice(0, at); break;
      case 1: out = out.slice(0, at) + out.slice(to); break;
      case 2: out = out.slice(0, at) + tape.pick(tokens) + out.slice(at); break;
      case 3: out = out.slice(0, to) + out.slice(at, to).repeat(tape.size(1, 50)) + out.slice(to); break;
      case 4: out = out.replace(/\b\d+\b/g, () => tape.pick(['2147483648', '-1', '0', '99999999999999999999999', '1.0', '1e10'])); break;
      case 5: out = out.slice(0, at) + awkwardString(tape) + out.slice(at); break;
      default: out = out.slice(0, at) + String.fromCharCode(tape.int(0x10000)) + out.slice(at);
    }
  }
  return out;
}

/** Nested relations of every entity `depth` deep, `first` wide at every level: a fan-out bomb. */
function fanOut(depth: number, first: number): string {
  return depth === 0 ? 'id' : `id relations(first: ${first}) { totalCount edges { node { ${fanOut(depth - 1, first)} } } }`;
}

/** Introspection nested through fields and their types: every level multiplies by the fields of every type. */
function typeBomb(depth: number): string {
  if (depth === 0) return 'name';
  const next = typeBomb(depth - 1);
  return `name fields { type { ${next} ofType { ${next} ofType { ${next} } } } }`;
}

/**
 * Requests built to hurt: depth, alias, fan-out, directive and token bombs, deep literals and variables, long
 * strings and names, fragment chains, many operations, expensive lookups repeated under aliases.
 */
export function bomb(tape: Tape, corpus: Corpus): Operation | { body: string } {
  const id = () => tape.pick(corpus.ids);
  const n = (min: number, max: number) => tape.size(min, max);
  const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
  switch (tape.int(17)) {
    case 0: { const d = n(20, 12_000); return { query: `${'{ a '.repeat(d)}${'}'.repeat(d)}` }; }
    case 1: return { query: '{'.repeat(n(100, 50_000)) };
    case 2: { const d = n(10, 20_000); return { query: `{ nodes(ids: ${'['.repeat(d)}${']'.repeat(d)}) { id } }` }; }
    case 3: { const d = n(10, 8_000); return { query: `{ metrics(filter: ${'{ region: "x", from: '.repeat(d)}null${'}'.repeat(d)}) { totalCount } }` }; }
    case 4: {
      // Written as text: JSON.stringify would overflow the fuzzer's own stack.
      const d = n(10, 30_000);
      return { body: `{"query":"query($v: [[ID]]) { nodes(ids: $v) { id } }","variables":{"v":${'['.repeat(d)}${']'.repeat(d)}}}` };
    }
    case 5: return { query: aliased(n(31, 3_000), 'entities(first: 100) { totalCount }') };
    case 6: return { query: `{ node(id: "${id()}") { ... on Entity { ${fanOut(n(2, 9), tape.pick([5, 20, 100]))} } } }` };
    case 7: return { query: `{ __typename ${'@include(if: true) '.repeat(n(2, 5_000))}}` };
    case 8: return { query: `{ ${'__typename '.repeat(n(100, 20_000))}}` };
    case 9: return { query: `{ search(text: ${JSON.stringify('养老'.repeat(n(60, 30_000)))}) { totalCount } }` };
    case 10: return { query: `{ ${'x'.repeat(n(100, 90_000))} }` };
    case 11: {
      const count = n(2, 400);
      const chain = Array.from({ length: count }, (_, i) => `fragment F${i} on Entity { id relations(first: 100) { edges { node { ...F${i + 1} } } } }`);
      chain.push(`fragment F${count} on Entity { id }`);
      return { query: `{ node(id: "${id()}") { ...F0 } }\n${chain.join('\n')}` };
    }
    case 12: {
      const count = n(2, 3_000);
      const operations = Array.from({ length: count }, (_, i) => `query Q${i} { __typename }`).join('\n');
      return { query: operations, operationName: `Q${tape.int(count + 1)}` };
    }
    case 13: return { query: aliased(n(2, 200), `neighborhood(id: "${id()}", depth: 3, limit: 500) { truncated entities { entity { id } } relations { type } }`) };
    case 14: return { query: aliased(n(2, 100), `paths(from: "${id()}", to: "${id()}", first: 20, maxHops: 6, direction: BOTH) { length }`) };
    case 15: return { query: `{ __schema { types { ${typeBomb(n(1, 6))} } } }` };
    default: {
      const first = tape.pick(['100', '2147483647', '101', '-2147483648']);
      return { query: `{ entities(first: ${first}) { edges { node { id relations(first: ${first}) { totalCount } } } } nodes(ids: ${JSON.stringify(Array.from({ length: n(100, 2_000) }, id))}) { id } }` };
    }
  }
}
