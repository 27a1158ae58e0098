/**
 * Finds the figures of a Chinese text: an Arabic number with its unit as printed (from the unit table in
 * src/model/units.ts), the qualifiers around it (约, 多, 余, 超过, 以上 …) and, for a range, both bounds.
 * Numbers that are not followed by a known unit (2023年, 1—11月, 12:49) are not figures; neither are ordinals
 * (第11届) nor numbers inside a 《title》.
 */
import type { Comparator } from '../model/metric.js';
import { printedUnits } from '../model/units.js';
import { foldText, titleSpans } from './text.js';

export type FoundFigure = {
  /** Where the figure starts (at its qualifier, if any) and ends, as offsets in the text. */
  offset: number;
  end: number;
  /** The figure as printed, qualifiers and noun included: 约3.3亿元, 5000元—7000元, 14个省份. */
  text: string;
  /** The number(s) and unit without qualifiers or noun: 3.3亿元, 5000元—7000元, 14个; and where it starts. */
  core: string;
  coreOffset: number;
  comparator: Comparator;
  /** The number as printed; absent for a RANGE, which has lower and upper. */
  value?: number;
  lower?: number;
  upper?: number;
  /** A unit of `printedUnits` (亿元, 个 …), or a bare multiplier (万, 亿) when the number is followed by 万 + a noun. */
  unit: string;
  /** The noun after a measure word or a bare multiplier: 省份 in 14个省份, 脱贫人口 in 634万脱贫人口. */
  noun?: string;
  /** The unit as printed: unit + noun (个省份, 万脱贫人口, 亿元). */
  printedUnit: string;
  /** True when `unit` is a bare multiplier, not a unit of the table. */
  multiplierOnly: boolean;
  /** The scale of `unit` (1e4 for 万人 and for a bare 万). */
  scale: number;
  normalizedValue?: number;
  normalizedLower?: number;
  normalizedUpper?: number;
};

/** The units of the table, longest first, so that 万人次 is tried before 万人 and 人次 before 人. */
const units = Object.keys(printedUnits).sort((a, b) => b.length - a.length);

/**
 * The multipliers, derived from the table: 万 because 万人 is 人 × 10 000, 亿 because 亿元 is 元 × 100 000 000.
 */
export const multipliers: ReadonlyMap<string, number> = (() => {
  const found = new Map<string, number>();
  for (const [unit, rule] of Object.entries(printedUnits)) {
    const rest = printedUnits[unit.slice(1)];
    if (unit.length > 1 && rest && rule.scale > rest.scale) found.set(unit[0]!, rule.scale / rest.scale);
  }
  return found;
})();

/**
 * A measure word that counts different things (个, 家, 项, 次, 件: several base units in the table) is read
 * with the noun that follows it, which says what is counted (14个省份).
 */
function takesNoun(unit: string): boolean {
  const rule = printedUnits[unit];
  return !rule || rule.bases.length > 1;
}

/** Qualifiers before the number, longest first (不超过 before 超过). */
const before: [string, Comparator][] = [
  ['不少于', 'AT_LEAST'],
  ['不超过', 'AT_MOST'],
  ['超过', 'MORE_THAN'],
  ['不到', 'LESS_THAN'],
  ['不足', 'LESS_THAN'],
  ['大约', 'APPROXIMATE'],
  ['约', 'APPROXIMATE'],
  ['超', 'MORE_THAN'],
  ['逾', 'MORE_THAN'],
];
/** Between the number and its unit, or between 万 and the unit: 700多次, 200多万人, 2万余人. */
const inside = new Set(['多', '余']);
/** After the unit: 32家以上. */
const after: [string, Comparator][] = [
  ['以上', 'AT_LEAST'],
  ['以内', 'AT_MOST'],
  ['以下', 'AT_MOST'],
];

const numberPattern = /(?<![0-9.A-Za-z_第])\d+(?:,\d{3})*(?:\.\d+)?/g;
const rangeDash = /^(?:——?|–|-|~|至|到)/;
const han = /\p{Script=Han}/u;
/** Where a noun after a measure word ends: function words and the verbs that commonly follow it. */
const nounStops = new Set([...'的中有和与及等在进成签结形参开建互为将已被']);
const maxNounLength = 12;

type Tail = { unit: string; scale: number; multiplierOnly: boolean; moreThan: boolean; unitEnd: number; after?: Comparator; end: number; noun?: string };

