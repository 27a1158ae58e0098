import type { EntityOf } from '../model/entity.js';

const before: Record<string, string> = { APPROXIMATE: '约', AT_LEAST: '不少于', LESS_THAN: '不到', AT_MOST: '不超过' };
const after: Record<string, string> = { MORE_THAN: '多' };

/** A figure as a reader would write it: 279.8万人, 约3.3亿元, 5000—7000元, 700多次. */
export function printedFigure(m: EntityOf<'METRIC'>): string {
  if (m.comparator === 'RANGE') return `${m.lower}—${m.upper}${m.unit}`;
  return `${before[m.comparator] ?? ''}${m.value}${after[m.comparator] ?? ''}${m.unit}`;
}
