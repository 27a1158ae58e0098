// Schema lint, `npm run lint:schema`: graphql-eslint over the committed SDL (schema/schema.graphql, which
// `npm run schema:check` keeps equal to what the code builds). Runs in CI after the drift check (.ci/run).
import { fileURLToPath } from 'node:url';
import graphql from '@graphql-eslint/eslint-plugin';

const schema = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));

export default [
  {
    files: ['**/*.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema } } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      // Relay: connections (edges, pageInfo), edges (node, cursor; nodes implement Node), PageInfo, and
      // first/after plus last/before on every connection field.
      ...graphql.configs['flat/schema-relay'].rules,
      // Two of relay-edge-types' optional checks are off; the rest (edges are objects named …Edge, with a cursor
      // and a single node) stays on. Lists that are not pages (aliases, citations, a path's steps) are plain
      // lists by design: short and bounded. And a few connections page values without identity
      // (MetricGroup, MetricOverlap, MetricPossibleOverlap, JointDocument), which the Relay spec allows: only
      // refetchable objects need to implement Node.
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false, shouldImplementNode: false }],
      // A description on every type, field, argument, enum value and directive: GraphiQL is the documentation.
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
      // Off: it wants `id: ID!` on every object type. Entities implement Node and have one; the other types are
      // values without identity (Citation, PathStep, MetricAggregate, Stats, connections and edges), which a
      // client never refetches, and an invented id would promise a stability they do not have.
      '@graphql-eslint/strict-id-in-types': 'off',
      // Off: it refuses Event.eventType and Program.programType. They are the domain's words (the kind of event,
      // the kind of program), and renaming them now would break every client that reads them.
      '@graphql-eslint/no-typename-prefix': 'off',
    },
  },
];
