import { z } from 'zod';

/** What an entity is. The closed set of node kinds in the policy graph. */
export const kindInfo = {
  POLICY: {
    prefix: 'policy',
    typeName: 'Policy',
    description: 'A named policy document: a notice, measures, opinions, a regulation, a plan, a guideline or a standard.',
  },
  AGENCY: {
    prefix: 'agency',
    typeName: 'Agency',
    description: 'A government body at any level, from a ministry to a county bureau or a township workstation.',
  },
  PROGRAM: {
    prefix: 'program',
    typeName: 'Program',
    description: 'A program, public service, fund, campaign or initiative that policies set up and agencies run.',
  },
  REGION: {
    prefix: 'region',
    typeName: 'Region',
    description: 'An administrative division (autonomous region, city, county, township, village) or a named area.',
  },
  METRIC: {
    prefix: 'metric',
    typeName: 'Metric',
    description: 'A stated figure: a quantity with its unit, comparator, period, region and subject.',
  },
  TARGET_GROUP: {
    prefix: 'target-group',
    typeName: 'TargetGroup',
    description: 'A group of people a policy or program serves, such as 低保对象 or 留守儿童.',
  },
  ORGANIZATION: {
    prefix: 'organization',
    typeName: 'Organization',
    description: 'An institution, facility, information platform, social organization or company.',
  },
  EVENT: {
    prefix: 'event',
    typeName: 'Event',
    description: 'A meeting, fair, summit or activity held on a date or over a period.',
  },
  SOURCE: {
    prefix: 'source',
    typeName: 'Source',
    description: 'A document the facts come from: an article, report or official publication.',
  },
} as const;

export type EntityKind = keyof typeof kindInfo;
export const entityKinds = Object.keys(kindInfo) as EntityKind[];
export const EntityKind = z.enum(entityKinds as [EntityKind, ...EntityKind[]]).meta({
  description: 'The kind of an entity.',
});

const kindByPrefix = new Map<string, EntityKind>(entityKinds.map((k) => [kindInfo[k].prefix, k]));
const kindByTypeName = new Map<string, EntityKind>(entityKinds.map((k) => [kindInfo[k].typeName, k]));

/** The kind an id declares by its prefix (`region:450000` → REGION), or null when the prefix is unknown. */
export function kindOfId(id: string): EntityKind | null {
  const colon = id.indexOf(':');
  return colon < 0 ? null : (kindByPrefix.get(id.slice(0, colon)) ?? null);
}

export function kindOfTypeName(typeName: string): EntityKind | null {
  return kindByTypeName.get(typeName) ?? null;
}
