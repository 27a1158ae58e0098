import { EntityId } from '../model/ids.js';
import { type CommonNeighbor, commonNeighbors } from '../store/common-neighbors.js';
import type { CoIssuerTie, CoIssuingPair, JointDocument } from '../store/co-issuing.js';
import { rankingsDerivation } from '../store/rankings.js';
import type { EntityNode } from '../store/graph.js';
import type { PolicyStore } from '../store/store.js';
import { argumentError, countArgument, entityArgument } from './arguments.js';
import { builder } from './builder.js';
import { dataList, firstList, fixedList } from './complexity.js';
import { IssuerRoleEnum } from './entity.js';
import { DirectionEnum, RelationTypeEnum } from './ontology-enums.js';
import { paginate } from './pagination.js';
import { AgencyRef, EntityRef, PolicyRef, RelationRef } from './refs.js';

// Who works with whom: documents issued jointly (co-issuers, pairs, joint documents), and what any two entities share.

/** The most co-issuers, pairs, documents of a tie, or common neighbours returned at once. */
export const maxCoIssuing = 100;
const defaultSize = 20;
const coIssuingOf = (store: PolicyStore) => store.derived(rankingsDerivation).coIssuing;

/** A plain list with a `first` argument costs that many items. */
const firstCost = firstList(defaultSize, maxCoIssuing);

/** The options of a `first` argument of a plain list. */
const firstOptions = (what: string) => ({
  defaultValue: defaultSize,
  validate: countArgument(maxCoIssuing),
  description: `How many ${what} to return: 1–${maxCoIssuing}, default ${defaultSize}.`,
});

/** The first documents of a tie or pair; documentCount gives how many in all. */
const firstDocuments = (tie: { documents: EntityNode[] }, args: { first?: number | null }) =>
  tie.documents.slice(0, args.first ?? defaultSize) as never;
const documentsNote = ', in data-set order (documentCount gives how many in all).';

const CoIssuerRef = builder.objectRef<CoIssuerTie>('CoIssuer').implement({
  description: 'Another agency that issued documents together with this one (both named as issuers of each document).',
  fields: (t) => ({
    agency: t.field({ type: AgencyRef, description: 'The co-issuing agency.', resolve: (tie) => tie.agency as never }),
    documentCount: t.int({ description: 'How many documents the two agencies issued together.', resolve: (tie) => tie.documents.length }),
    documents: t.field({
      type: [PolicyRef],
      description: `The documents the two agencies issued together${documentsNote}`,
      args: { first: t.arg.int(firstOptions('documents')) },
      complexity: firstCost,
      resolve: firstDocuments,
    }),
  }),
});

const CoIssuingPairRef = builder.objectRef<CoIssuingPair>('CoIssuingPair').implement({
  description: 'Two agencies that issued documents together, with those documents.',
  fields: (t) => ({
    agencies: t.field({ type: [AgencyRef], description: 'The two agencies, in data-set order.', complexity: fixedList(2), resolve: (p) => p.agencies as never }),
    documentCount: t.int({ description: 'How many documents both agencies issued.', resolve: (p) => p.documents.length }),
    documents: t.field({
      type: [PolicyRef],
      description: `The documents both agencies issued${documentsNote}`,
      args: { first: t.arg.int(firstOptions('documents')) },
      complexity: firstCost,
      resolve: firstDocuments,
    }),
  }),
});

const JointDocumentRef = builder.objectRef<JointDocument>('JointDocument').implement({
  description:
    'A document an agency issued together with other agencies, whether the source names them or only counts them (联合10部门).',
  fields: (t) => ({
    policy: t.field({ type: PolicyRef, description: 'The document.', resolve: (j) => j.policy as never }),
    role: t.field({ type: IssuerRoleEnum, description: 'The part this agency played: LEAD or JOINT.', resolve: (j) => j.role }),
    namedCoIssuers: t.field({
      type: [AgencyRef],
      description: 'The other issuers the graph names (ISSUED_BY), in data-set order.',
      complexity: dataList('issuers'),
      resolve: (j) => j.namedCoIssuers as never,
    }),
    unnamedCoIssuerCount: t.int({
      description: 'Co-issuers the source only counts without naming them (0 when it names all).',
      resolve: (j) => j.unnamedCoIssuerCount,
    }),
    coIssuerCount: t.int({
      description: 'How many other agencies issued the document with this one: named plus only counted (Policy.issuerCount − 1).',
      resolve: (j) => j.namedCoIssuers.length + j.unnamedCoIssuerCount,
    }),
  }),
});

