import { describe, expect, it } from 'vitest';
import { extract, onlyMissing } from '../../src/curation/extract.js';
import { displayWidth, formatTable } from '../../src/curation/format.js';
import { fixtureStore } from '../fixtures.js';

describe('formatTable', () => {
  it('prints a row per item (line, kind, text, comparator and value, status, id), then the summary', async () => {
    const report = extract('全区共纳入低保对象279.8万人,另有约3.3亿元。\n印发《不存在的办法》', await fixtureStore());
    const lines = formatTable(report).split('\n');
    expect(lines[0]).toMatch(/^line\s+kind\s+text\s+detail\s+status\s+id$/);
    expect(lines[1]).toMatch(/^1\s+NAME\s+低保对象\s+TARGET_GROUP\s+KNOWN\s+target-group:dibao-recipients$/);
    expect(lines[2]).toMatch(/^1\s+FIGURE\s+279\.8万人\s+EXACT 2798000\s+PRESENT\s+metric:recipients$/);
    expect(lines[3]).toMatch(/^1\s+FIGURE\s+约3\.3亿元\s+APPROXIMATE 330000000\s+MISSING$/);
    expect(lines[4]).toMatch(/^2\s+TITLE\s+《不存在的办法》\s+MISSING$/);
    expect(lines.slice(-4)).toEqual(['figures: 2 (1 missing)', 'titles:  1 (1 missing)', 'names:   1', 'MISSING: 2']);
  });

  it('aligns columns by display width (a Chinese character takes two columns)', async () => {
    const report = extract('纳入低保对象279.8万人,发放5000元—7000元', await fixtureStore());
    const rows = formatTable(report).split('\n').slice(1, 4);
    const statusColumn = rows.map((r) => displayWidth(r.slice(0, r.search(/KNOWN|PRESENT|MISSING/))));
    expect(new Set(statusColumn).size).toBe(1);
    expect(displayWidth('广西ab')).toBe(6);
  });

  it('lists only the missing items with onlyMissing, and says when nothing is missing', async () => {
    const store = await fixtureStore();
    const missing = formatTable(onlyMissing(extract('低保对象279.8万人,约3.3亿元', store))).split('\n');
    expect(missing.filter((l) => /^\d/.test(l))).toHaveLength(1);
    expect(formatTable(extract('低保对象279.8万人', store))).toMatch(/nothing missing$/);
    expect(formatTable(onlyMissing(extract('低保对象279.8万人', store)))).toMatch(/^figures: 1 \(0 missing\)/);
  });
});
