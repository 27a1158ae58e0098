import { Program, ProgramType } from '../model/entity.js';
import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, relatedField, relatedOne, resolveList } from './connections.js';
import { enumFromModel, modelDoc } from './model-docs.js';
import { entityNodeOptions } from './node-options.js';
import { EntityRef, MetricRef, OrganizationRef, PolicyRef, ProgramRef } from './refs.js';
import { ProgramOrderEnum, orderedPrograms } from './rankings.js';
import type { ProgramOrder } from '../store/rankings.js';

const ProgramTypeEnum = enumFromModel('ProgramType', ProgramType);

builder.node(ProgramRef, {
  ...entityNodeOptions('PROGRAM'),
  description: kindInfo.PROGRAM.description,
  fields: (t) => ({
    programType: t.expose('programType', { type: ProgramTypeEnum, description: modelDoc(Program, 'programType') }),
    policies: relatedField(t, PolicyRef, ['GOVERNS'], 'INCOMING', 'The documents that set the rules of this program.'),
    implements: relatedField(t, EntityRef, ['IMPLEMENTS'], 'OUTGOING', 'The policies or programs this program carries out.'),
    metrics: relatedField(t, MetricRef, ['MEASURES'], 'INCOMING', 'The figures that count or measure this program.'),
    targets: relatedField(t, EntityRef, ['TARGETS'], 'OUTGOING', 'The target groups and institutions the program serves.'),
    administeredBy: relatedField(t, EntityRef, ['ADMINISTERS'], 'INCOMING', 'The agencies and organizations that run the program.'),
    organizedBy: relatedField(t, EntityRef, ['ORGANIZED_BY'], 'OUTGOING', 'The agencies or organizations that lead the program.'),
    fundedBy: relatedField(t, EntityRef, ['FUNDS'], 'INCOMING', 'The funds and agencies that pay for the program; relation.amount gives the figure.'),
    funds: relatedField(t, EntityRef, ['FUNDS'], 'OUTGOING', 'For a fund: what it pays for; relation.amount gives the figure.'),
    uses: relatedField(t, OrganizationRef, ['USES'], 'OUTGOING', 'The platforms and institutions the program relies on.'),
    parent: relatedOne(t, ProgramRef, 'PART_OF', 'OUTGOING', 'The broader program this one is part of, if any.'),
    subprograms: relatedField(t, ProgramRef, ['PART_OF'], 'INCOMING', 'The programs that are part of this one.'),
  }),
});

builder.queryFields((t) => ({
  programs: t.field({
    type: listConnection(ProgramRef),
    description: 'Programs, services, funds and campaigns, in data-set order or sorted by orderBy, optionally of one type.',
    args: {
      ...t.arg.connectionArgs(),
      programType: t.arg({ type: ProgramTypeEnum, required: false, description: 'Only programs of this type.' }),
      orderBy: t.arg({ type: ProgramOrderEnum, defaultValue: 'DATA_ORDER', description: 'How to order them (default DATA_ORDER); sorted orders are descending, ties in data order.' }),
    },
    resolve: resolveList(({ store }, args: { programType?: string | null; orderBy?: ProgramOrder | null }) =>
      orderedPrograms(store, args.orderBy).filter((p) => !args.programType || (p.kind === 'PROGRAM' && p.programType === args.programType)),
    ),
  }),
}));