const JointDocumentConnection = builder.connectionObject(
  { type: JointDocumentRef, name: 'JointDocumentConnection', description: 'A page of documents an agency issued jointly.' },
  { name: 'JointDocumentEdge', description: 'A document an agency issued jointly, in a page of them.' },
);

builder.objectFields(AgencyRef, (t) => ({
  coIssuers: t.field({
    type: [CoIssuerRef],
    description:
      'The agencies this one issued documents with, most documents first (ties in data-set order). Co-issuers the source only counts cannot be listed here: see jointDocuments.',
    args: { first: t.arg.int(firstOptions('co-issuers')) },
    complexity: firstCost,
    resolve: (a, args, { store }) => coIssuingOf(store).coIssuers(a.id).slice(0, args.first ?? defaultSize),
  }),
  jointDocuments: t.field({
    type: JointDocumentConnection,
    description:
      'The documents this agency issued with at least one other agency, named or only counted by the source, in data-set order: each with this agency’s role, the named co-issuers and how many co-issuers there were in all.',
    args: t.arg.connectionArgs(),
    resolve: (a, args, { store }) => paginate(coIssuingOf(store).jointDocuments(a.id), args, (j) => j) as never,
  }),
}));

const CommonNeighborRef = builder.objectRef<CommonNeighbor>('CommonNeighbor').implement({
  description: 'An entity two entities are both related to, with the relations linking each of them to it.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The shared entity.', resolve: (n) => n.entity }),
    relationsOfA: t.field({ type: [RelationRef], description: 'The relations between `a` and this entity.', complexity: dataList('parallel'), resolve: (n) => n.relationsOfA }),
    relationsOfB: t.field({ type: [RelationRef], description: 'The relations between `b` and this entity.', complexity: dataList('parallel'), resolve: (n) => n.relationsOfB }),
  }),
});

builder.queryFields((t) => ({
  coIssuingPairs: t.field({
    type: [CoIssuingPairRef],
    description: 'Who issues documents with whom: agency pairs ranked by how many documents both issued (ties in data-set order). Computed once at load.',
    args: { first: t.arg.int(firstOptions('pairs')) },
    complexity: firstCost,
    resolve: (_root, args, { store }) => coIssuingOf(store).pairs.slice(0, args.first ?? defaultSize),
  }),
  commonNeighbors: t.field({
    type: [CommonNeighborRef],
    description:
      'What two entities share: the entities both are related to (the target groups two policies both serve, the programs two agencies both run), in data-set order, each with the relations from `a` and from `b`.',
    args: {
      a: t.arg.id({ required: true, validate: EntityId, description: 'One entity, e.g. agency:gx-civil-affairs.' }),
      b: t.arg.id({ required: true, validate: EntityId, description: 'The other entity, e.g. agency:gx-education.' }),
      relationTypes: t.arg({ type: [RelationTypeEnum], required: false, description: 'Only relations of these types (default: all).' }),
      direction: t.arg({
        type: DirectionEnum,
        defaultValue: 'BOTH',
        description: 'Which relations to follow, seen from `a` and from `b` alike (default BOTH): OUTGOING finds what both point at.',
      }),
      first: t.arg.int(firstOptions('shared entities')),
    },
    complexity: firstCost,
    resolve: (_root, args, { store }) => {
      for (const name of ['a', 'b'] as const) entityArgument(store, name, String(args[name]));
      if (args.a === args.b) throw argumentError('b', 'must be a different entity from "a"');
      const shared = commonNeighbors(store, String(args.a), String(args.b), args.direction ?? 'BOTH', args.relationTypes ?? []);
      return (shared ?? []).slice(0, args.first ?? defaultSize);
    },
  }),
}));
