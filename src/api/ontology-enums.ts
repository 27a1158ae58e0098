import { entityKinds, kindInfo } from '../model/kinds.js';
import { relationInfo, relationTypes } from '../model/relations.js';
import { builder } from './builder.js';

export const EntityKindEnum = builder.enumType('EntityKind', {
  description: 'The kind of an entity: which node type of the graph it is.',
  values: Object.fromEntries(entityKinds.map((k) => [k, { description: kindInfo[k].description }])) as {
    [K in (typeof entityKinds)[number]]: { description: string };
  },
});

export const RelationTypeEnum = builder.enumType('RelationType', {
  description: 'The type of a relation between two entities; the ontology lists the kinds each type connects.',
  values: Object.fromEntries(relationTypes.map((t) => [t, { description: relationInfo[t].description }])) as {
    [K in (typeof relationTypes)[number]]: { description: string };
  },
});

export const DirectionEnum = builder.enumType('Direction', {
  description: 'Which relations of an entity to follow.',
  values: {
    OUTGOING: { description: 'Relations that start at the entity (policy ISSUED_BY agency, seen from the policy).' },
    INCOMING: { description: 'Relations that end at the entity (policy ISSUED_BY agency, seen from the agency).' },
    BOTH: { description: 'Relations in either direction.' },
  },
});

export const RelationDirectionEnum = builder.enumType('RelationDirection', {
  description: 'The direction of a relation as seen from the entity it was reached from.',
  values: {
    OUTGOING: { description: 'The relation starts at this entity.' },
    INCOMING: { description: 'The relation ends at this entity.' },
  },
});
