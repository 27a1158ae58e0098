/**
 * A generated data set of any size that the loader accepts: every kind, every relation type the generator can
 * place, Chinese names, figures with units, ranges and periods. Deterministic (a seeded generator), so timings
 * and counts repeat. Used by the 10^5-entity export test and by `write-synthetic.ts` for the CLI.
 */
import { printedUnits } from '../../src/model/units.js';

type Item = Record<string, unknown>;
export type SyntheticFile = { source: string; entities: Item[]; relations: Item[] };

/** Shares of the entities by kind; metrics are what the rest leaves. */
const shares = { REGION: 0.05, AGENCY: 0.05, POLICY: 0.2, PROGRAM: 0.1, TARGET_GROUP: 0.05, ORGANIZATION: 0.1, EVENT: 0.05 } as const;
const source = 'source:synthetic';
const figureUnits = [
  ['万人', 'PERSON'], ['亿元', 'YUAN'], ['万元', 'YUAN'], ['人次', 'PERSON_TIME'], ['个', 'FACILITY'], ['%', 'PERCENT'],
] as const;

function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** The data files of a generated data set of `total` entities (one of them the source), `perFile` entities a file. */
export function syntheticDataFiles(total: number, { perFile = 5000, seed = 1 } = {}): Record<string, SyntheticFile> {
  const pick = random(seed);
  const count = Object.fromEntries(Object.entries(shares).map(([k, s]) => [k, Math.max(1, Math.floor(total * s))])) as Record<keyof typeof shares, number>;
  const metrics = Math.max(1, total - 1 - Object.values(count).reduce((a, b) => a + b, 0));
  const id = (prefix: string, i: number) => `${prefix}:syn-${i}`;
  const any = (prefix: string, n: number) => id(prefix, pick(n));
  const cite = (i: number | string) => [{ span: `合成数据第${i}条` }];
  const entities: Item[] = [];
  const relations: Item[] = [];
  const relate = (type: string, from: string, to: string, extra: Item = {}) =>
    relations.push({ type, from, to, ...extra, citations: cite(`${type}-${relations.length}`) });
  const entity = (kind: string, prefix: string, i: number, name: string, nameEn: string, extra: Item) =>
    entities.push({ id: id(prefix, i), kind, name: `${name}${i}`, nameEn: `${nameEn} ${i}`, ...extra, citations: cite(`${prefix}-${i}`) });

  for (let i = 0; i < count.REGION; i++) {
    entity('REGION', 'region', i, '合成区域', 'Synthetic region', { level: i === 0 ? 'PROVINCE' : 'COUNTY' });
    if (i > 0) relate('PART_OF', id('region', i), id('region', Math.floor((i - 1) / 10)));
  }
  for (let i = 0; i < count.AGENCY; i++) {
    entity('AGENCY', 'agency', i, '合成民政局', 'Synthetic civil-affairs bureau', { level: 'COUNTY', aliases: [`合成局${i}`] });
    relate('LOCATED_IN', id('agency', i), any('region', count.REGION));
  }
  for (let i = 0; i < count.PROGRAM; i++) {
    entity('PROGRAM', 'program', i, '合成救助项目', 'Synthetic assistance program', { programType: i % 7 === 0 ? 'FUND' : 'ASSISTANCE' });
    relate('ADMINISTERS', any('agency', count.AGENCY), id('program', i));
  }
  for (let i = 0; i < count.TARGET_GROUP; i++) {
    entity('TARGET_GROUP', 'target-group', i, '合成困难群众', 'Synthetic group in need', {});
    relate('TARGETS', any('program', count.PROGRAM), id('target-group', i));
  }
  for (let i = 0; i < count.ORGANIZATION; i++) {
    entity('ORGANIZATION', 'organization', i, '合成养老院', 'Synthetic care home', { category: 'INSTITUTION' });
    relate('LOCATED_IN', id('organization', i), any('region', count.REGION));
    relate('USES', any('program', count.PROGRAM), id('organization', i));
  }
  for (let i = 0; i < count.EVENT; i++) {
    entity('EVENT', 'event', i, '合成推进会', 'Synthetic meeting', { eventType: 'MEETING', startDate: '2023-06-01' });
    relate('ORGANIZED_BY', id('event', i), any('agency', count.AGENCY));
  }
  for (let i = 0; i < count.POLICY; i++) {
    entity('POLICY', 'policy', i, '关于做好合成工作的通知', 'Notice on synthetic work', { docType: 'NOTICE', status: 'ISSUED' });
    const lead = pick(count.AGENCY);
    relate('ISSUED_BY', id('policy', i), id('agency', lead), { role: 'LEAD' });
    if (count.AGENCY > 1 && i % 3 === 0) relate('ISSUED_BY', id('policy', i), id('agency', (lead + 1) % count.AGENCY), { role: 'JOINT' });
    relate('GOVERNS', id('policy', i), any('program', count.PROGRAM));
    if (i > 0 && i % 4 === 0) relate('CITES', id('policy', i), id('policy', pick(i)));
  }
  for (let i = 0; i < metrics; i++) {
    const [unit, baseUnit] = figureUnits[i % figureUnits.length]!;
    const scale = printedUnits[unit]!.scale;
    const value = (1 + pick(9999)) / 10;
    const quantity =
      i % 10 === 9
        ? { comparator: 'RANGE', lower: value, upper: value * 2, normalizedLower: value * scale, normalizedUpper: value * 2 * scale }
        : { value, normalizedValue: value * scale, comparator: i % 5 === 0 ? 'APPROXIMATE' : 'EXACT' };
    const when = i % 2 === 0 ? { asOf: '2023-12-29' } : { period: { start: '2023-01-01', end: '2023-12-29' } };
    const subject = i % 3 === 0 ? any('target-group', count.TARGET_GROUP) : any('program', count.PROGRAM);
    entity('METRIC', 'metric', i, '合成指标', 'Synthetic figure', { unit, baseUnit, ...quantity, ...when, region: any('region', count.REGION), subjects: [subject] });
    if (baseUnit === 'YUAN' && quantity.comparator !== 'RANGE' && i % 4 === 1) {
      relate('FUNDS', id('program', 0), any('program', count.PROGRAM), { amount: id('metric', i) });
    }
  }
  return split(entities, dedupe(relations), perFile);
}

