import { describe, expect, it } from 'vitest';
import { knownUnits, sameNumber, unitScale } from '../../src/model/units.js';

describe('normalizing printed units', () => {
  it.each([
    ['万人', 'PERSON', 10_000],
    ['人', 'PERSON', 1],
    ['万名', 'PERSON', 10_000],
    ['人次', 'PERSON_TIME', 1],
    ['万人次', 'PERSON_TIME', 10_000],
    ['元', 'YUAN', 1],
    ['万元', 'YUAN', 10_000],
    ['亿元', 'YUAN', 100_000_000],
    ['户', 'HOUSEHOLD', 1],
    ['万户', 'HOUSEHOLD', 10_000],
    ['张', 'BED', 1],
    ['对', 'COUPLE', 1],
    ['万对', 'COUPLE', 10_000],
    ['个', 'REGION', 1],
    ['个', 'FACILITY', 1],
    ['万个', 'JOB', 10_000],
    ['家', 'ORGANIZATION', 1],
    ['场', 'EVENT', 1],
    ['例', 'CASE', 1],
    ['%', 'PERCENT', 1],
  ] as const)('%s → %s × %d', (unit, base, scale) => {
    expect(unitScale(unit, base)).toBe(scale);
  });

  it('refuses units and pairs it does not know', () => {
    expect(unitScale('万只', 'PERSON')).toBeNull();
    expect(unitScale('亿元', 'PERSON')).toBeNull();
    expect(unitScale('张', 'PERSON')).toBeNull();
    expect(unitScale('%', 'PERSON')).toBeNull();
    expect(knownUnits).toContain('亿元');
  });

  it('treats 1.15 × 10^8 and 115000000 as the same number, but not 115000001', () => {
    expect(1.15 * 1e8).not.toBe(115_000_000); // floating point: why sameNumber exists
    expect(sameNumber(1.15 * 1e8, 115_000_000)).toBe(true);
    expect(sameNumber(115_000_001, 115_000_000)).toBe(false);
    expect(sameNumber(81.5 * 1e8, 8_150_000_000)).toBe(true);
    expect(sameNumber(4113.99 * 1e4, 41_139_900)).toBe(true);
    expect(sameNumber(8_150_000_001, 8_150_000_000)).toBe(false);
    expect(sameNumber(0.95 * 1e8, 95_000_000)).toBe(true);
  });
});
