import type { IntrospectionInputTypeRef, IntrospectionInputValue } from 'graphql';
import type { SchemaModel } from './schema-model.js';
import type { Corpus, Tape } from './tape.js';

/** An argument value both as a GraphQL literal (inline) and as JSON (a variable's value). */
export type Value = { literal: string; json: unknown };

const json = (value: unknown): Value => ({ literal: literalOf(value), json: value });
const enumValue = (name: string): Value => ({ literal: name, json: name });

/** JSON as a GraphQL literal: strings quoted with JSON's escapes, which GraphQL shares (lone surrogates aside). */
export function literalOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(literalOf).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}: ${literalOf(v)}`).join(', ')}}`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const ints = [1, 2, 3, 5, 10, 20, 100];
/** Edges of the Int type and of every ceiling in the schema: 0, negative, just over 100, 32-bit limits. */
const edgeInts = [0, -1, 101, 500, 501, 1000, 2147483647, -2147483648];
/** Not an Int at all: beyond 32 bits, fractions, exponents. */
const badInts = ['2147483648', '99999999999999999999', '1.5', '1e3', '-0', '0x10'];
const badDates = ['2023-13-45', '', 'yesterday', '99999-01-01', '2023-6-1', '0000-00-00', '2023-02-30T25:61:00Z'];

/** Strings of every awkward shape: empty, whitespace, control and format characters, surrogates, huge. */
export function awkwardString(tape: Tape): string {
  switch (tape.int(12)) {
    case 0: return '';
    case 1: return ' \t\n';
    case 2: return '\u0000\u0001\u001f';
    case 3: return '\u202e\u200b\ufeff';
    case 4: return '\ud800'; // a lone surrogate: valid JSON (escaped), invalid in a GraphQL literal
    case 5: return '😀👨‍👩‍👧'.repeat(tape.size(1, 50));
    case 6: return '%00%ff\\u0000"\'`${}';
    case 7: return 'x'.repeat(tape.size(101, 20_000));
    case 8: return '低保'.repeat(tape.size(10, 5_000));
    case 9: return Array.from({ length: tape.size(1, 40) }, () => String.fromCodePoint(tape.int(0x2ffff))).join('');
    case 10: return 'a\u0301'.repeat(tape.size(1, 200)); // combining marks
    default: return '../../etc/passwd';
  }
}

/** An id: real, unknown with a real prefix, or malformed. */
function idValue(tape: Tape, corpus: Corpus): unknown {
  switch (tape.int(8)) {
    case 0: case 1: case 2: return tape.pick(corpus.ids);
    case 3: return `${tape.pick(['region', 'policy', 'agency', 'metric', 'program'])}:${tape.pick(['999999', 'nowhere', '', ':', '%2e'])}`;
    case 4: return tape.pick(['', ':', 'region:', 'REGION:450000', 'region:450000 ', 'node', 'Region:450000']);
    case 5: return tape.pick(corpus.ids) + awkwardString(tape);
    case 6: return tape.pick([0, 450000, -1]);
    default: return awkwardString(tape);
  }
}

function stringValue(tape: Tape, corpus: Corpus): unknown {
  switch (tape.int(6)) {
    case 0: case 1: return tape.pick(corpus.names);
    case 2: return tape.pick(corpus.cursors);
    case 3: return tape.pick(corpus.ids);
    case 4: return tape.pick(['a', 'dibao', 'minzhengting', 'mzt', 'ylfw', '养老', 'the']);
    default: return awkwardString(tape);
  }
}

function scalarValue(name: string, tape: Tape, corpus: Corpus, valid: boolean): Value {
  switch (name) {
    case 'Int':
      if (valid) return json(tape.chance(85) ? tape.pick(ints) : tape.pick(edgeInts));
      if (tape.chance(40)) return json(tape.pick(['5', true, 1.5]));
      return ((bad) => ({ literal: bad, json: Number(bad) }))(tape.pick(badInts));
    case 'Float':
      return valid ? json(tape.pick([0, 1.5, -1, 1e308, 5e-324])) : { literal: '1e999', json: '1e999' };
    case 'Boolean':
      return valid ? json(tape.chance(50)) : json(tape.pick(['true', 1, 0]));
    case 'ID':
      return json(valid ? idValue(tape, corpus) : tape.pick([1.5, true, [1]]));
    case 'Date':
    case 'DateTime':
      return json(valid ? tape.pick(['2023-01-01', '2023-06-01', '2023-12-31', '2024-02-29', '2023-06-01T00:00:00+08:00']) : tape.pick(badDates));
    default:
      return json(valid ? stringValue(tape, corpus) : tape.pick([5, true, 1.5]));
  }
}

/**
 * A value for an input type. Mostly well-formed (`invalidPercent` of the time a value of the wrong shape
 * somewhere), with the edge cases that matter: ceilings, unknown ids, oversized lists and strings.
 */
export function inputValue(model: SchemaModel, ref: IntrospectionInputTypeRef, tape: Tape, corpus: Corpus, invalidPercent: number, depth = 0): Value {
  const valid = !tape.chance(invalidPercent);
  if (ref.kind === 'NON_NULL') {
    if (!valid && tape.chance(30)) return json(null);
    return inputValue(model, ref.ofType, tape, corpus, invalidPercent, depth);
  }
  if (ref.kind === 'LIST') {
    if (tape.chance(5)) return inputValue(model, ref.ofType, tape, corpus, invalidPercent, depth + 1); // coerced to a list of one
    const length = tape.chance(4) ? tape.size(90, 260) : tape.size(0, 4);
    const items = Array.from({ length }, () => inputValue(model, ref.ofType, tape, corpus, invalidPercent, depth + 1));
    return { literal: `[${items.map((i) => i.literal).join(', ')}]`, json: items.map((i) => i.json) };
  }
  if (ref.kind === 'SCALAR') return scalarValue(ref.name, tape, corpus, valid);
  if (ref.kind === 'ENUM') {
    const values = model.enumValues(ref.name);
    if (valid) return enumValue(tape.pick(values));
    return tape.chance(50) ? enumValue(tape.pick(['NOPE', 'ALL', 'null', 'true'])) : json(tape.pick(values)); // quoted: invalid inline
  }
  // An input object: its required fields, some optional ones, now and then one it does not have.
  const fields = model.inputFields(ref.name);
  const chosen = fields.filter((f) => isRequired(f) ? !tape.chance(2) : depth < 3 && tape.chance(35));
  const entries = chosen.map((f) => [f.name, inputValue(model, f.type, tape, corpus, invalidPercent, depth + 1)] as const);
  if (!valid) entries.push(['unknownField', json(1)]);
  return {
    literal: `{${entries.map(([k, v]) => `${k}: ${v.literal}`).join(', ')}}`,
    json: Object.fromEntries(entries.map(([k, v]) => [k, v.json])),
  };
}

export function isRequired(arg: IntrospectionInputValue): boolean {
  return arg.type.kind === 'NON_NULL' && arg.defaultValue == null;
}
