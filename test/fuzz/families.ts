import fc from 'fast-check';
import type { FuzzRequest } from './harness.js';
import { httpRequest } from './http-requests.js';
import { bomb, mutateText } from './mutations.js';
import { generateOperation } from './operations.js';
import { rawRequest } from './raw-http.js';
import type { SchemaModel } from './schema-model.js';
import { type Corpus, Tape, tapeArbitrary } from './tape.js';
import { operationRequest } from './transport.js';

export type Input = { tape: number[]; json?: unknown; bytes?: Uint8Array };
export type Family = {
  name: string;
  /** Its share of the requests of a run. */
  share: number;
  arbitrary: fc.Arbitrary<Input>;
  build(input: Input, model: SchemaModel, corpus: Corpus): FuzzRequest;
};

const tapeOnly = fc.record({ tape: tapeArbitrary });
const withJson = fc.record({ tape: tapeArbitrary, json: fc.jsonValue({ maxDepth: 3 }) });
const withBytes = fc.record({ tape: tapeArbitrary, json: fc.jsonValue({ maxDepth: 3 }), bytes: fc.uint8Array({ maxLength: 300 }) });

const everyday = { invalidPercent: 10, variablePercent: 20 };

/** The kinds of requests a run sends, each with its share and how it is built from fast-check's input. */
export const families: Family[] = [
  {
    name: 'schema',
    share: 0.4,
    arbitrary: tapeOnly,
    build: ({ tape }, model, corpus) => {
      const t = new Tape(tape);
      return operationRequest(generateOperation(model, t, corpus, { ...everyday, maxDepth: 1 + t.int(6) }), t);
    },
  },
  {
    name: 'mutated',
    share: 0.18,
    arbitrary: tapeOnly,
    build: ({ tape }, model, corpus) => {
      const t = new Tape(tape);
      const operation = generateOperation(model, t, corpus, { ...everyday, maxDepth: t.size(1, 4) });
      return operationRequest({ ...operation, query: mutateText(operation.query, t) }, t);
    },
  },
  {
    name: 'variables',
    share: 0.1,
    arbitrary: withJson,
    build: ({ tape, json }, model, corpus) => {
      const t = new Tape(tape);
      const operation = generateOperation(model, t, corpus, { invalidPercent: 25, variablePercent: 90, maxDepth: t.size(1, 3) });
      if (t.chance(25)) return operationRequest({ ...operation, variables: json as never }, t);
      const names = Object.keys(operation.variables ?? {});
      if (names.length > 0 && t.chance(30)) operation.variables![t.pick(names)] = json;
      return operationRequest(operation, t);
    },
  },
  {
    name: 'http',
    share: 0.24,
    arbitrary: withBytes,
    build: ({ tape, json, bytes }, model, corpus) => {
      const t = new Tape(tape);
      const operation = generateOperation(model, t, corpus, { ...everyday, maxDepth: t.size(1, 3) });
      return httpRequest(t, operation, json, bytes ?? new Uint8Array());
    },
  },
  {
    name: 'bombs',
    share: 0.05,
    arbitrary: tapeOnly,
    build: ({ tape }, _model, corpus) => {
      const t = new Tape(tape);
      const made = bomb(t, corpus);
      if ('query' in made) return operationRequest(made, t);
      return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(made.body) };
    },
  },
  {
    name: 'sockets',
    share: 0.03,
    arbitrary: tapeOnly,
    build: ({ tape }, model, corpus) => {
      const t = new Tape(tape);
      return rawRequest(t, generateOperation(model, t, corpus, { ...everyday, maxDepth: 2 }));
    },
  },
];
