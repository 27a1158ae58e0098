/**
 * How each kind of synthetic entity is made: its fields, and the relations it owns with the probabilities that
 * give the data set its shape. Hubs (the provincial department, the province, the big programs) are picked by
 * Zipf's law; policies cite earlier policies by preferential attachment (a much-cited document gets cited more).
 * Every relation type of the model appears, always between kinds the model allows. Each (type, from kind, to kind)
 * is stated by one rule only, which is what lets OwnedRelations drop repeats per entity (see synthetic-facts.ts).
 */
import type { EntityKind } from '../../src/model/kinds.js';
import { printedUnits } from '../../src/model/units.js';
import { type Facts, type Item, OwnedRelations } from './synthetic-facts.js';
import {
  agencyLevels, departments, documentForms, eventForms, figureForms, groups, organizationForms, programForms, regionLevels, topics,
} from './vocabulary.js';

/** One generated entity and the relations it owns. */
export type Made = { entity: Item; relations: Item[] };
type Maker = (facts: Facts, i: number) => Made;

/** The depth of item i in a tree where item i's parent is (i − 1) / branching, rounded down. */
function depth(i: number, branching: number): number {
  let d = 0;
  for (let n = i; n > 0; n = Math.floor((n - 1) / branching)) d++;
  return d;
}
const parent = (i: number, branching: number) => Math.floor((i - 1) / branching);

function entity(facts: Facts, kind: EntityKind, i: number, name: string, nameEn: string, fields: Item): Item {
  return { id: facts.id(kind, i), kind, name: facts.code(kind, i) + name, nameEn: `${nameEn} ${i}`, ...fields, citations: facts.cite() };
}

/** A FUNDS amount: the id of a figure in yuan (figures whose index is 1 or 2 modulo figureForms.length are), or nothing. */
function amount(facts: Facts): Item {
  const slots = Math.floor((facts.counts.METRIC - 2) / figureForms.length);
  return slots > 0 && facts.chance(0.5) ? { amount: facts.id('METRIC', figureForms.length * facts.uniform(slots) + 1) } : {};
}

const region: Maker = (facts, i) => {
  const [level, word] = regionLevels[Math.min(depth(i, 12), regionLevels.length - 1)]!;
  const own = new OwnedRelations(facts);
  const me = facts.id('REGION', i);
  if (i > 0) own.add('PART_OF', me, facts.id('REGION', parent(i, 12)));
  if (i > 0 && facts.chance(0.05)) own.add('PARTNERS_WITH', me, facts.earlier('REGION', i));
  return { entity: entity(facts, 'REGION', i, word, `Synthetic ${level.toLowerCase()}`, { level }), relations: own.list };
};

const agency: Maker = (facts, i) => {
  const [name, short, nameEn] = departments[i % departments.length]!;
  const level = agencyLevels[Math.min(depth(i, 8), agencyLevels.length - 1)]!;
  const own = new OwnedRelations(facts);
  const me = facts.id('AGENCY', i);
  own.add('LOCATED_IN', me, facts.hub('REGION'));
  if (i > 0 && facts.chance(0.6)) own.add('PART_OF', me, facts.id('AGENCY', parent(i, 8)));
  if (facts.chance(0.1)) own.add('PARTNERS_WITH', me, facts.hub('AGENCY'));
  if (facts.chance(0.2)) own.add('USES', me, facts.any('ORGANIZATION'));
  if (facts.chance(0.15)) own.add('FUNDS', me, facts.hub('PROGRAM'), amount(facts));
  const aliases = [facts.code('AGENCY', i) + short];
  return { entity: entity(facts, 'AGENCY', i, name, nameEn, { level, aliases }), relations: own.list };
};

