import { z } from 'zod';
import { Citation } from './citation.js';
import { describedEnum } from './described-enum.js';
import { EntityId, idOfKind } from './ids.js';
import type { EntityKind } from './kinds.js';

type Endpoints = readonly [from: readonly EntityKind[], to: readonly EntityKind[]];

/** Every relation type: what it means and which kinds of entity it may connect (from → to). */
export const relationInfo = {
  ISSUED_BY: {
    description: 'A policy document was issued by an agency, as lead issuer or jointly.',
    endpoints: [[['POLICY'], ['AGENCY']]],
  },
  TARGETS: {
    description: 'A policy, program or event serves or is aimed at a target group or kind of institution.',
    endpoints: [[['POLICY', 'PROGRAM', 'EVENT'], ['TARGET_GROUP', 'ORGANIZATION']]],
  },
  FUNDS: {
    description: 'Money flows from a fund, agency or organization to a program, organization, group or event.',
    endpoints: [[['AGENCY', 'PROGRAM', 'ORGANIZATION'], ['PROGRAM', 'ORGANIZATION', 'TARGET_GROUP', 'EVENT']]],
  },
  IMPLEMENTS: {
    description: 'A policy, program or event carries out a policy or program (e.g. a plan implementing a regulation).',
    endpoints: [[['POLICY', 'PROGRAM', 'EVENT'], ['POLICY', 'PROGRAM']]],
  },
  GOVERNS: {
    description: 'A policy sets the rules of a program, an institution or a platform.',
    endpoints: [[['POLICY'], ['PROGRAM', 'ORGANIZATION']]],
  },
  ADMINISTERS: {
    description: 'An agency or organization runs a program, institution or platform.',
    endpoints: [[['AGENCY', 'ORGANIZATION'], ['PROGRAM', 'ORGANIZATION', 'EVENT']]],
  },
  USES: {
    description: 'A program, agency or policy relies on a platform, facility or institution.',
    endpoints: [[['PROGRAM', 'AGENCY', 'POLICY'], ['ORGANIZATION']]],
  },
  MEASURES: {
    description: 'A figure counts or measures a program, target group, organization, event or policy.',
    endpoints: [[['METRIC'], ['PROGRAM', 'TARGET_GROUP', 'ORGANIZATION', 'EVENT', 'POLICY']]],
  },
  SCOPED_TO: {
    description: 'A figure is stated for a region (全区 → the whole autonomous region).',
    endpoints: [[['METRIC'], ['REGION']]],
  },
  PART_OF: {
    description: 'A hierarchy within one kind: a region in a larger region, a bureau in an agency, a figure within a larger figure, a sub-program, a sub-group.',
    endpoints: [
      [['REGION'], ['REGION']],
      [['AGENCY'], ['AGENCY']],
      [['METRIC'], ['METRIC']],
      [['PROGRAM'], ['PROGRAM']],
      [['TARGET_GROUP'], ['TARGET_GROUP']],
      [['ORGANIZATION'], ['ORGANIZATION']],
      [['EVENT'], ['EVENT']],
    ],
  },
  LOCATED_IN: {
    description: 'An agency, organization or event is seated in, or has its area in, a region; a program or pilot runs in a region.',
    endpoints: [[['AGENCY', 'ORGANIZATION', 'EVENT', 'PROGRAM'], ['REGION']]],
  },
  ORGANIZED_BY: {
    description: 'An event or program is organized or led by an agency or organization.',
    endpoints: [[['EVENT', 'PROGRAM'], ['AGENCY', 'ORGANIZATION']]],
  },
  PARTNERS_WITH: {
    description: 'Two parties work together (an agreement, a twinning, data sharing).',
    endpoints: [[['AGENCY', 'ORGANIZATION', 'REGION'], ['AGENCY', 'ORGANIZATION', 'REGION']]],
  },
  CITES: {
    description: 'A policy document refers to another policy document.',
    endpoints: [[['POLICY'], ['POLICY']]],
  },
} as const satisfies Record<string, { description: string; endpoints: readonly Endpoints[] }>;

export type RelationType = keyof typeof relationInfo;
export const relationTypes = Object.keys(relationInfo) as RelationType[];
export const RelationType = z.enum(relationTypes as [RelationType, ...RelationType[]]).meta({
  description: 'The type of a relation.',
});

/** True when the relation type may connect an entity of kind `from` to one of kind `to`. */
export function allowsEndpoints(type: RelationType, from: EntityKind, to: EntityKind): boolean {
  const endpoints: readonly Endpoints[] = relationInfo[type].endpoints;
  return endpoints.some(([f, t]) => f.includes(from) && t.includes(to));
}

export const IssuerRole = describedEnum('The part an agency played in issuing a document.', {
  LEAD: 'The issuing or leading agency (印发, 牵头).',
  JOINT: 'A co-issuer (联合, 会同).',
});

const common = {
  from: EntityId.meta({ description: 'The id of the entity the relation starts at.' }),
  to: EntityId.meta({ description: 'The id of the entity the relation points to.' }),
  note: z.string().trim().min(1).optional().meta({ description: 'A short curator’s note on the relation.' }),
  implied: z.boolean().default(false).meta({
    description:
      'True when the source states the relation only through context, e.g. a sentence whose omitted subject is the department the whole report is about; the note says why.',
  }),
  citations: z
    .array(Citation)
    .min(1, { message: 'every relation needs at least one citation' })
    .meta({ description: 'Where the source states the relation.' }),
};

function relation<T extends RelationType, P extends z.ZodRawShape>(type: T, props: P) {
  return z.object({ type: z.literal(type), ...common, ...props }).strict().meta({ description: relationInfo[type].description });
}

/** Relation types without properties of their own. */
const plain = relationTypes.filter((t) => t !== 'ISSUED_BY' && t !== 'FUNDS').map((t: RelationType) => relation(t, {}));

export const Relation = z
  .discriminatedUnion('type', [
    relation('ISSUED_BY', { role: IssuerRole }),
    relation('FUNDS', {
      amount: idOfKind('METRIC').optional().meta({ description: 'The figure (a METRIC in yuan) that states the amount.' }),
    }),
    ...plain,
  ])
  .meta({ description: 'A typed, directed relation between two entities, with its citations.' });

export type RelationInput = z.input<typeof Relation>;
export type Relation = z.infer<typeof Relation>;

/** The stable, readable key of a relation: `ISSUED_BY:policy:x->agency:y`. */
export function relationKey(r: { type: RelationType; from: string; to: string }): string {
  return `${r.type}:${r.from}->${r.to}`;
}
