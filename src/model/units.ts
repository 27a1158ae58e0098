import type { z } from 'zod';
import { describedEnum } from './described-enum.js';

/** What a normalized figure counts. Figures are only ever added up within one base unit. */
export const baseUnitInfo = {
  PERSON: 'People (人).',
  PERSON_TIME: 'Person-times (人次): one person helped twice counts twice.',
  YUAN: 'Renminbi yuan (元).',
  HOUSEHOLD: 'Households (户).',
  BED: 'Beds (张), e.g. home elderly-care beds.',
  COUPLE: 'Couples (对), e.g. marriage registrations.',
  ORGANIZATION: 'Organizations or institutions (家, 个).',
  FACILITY: 'Facilities, sites and stations (个).',
  AGENCY: 'Government departments or agencies (个, 部门).',
  REGION: 'Places: provinces, counties, towns, villages (个).',
  PROJECT: 'Projects (个, 项).',
  DOCUMENT: 'Documents, standards or guidelines (个, 项).',
  EVENT: 'Events held (场, 届).',
  CASE: 'Cases, requests or burials handled (例, 件).',
  TIME: 'Times something was done (次).',
  JOB: 'Job positions (个).',
  ITEM: 'Other countable things (个, 项).',
  PERCENT: 'A percentage (%).',
} as const;

export const BaseUnit = describedEnum('The unit a normalized figure is expressed in.', baseUnitInfo);
export type BaseUnit = z.infer<typeof BaseUnit>;
export const baseUnits = BaseUnit.options;

type UnitRule = { scale: number; bases: readonly BaseUnit[] };

const ten4 = 10_000;
const ten8 = 100_000_000;
const counts: readonly BaseUnit[] = ['ORGANIZATION', 'FACILITY', 'AGENCY', 'REGION', 'PROJECT', 'DOCUMENT', 'JOB', 'ITEM'];

/**
 * Units as printed in Chinese sources, with the scale to their base unit.
 * A measure word such as 个 counts different things; the data file says which by its base unit.
 */
export const printedUnits: Readonly<Record<string, UnitRule>> = {
  人: { scale: 1, bases: ['PERSON'] },
  万人: { scale: ten4, bases: ['PERSON'] },
  名: { scale: 1, bases: ['PERSON'] },
  万名: { scale: ten4, bases: ['PERSON'] },
  人次: { scale: 1, bases: ['PERSON_TIME'] },
  万人次: { scale: ten4, bases: ['PERSON_TIME'] },
  元: { scale: 1, bases: ['YUAN'] },
  万元: { scale: ten4, bases: ['YUAN'] },
  亿元: { scale: ten8, bases: ['YUAN'] },
  户: { scale: 1, bases: ['HOUSEHOLD'] },
  万户: { scale: ten4, bases: ['HOUSEHOLD'] },
  张: { scale: 1, bases: ['BED'] },
  对: { scale: 1, bases: ['COUPLE'] },
  万对: { scale: ten4, bases: ['COUPLE'] },
  家: { scale: 1, bases: ['ORGANIZATION', 'AGENCY'] },
  个: { scale: 1, bases: counts },
  万个: { scale: ten4, bases: counts },
  项: { scale: 1, bases: ['PROJECT', 'DOCUMENT', 'ITEM'] },
  部门: { scale: 1, bases: ['AGENCY'] },
  场: { scale: 1, bases: ['EVENT'] },
  届: { scale: 1, bases: ['EVENT'] },
  次: { scale: 1, bases: ['TIME', 'CASE', 'EVENT'] },
  例: { scale: 1, bases: ['CASE'] },
  件: { scale: 1, bases: ['CASE', 'DOCUMENT'] },
  万件: { scale: ten4, bases: ['CASE'] },
  '%': { scale: 1, bases: ['PERCENT'] },
};

export const knownUnits = Object.keys(printedUnits);

/** The scale of a printed unit towards a base unit, or null when that pair is not known. */
export function unitScale(unit: string, base: BaseUnit): number | null {
  const rule = printedUnits[unit];
  return rule && rule.bases.includes(base) ? rule.scale : null;
}

/** True when two numbers agree to within floating-point noise (81.5 × 1e8 is not exactly 8150000000). */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}