const program: Maker = (facts, i) => {
  const [topic, topicEn, short] = facts.oneOf(topics);
  const [programType, word] = facts.oneOf(programForms);
  const own = new OwnedRelations(facts);
  const me = facts.id('PROGRAM', i);
  own.add('ADMINISTERS', facts.hub('AGENCY'), me);
  if (facts.chance(0.3)) own.add('ADMINISTERS', facts.hub('AGENCY'), me);
  own.add('TARGETS', me, facts.hub('TARGET_GROUP'));
  if (facts.chance(0.4)) own.add('TARGETS', me, facts.hub('TARGET_GROUP'));
  if (facts.chance(0.5)) own.add('LOCATED_IN', me, facts.hub('REGION'));
  if (i > 0 && facts.chance(0.15)) own.add('PART_OF', me, facts.earlier('PROGRAM', i));
  if (facts.chance(0.1)) own.add('FUNDS', facts.hub('PROGRAM'), me, amount(facts));
  if (facts.chance(0.1)) own.add('ORGANIZED_BY', me, facts.hub('AGENCY'));
  if (facts.chance(0.3)) own.add('USES', me, facts.any('ORGANIZATION'));
  if (facts.chance(0.2)) own.add('IMPLEMENTS', me, facts.any('POLICY'));
  const aliases = facts.chance(0.3) ? [facts.code('PROGRAM', i) + short] : [];
  return { entity: entity(facts, 'PROGRAM', i, topic + word, `Synthetic ${topicEn} program`, { programType, aliases }), relations: own.list };
};

const targetGroup: Maker = (facts, i) => {
  const [name, nameEn] = groups[i % groups.length]!;
  const own = new OwnedRelations(facts);
  if (i > 0 && facts.chance(0.4)) own.add('PART_OF', facts.id('TARGET_GROUP', i), facts.earlier('TARGET_GROUP', i));
  return { entity: entity(facts, 'TARGET_GROUP', i, name, `Synthetic ${nameEn}`, {}), relations: own.list };
};

const organization: Maker = (facts, i) => {
  const [category, name, nameEn] = facts.oneOf(organizationForms);
  const own = new OwnedRelations(facts);
  const me = facts.id('ORGANIZATION', i);
  own.add('LOCATED_IN', me, facts.hub('REGION'));
  if (facts.chance(0.6)) own.add('ADMINISTERS', facts.hub('AGENCY'), me);
  if (i > 0 && facts.chance(0.1)) own.add('PART_OF', me, facts.earlier('ORGANIZATION', i));
  if (facts.chance(0.05)) own.add('FUNDS', me, facts.hub('TARGET_GROUP'));
  if (i > 0 && facts.chance(0.05)) own.add('PARTNERS_WITH', me, facts.earlier('ORGANIZATION', i));
  return { entity: entity(facts, 'ORGANIZATION', i, name, `Synthetic ${nameEn}`, { category }), relations: own.list };
};

const event: Maker = (facts, i) => {
  const [topic, topicEn] = facts.oneOf(topics);
  const [eventType, word] = facts.oneOf(eventForms);
  const own = new OwnedRelations(facts);
  const me = facts.id('EVENT', i);
  own.add('ORGANIZED_BY', me, facts.hub('AGENCY'));
  if (facts.chance(0.2)) own.add('ORGANIZED_BY', me, facts.any('ORGANIZATION'));
  own.add('LOCATED_IN', me, facts.hub('REGION'));
  if (facts.chance(0.5)) own.add('TARGETS', me, facts.hub('TARGET_GROUP'));
  if (facts.chance(0.3)) own.add('IMPLEMENTS', me, facts.any('POLICY'));
  if (facts.chance(0.1)) own.add('FUNDS', facts.hub('AGENCY'), me);
  if (i > 0 && facts.chance(0.05)) own.add('PART_OF', me, facts.earlier('EVENT', i));
  const fields = { eventType, startDate: facts.date(), ...(facts.chance(0.3) ? { edition: 1 + facts.uniform(12) } : {}) };
  return { entity: entity(facts, 'EVENT', i, topic + word, `Synthetic ${topicEn} event`, fields), relations: own.list };
};

