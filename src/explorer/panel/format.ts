/** How figures read: 2798000 → 279.8万 (or 2.8M), a period or as-of date, a base unit's short name. */
import type { Lang } from '../i18n.js';

const baseUnitNames: Record<string, [string, string]> = {
  PERSON: ['人', 'people'],
  PERSON_TIME: ['人次', 'person-times'],
  YUAN: ['元', 'yuan'],
  HOUSEHOLD: ['户', 'households'],
  PERCENT: ['%', '%'],
  BED: ['张床位', 'beds'],
  COUPLE: ['对', 'couples'],
  ORGANIZATION: ['家组织', 'organizations'],
  FACILITY: ['个设施', 'facilities'],
  REGION: ['个地区', 'places'],
  AGENCY: ['个部门', 'agencies'],
  DOCUMENT: ['份文件', 'documents'],
  EVENT: ['场活动', 'events'],
  CASE: ['件', 'cases'],
  TIME: ['次', 'times'],
  PROJECT: ['个项目', 'projects'],
  JOB: ['个岗位', 'jobs'],
  ITEM: ['项', 'items'],
};

export const baseUnitName = (lang: Lang, unit: string) => (baseUnitNames[unit] ?? [unit, unit])[lang === 'zh' ? 0 : 1];

/** A number the way a reader of either language expects it (万 and 亿 in Chinese). */
export function formatNumber(value: number, lang: Lang): string {
  const round = (n: number) => String(Number(n.toPrecision(4)));
  if (lang === 'zh') {
    if (Math.abs(value) >= 1e8) return `${round(value / 1e8)}亿`;
    if (Math.abs(value) >= 1e4) return `${round(value / 1e4)}万`;
    return round(value);
  }
  return new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 4 }).format(value);
}

export function formatQuantity(value: number, unit: string, lang: Lang): string {
  const name = baseUnitName(lang, unit);
  return lang === 'zh' || name === '%' ? `${formatNumber(value, lang)}${name}` : `${formatNumber(value, lang)} ${name}`;
}

export function periodText(figure: { period: { start: string; end: string } | null; asOf?: string | null }, lang: Lang): string {
  if (figure.period) return `${figure.period.start} – ${figure.period.end}`;
  if (figure.asOf) return lang === 'zh' ? `截至 ${figure.asOf}` : `as of ${figure.asOf}`;
  return '';
}