/** Reads what follows a number at `p` of the folded text: 多/余, the unit or multiplier, 以上, the noun. */
function readTail(s: string, p: number): Tail | null {
  let q = p;
  let moreThan = false;
  if (inside.has(s[q]!)) (moreThan = true), q++;
  let unit = units.find((u) => s.startsWith(u, q));
  let multiplierOnly = false;
  let scale: number;
  if (unit) {
    q += unit.length;
    scale = printedUnits[unit]!.scale;
  } else {
    const m = s[q]!;
    const mScale = multipliers.get(m);
    if (mScale === undefined) return null;
    q++;
    if (!moreThan && inside.has(s[q]!)) (moreThan = true), q++;
    const rest = units.find((u) => s.startsWith(u, q) && printedUnits[m + u]);
    if (rest) {
      unit = m + rest;
      q += rest.length;
      scale = printedUnits[unit]!.scale;
    } else {
      unit = m;
      multiplierOnly = true;
      scale = mScale;
    }
  }
  // 3个月 is a duration, not a count.
  if (unit.endsWith('个') && s[q] === '月') return null;
  const unitEnd = q;
  const tail: Tail = { unit, scale, multiplierOnly, moreThan, unitEnd, end: q };
  const post = after.find(([w]) => s.startsWith(w, q));
  if (post) {
    tail.after = post[1];
    tail.end = q + post[0].length;
  } else if (takesNoun(unit)) {
    let e = q;
    while (e < s.length && e - q < maxNounLength && han.test(s[e]!) && !nounStops.has(s[e]!)) e++;
    if (e > q) {
      tail.noun = s.slice(q, e);
      tail.end = e;
    }
  }
  return tail;
}

const toNumber = (printed: string) => Number(printed.replace(/,/g, ''));
/** value × scale without floating-point noise (4113.99 × 1e4 = 41139900, not 41139900.000000004). */
const scaled = (value: number, scale: number) => Number((value * scale).toPrecision(15));

/** Every figure of the text, in text order. */
export function findFigures(text: string): FoundFigure[] {
  const s = foldText(text);
  const titles = titleSpans(s);
  const inTitle = (i: number) => titles.some((t) => i > t.start && i < t.end);
  const figures: FoundFigure[] = [];
  const re = new RegExp(numberPattern.source, 'g');
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index;
    if (inTitle(start)) continue;
    const numberEnd = start + m[0].length;
    const first = readTail(s, numberEnd);
    let figure: Omit<FoundFigure, 'offset' | 'end' | 'text' | 'core' | 'coreOffset' | 'comparator' | 'printedUnit'> & { comparator?: Comparator };
    let tail: Tail;

    // A range: 5000元—7000元 or 5000—7000元, the same unit on both sides or only after the upper bound.
    const afterFirst = first && !first.moreThan && !first.after ? first.unitEnd : first ? -1 : numberEnd;
    const dash = afterFirst >= 0 ? rangeDash.exec(s.slice(afterFirst, afterFirst + 2)) : null;
    const second = dash ? new RegExp(`^${numberPattern.source}`).exec(s.slice(afterFirst + dash[0].length)) : null;
    const secondTail = second ? readTail(s, afterFirst + dash![0].length + second[0].length) : null;
    // 1万—2万元: a bare multiplier before the dash shares the upper bound's unit.
    const sameUnit = (a: Tail, b: Tail) => a.unit === b.unit || (a.multiplierOnly && !a.noun && b.unit.startsWith(a.unit));
    if (second && secondTail && (!first || sameUnit(first, secondTail))) {
      tail = secondTail;
      const lower = toNumber(m[0]);
      const upper = toNumber(second[0]);
      figure = {
        comparator: 'RANGE', lower, upper, unit: tail.unit, multiplierOnly: tail.multiplierOnly, scale: tail.scale,
        normalizedLower: scaled(lower, tail.scale), normalizedUpper: scaled(upper, tail.scale),
      };
    } else if (first) {
      tail = first;
      const value = toNumber(m[0]);
      figure = { value, unit: tail.unit, multiplierOnly: tail.multiplierOnly, scale: tail.scale, normalizedValue: scaled(value, tail.scale) };
      if (tail.moreThan) figure.comparator = 'MORE_THAN';
      else if (tail.after) figure.comparator = tail.after;
    } else {
      continue;
    }

    const pre = before.find(([w]) => s.slice(Math.max(0, start - w.length), start) === w);
    const offset = pre ? start - pre[0].length : start;
    const comparator = figure.comparator ?? pre?.[1] ?? 'EXACT';
    if (tail.noun) figure.noun = text.slice(tail.end - tail.noun.length, tail.end);
    figures.push({
      offset,
      end: tail.end,
      text: text.slice(offset, tail.end),
      core: text.slice(start, tail.unitEnd),
      coreOffset: start,
      ...figure,
      comparator,
      printedUnit: tail.unit + (figure.noun ?? ''),
    });
    re.lastIndex = tail.end;
  }
  return figures;
}