/** The policy maker keeps the policies cited so far: a policy cites one of them (preferential attachment) or any earlier one. */
function policyMaker(): Maker {
  let cited = new Int32Array(1024);
  let citations = 0;
  const cite = (target: number) => {
    if (citations === cited.length) cited = Int32Array.from({ length: cited.length * 2 }, (_, k) => cited[k] ?? 0);
    cited[citations++] = target;
  };
  return (facts, i) => {
    const [topic, topicEn] = facts.oneOf(topics);
    const [docType, word] = facts.oneOf(documentForms);
    const own = new OwnedRelations(facts);
    const me = facts.id('POLICY', i);
    own.add('ISSUED_BY', me, facts.hub('AGENCY'), { role: 'LEAD' });
    if (facts.chance(0.4)) for (let n = 1 + facts.uniform(4); n > 0; n--) own.add('ISSUED_BY', me, facts.hub('AGENCY'), { role: 'JOINT' });
    own.add('GOVERNS', me, facts.hub('PROGRAM'));
    if (facts.chance(0.6)) own.add('GOVERNS', me, facts.hub('PROGRAM'));
    if (facts.chance(0.05)) own.add('GOVERNS', me, facts.any('ORGANIZATION'));
    own.add('TARGETS', me, facts.hub('TARGET_GROUP'));
    if (facts.chance(0.3)) own.add('TARGETS', me, facts.hub('TARGET_GROUP'));
    if (facts.chance(0.1)) own.add('TARGETS', me, facts.any('ORGANIZATION'));
    for (let n = i > 0 ? facts.uniform(9) : 0; n > 0; n--) {
      const target = citations > 0 && facts.chance(0.5) ? cited[facts.uniform(citations)]! : facts.uniform(i);
      cite(target);
      own.add('CITES', me, facts.id('POLICY', target));
    }
    if (i > 0 && facts.chance(0.25)) own.add('IMPLEMENTS', me, facts.earlier('POLICY', i));
    if (facts.chance(0.15)) own.add('IMPLEMENTS', me, facts.hub('PROGRAM'));
    if (facts.chance(0.2)) own.add('USES', me, facts.any('ORGANIZATION'));
    const fields: Item = { docType, status: facts.chance(0.7) ? 'ISSUED' : 'IN_FORCE', issuedOn: facts.date() };
    if (facts.chance(0.3)) fields.documentNumber = `${facts.code('POLICY', i)}民发〔2023〕${1 + (i % 200)}号`;
    return { entity: entity(facts, 'POLICY', i, topic + word, `Synthetic ${topicEn} ${docType.toLowerCase()}`, fields), relations: own.list };
  };
}

/** What a figure measures: mostly programs and groups, some organizations, events and policies. */
function subject(facts: Facts): string {
  const x = facts.random();
  if (x < 0.45) return facts.hub('PROGRAM');
  if (x < 0.65) return facts.hub('TARGET_GROUP');
  if (x < 0.8) return facts.any('ORGANIZATION');
  if (x < 0.9) return facts.any('EVENT');
  return facts.any('POLICY');
}

const metric: Maker = (facts, i) => {
  const [topic, topicEn] = facts.oneOf(topics);
  const [word, unit, baseUnit] = figureForms[i % figureForms.length]!;
  const scale = printedUnits[unit]!.scale;
  const value = (1 + facts.uniform(baseUnit === 'PERCENT' ? 1000 : 99_999)) / 10;
  const quantity =
    i % 10 === 9
      ? { comparator: 'RANGE', lower: value, upper: value * 2, normalizedLower: value * scale, normalizedUpper: value * 2 * scale }
      : { value, normalizedValue: value * scale, comparator: facts.chance(0.2) ? 'APPROXIMATE' : 'EXACT' };
  const when = facts.chance(0.5) ? { asOf: '2023-12-29' } : { period: { start: '2023-01-01', end: '2023-12-29' } };
  const subjects = [...new Set(Array.from({ length: 1 + facts.uniform(3) }, () => subject(facts)))];
  const own = new OwnedRelations(facts);
  if (i > 0 && facts.chance(0.2)) own.add('PART_OF', facts.id('METRIC', i), facts.earlier('METRIC', i));
  const fields = { unit, baseUnit, ...quantity, ...when, region: facts.hub('REGION'), subjects };
  return { entity: entity(facts, 'METRIC', i, topic + word, `Synthetic ${topicEn} figure`, fields), relations: own.list };
};

/** The kinds in the order they are generated (a data set lists them in this order), each with its maker. */
export function makers(): [EntityKind, Maker][] {
  return [
    ['REGION', region],
    ['AGENCY', agency],
    ['TARGET_GROUP', targetGroup],
    ['PROGRAM', program],
    ['ORGANIZATION', organization],
    ['EVENT', event],
    ['POLICY', policyMaker()],
    ['METRIC', metric],
  ];
}
