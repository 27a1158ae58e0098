import { Program, ProgramType } from '../model/entity.js';
import { kindInfo } from '../model/kinds.js';
import { builder } from './builder.js';
import { listConnection, related, resolveFirstRelated, resolveList } from './connections.js';
import { enumFromModel, modelDoc } from './model-docs.js';
import { entityNodeOptions } from './node-options.js';
import { EntityRef, MetricRef, OrganizationRef, PolicyRef, ProgramRef } from './refs.js';

const ProgramTypeEnum = enumFromModel('ProgramType', ProgramType);

builder.node(ProgramRef, {
  ...entityNodeOptions('PROGRAM'),
  description: kindInfo.PROGRAM.description,
  fields: (t) => ({
    programType: t.expose('programType', { type: ProgramTypeEnum, description: modelDoc(Program, 'programType') }),
    policies: t.field({
      ...related(PolicyRef, ['GOVERNS'], 'INCOMING', 'The documents that set the rules of this program.'),
      args: t.arg.connectionArgs(),
    }),
    implements: t.field({
      ...related(EntityRef, ['IMPLEMENTS'], 'OUTGOING', 'The policies or programs this program carries out.'),
      args: t.arg.connectionArgs(),
    }),
    metrics: t.field({
      ...related(MetricRef, ['MEASURES'], 'INCOMING', 'The figures that count or measure this program.'),
      args: t.arg.connectionArgs(),
    }),
    targets: t.field({
      ...related(EntityRef, ['TARGETS'], 'OUTGOING', 'The target groups and institutions the program serves.'),
      args: t.arg.connectionArgs(),
    }),
    administeredBy: t.field({
      ...related(EntityRef, ['ADMINISTERS'], 'INCOMING', 'The agencies and organizations that run the program.'),
      args: t.arg.connectionArgs(),
    }),
    organizedBy: t.field({
      ...related(EntityRef, ['ORGANIZED_BY'], 'OUTGOING', 'The agencies or organizations that lead the program.'),
      args: t.arg.connectionArgs(),
    }),
    fundedBy: t.field({
      ...related(EntityRef, ['FUNDS'], 'INCOMING', 'The funds and agencies that pay for the program; relation.amount gives the figure.'),
      args: t.arg.connectionArgs(),
    }),
    funds: t.field({
      ...related(EntityRef, ['FUNDS'], 'OUTGOING', 'For a fund: what it pays for; relation.amount gives the figure.'),
      args: t.arg.connectionArgs(),
    }),
    uses: t.field({
      ...related(OrganizationRef, ['USES'], 'OUTGOING', 'The platforms and institutions the program relies on.'),
      args: t.arg.connectionArgs(),
    }),
    parent: t.field({
      type: ProgramRef,
      nullable: true,
      description: 'The broader program this one is part of, if any.',
      resolve: resolveFirstRelated('PART_OF', 'OUTGOING'),
    }),
    subprograms: t.field({
      ...related(ProgramRef, ['PART_OF'], 'INCOMING', 'The programs that are part of this one.'),
      args: t.arg.connectionArgs(),
    }),
  }),
});

builder.queryFields((t) => ({
  programs: t.field({
    type: listConnection(ProgramRef),
    description: 'Programs, services, funds and campaigns, in data-set order, optionally of one type.',
    args: { ...t.arg.connectionArgs(), programType: t.arg({ type: ProgramTypeEnum, required: false, description: 'Only programs of this type.' }) },
    resolve: resolveList(({ store }, args: { programType?: string | null }) =>
      store.entities(['PROGRAM']).filter((p) => !args.programType || (p.kind === 'PROGRAM' && p.programType === args.programType)),
    ),
  }),
}));