/** Two random picks can state the same relation twice, which the loader refuses: keep the first. */
function dedupe(relations: Item[]): Item[] {
  const seen = new Set<string>();
  return relations.filter((r) => {
    const key = `${r.type}:${r.from}->${r.to}`;
    if (seen.has(key) || r.from === r.to) return false;
    seen.add(key);
    return true;
  });
}

function split(entities: Item[], relations: Item[], perFile: number): Record<string, SyntheticFile> {
  const files: Record<string, SyntheticFile> = {
    'sources.json': { source, entities: [{ id: source, kind: 'SOURCE', name: '合成数据来源', nameEn: 'Synthetic source' }], relations: [] },
  };
  const parts = Math.max(1, Math.ceil(entities.length / perFile));
  const relationsPerPart = Math.ceil(relations.length / parts);
  for (let p = 0; p < parts; p++) {
    files[`part-${String(p).padStart(4, '0')}.json`] = {
      source,
      entities: entities.slice(p * perFile, (p + 1) * perFile),
      relations: relations.slice(p * relationsPerPart, (p + 1) * relationsPerPart),
    };
  }
  return files;
}

/** The files as JSON text, ready for `writeDataSet`. */
export function syntheticDataSet(total: number, options?: { perFile?: number; seed?: number }): Record<string, string> {
  return Object.fromEntries(Object.entries(syntheticDataFiles(total, options)).map(([name, file]) => [name, JSON.stringify(file)]));
}

/**
 * The generated data set as a graph, built as the loader builds one (the model's schemas, then assembleGraph with
 * its checks) but without reading files: the big-export test needs the graph, not the YAML parser's time.
 */
export async function syntheticGraph(total: number, options?: { perFile?: number; seed?: number }) {
  const { Entity } = await import('../../src/model/entity.js');
  const { Relation } = await import('../../src/model/relations.js');
  const { assembleGraph } = await import('../../src/store/assemble.js');
  const files = Object.entries(syntheticDataFiles(total, options)).map(([file, f]) => ({
    file,
    source: f.source,
    entities: f.entities.map((e, index) => ({ index, value: Entity.parse(e) })),
    relations: f.relations.map((r, index) => ({ index, value: Relation.parse(r) })),
    lineOf: () => undefined,
  }));
  const { graph, problems } = assembleGraph(files);
  if (problems.length > 0) throw new Error(`the generated data set has problems: ${problems.slice(0, 3).map((p) => p.message).join('; ')}`);
  return graph;
}
