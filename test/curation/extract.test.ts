import { describe, expect, it } from 'vitest';
import { type ExtractionItem, type FigureItem, extract, onlyMissing } from '../../src/curation/extract.js';
import { fixtureStore, type FixtureFiles } from '../fixtures.js';

/** A METRIC counting things (个) for the fixture, cited with `span`. */
const countMetric = (id: string, value: number, span: string) => ({
  id: `metric:${id}`, kind: 'METRIC', name: `数量${id}`, nameEn: `Count ${id}`,
  value, unit: '个', baseUnit: 'ITEM', normalizedValue: value, asOf: '2023-12-29', citations: [{ span }],
});
const addEntities = (...entities: object[]) => (f: FixtureFiles) => void f['topic/assistance.yaml']!.entities!.push(...entities);

const figures = (items: ExtractionItem[]) => items.filter((i): i is FigureItem => i.kind === 'FIGURE');
const row = (i: ExtractionItem) => [i.line, i.kind, i.text, i.kind === 'NAME' ? i.ids : i.status, i.kind === 'NAME' ? undefined : i.id];

const text = [
  '自治区民政厅印发《关于做好低保工作的通知》,全区共纳入低保对象279.8万人,比上年同期增加10万人。',
  '年内累计发放低保资金81.5亿元,印发《不存在的办法》。',
  '南宁市给予每人5000元—7000元助学金,另有约3.3亿元。',
].join('\n');

describe('extract', () => {
  it('lists figures, titles and names in text order with line numbers, marking what the data set holds', async () => {
    const report = extract(text, await fixtureStore());
    expect(report.items.map(row)).toEqual([
      [1, 'NAME', '自治区民政厅', ['agency:civil-affairs'], undefined],
      [1, 'TITLE', '《关于做好低保工作的通知》', 'PRESENT', 'policy:notice'],
      [1, 'NAME', '关于做好低保工作的通知', ['policy:notice'], undefined],
      [1, 'NAME', '低保对象', ['target-group:dibao-recipients'], undefined],
      [1, 'FIGURE', '279.8万人', 'PRESENT', 'metric:recipients'],
      [1, 'FIGURE', '10万人', 'PRESENT', 'metric:recipients'],
      [2, 'NAME', '低保', ['program:dibao'], undefined],
      [2, 'FIGURE', '81.5亿元', 'PRESENT', 'metric:funds'],
      [2, 'TITLE', '《不存在的办法》', 'MISSING', undefined],
      [3, 'NAME', '南宁市', ['region:450100'], undefined],
      [3, 'FIGURE', '5000元—7000元', 'PRESENT', 'metric:nanning-grant'],
      [3, 'FIGURE', '约3.3亿元', 'MISSING', undefined],
    ]);
    expect(report.summary).toEqual({ figures: 5, titles: 2, names: 5, missingFigures: 1, missingTitles: 1, missing: 2 });
  });

  it('gives each figure its comparator, normalized value and column', async () => {
    const report = extract(text, await fixtureStore());
    const [recipients, change, , range, approx] = figures(report.items);
    expect(recipients).toMatchObject({ line: 1, comparator: 'EXACT', value: 279.8, unit: '万人', normalizedValue: 2_798_000 });
    expect(change).toMatchObject({ note: 'the change (10万人) of metric:recipients' });
    expect(range).toMatchObject({ comparator: 'RANGE', normalizedLower: 5000, normalizedUpper: 7000 });
    expect(approx).toMatchObject({ line: 3, column: 25, comparator: 'APPROXIMATE', normalizedValue: 330_000_000, candidates: [] });
  });

  it('matches a title through a policy alias, ignoring width and case', async () => {
    const store = await fixtureStore((f) => {
      const notice = f['topic/assistance.yaml']!.entities!.find((e) => e.id === 'policy:notice');
      notice.aliases = ['低保通知(2023)'];
    });
    const [title] = extract('印发《低保通知(2023)》', store).items;
    expect(title).toMatchObject({ kind: 'TITLE', status: 'PRESENT', id: 'policy:notice' });
  });

  it('matches 万 + noun by normalized value against a metric in 万人', async () => {
    const store = await fixtureStore(
      addEntities({
        id: 'metric:poverty-alleviated', kind: 'METRIC', name: '脱贫人口数', nameEn: 'Poverty-alleviated population',
        value: 634, unit: '万人', baseUnit: 'PERSON', normalizedValue: 6_340_000, asOf: '2023-12-29',
        citations: [{ span: '全区634万脱贫人口' }],
      }),
    );
    const [total, part] = figures(extract('全区634万脱贫人口中有134.5万人纳入低保', store).items);
    expect(total).toMatchObject({ text: '634万脱贫人口', printedUnit: '万脱贫人口', status: 'PRESENT', id: 'metric:poverty-alleviated' });
    expect(part).toMatchObject({ text: '134.5万人', status: 'MISSING' });
  });

  it('extends a noun cut short to the known name that starts there, never shortens it', async () => {
    const store = await fixtureStore(
      addEntities({
        id: 'organization:national-eastern', kind: 'ORGANIZATION', name: '全国性和东部省社会组织', nameEn: 'National and eastern organizations',
        category: 'SOCIAL_ORGANIZATION', citations: [{ span: '全国性和东部省社会组织' }],
      }),
    );
    const found = figures(extract('对接54家全国性和东部省社会组织;创建63个广西老年人宜居社区', store).items);
    expect(found.map((f) => [f.text, f.printedUnit])).toEqual([
      ['54家全国性和东部省社会组织', '家全国性和东部省社会组织'],
      ['63个广西老年人宜居社区', '个广西老年人宜居社区'],
    ]);
  });

  it('needs the same printed unit: 279.8万人次 is not 279.8万人', async () => {
    const [f] = figures(extract('救助279.8万人次', await fixtureStore()).items);
    expect(f).toMatchObject({ unit: '万人次', status: 'MISSING' });
  });

  it('notes a comparator that differs from the data set', async () => {
    const [f] = figures(extract('纳入低保对象约279.8万人', await fixtureStore()).items);
    expect(f).toMatchObject({ status: 'PRESENT', id: 'metric:recipients', note: 'the text says APPROXIMATE, the data set EXACT' });
  });

  it('places a repeated number: each figure gets the metric cited around it, and one cited elsewhere is not enough', async () => {
    const store = await fixtureStore(addEntities(countMetric('bases', 20, '遴选基地20个'), countMetric('counties', 20, '认定20个千年古县')));
    const found = figures(extract('认定20个千年古县;遴选基地20个;签订项目20个。', store).items);
    expect(found.map((f) => [f.text, f.status, f.id, f.candidates])).toEqual([
      ['20个千年古县', 'PRESENT', 'metric:counties', ['metric:counties', 'metric:bases']],
      ['20个', 'PRESENT', 'metric:bases', ['metric:bases', 'metric:counties']],
      ['20个', 'MISSING', undefined, ['metric:bases', 'metric:counties']],
    ]);
    expect(found[2]).toMatchObject({ note: 'the same number in the data set is cited for “20个”' });
  });

  it('counts a metric cited nowhere in the text as a candidate for any figure of its number', async () => {
    const store = await fixtureStore(addEntities(countMetric('elsewhere', 20, '另一篇文章的20个')));
    const [f] = figures(extract('签订项目20个。', store).items);
    expect(f).toMatchObject({ status: 'PRESENT', id: 'metric:elsewhere' });
  });

  it('finds co-issuing departments in a policy’s unnamedCoIssuerCount, named co-issuers included', async () => {
    // policy:notice: 9 unnamed co-issuers and 教育厅 as a JOINT issuer.
    const store = await fixtureStore();
    const [ten, nine, eight] = figures(extract('联合教育厅等10部门;联合9部门;联合8部门', store).items);
    expect(ten).toMatchObject({ status: 'PRESENT', id: 'policy:notice', note: 'the co-issuers of policy:notice (9 unnamed + 1 named)' });
    expect(nine).toMatchObject({ status: 'PRESENT', id: 'policy:notice' });
    expect(eight).toMatchObject({ status: 'MISSING' });
  });

  it('ignores dates and ordinals, and reports nothing missing for a text the data set covers', async () => {
    const report = extract('2023年1—11月,截至11月底,第十一届活动,全区共纳入低保对象279.8万人。', await fixtureStore());
    expect(figures(report.items).map((f) => f.text)).toEqual(['279.8万人']);
    expect(report.summary.missing).toBe(0);
  });

  it('onlyMissing keeps the missing figures and titles and the whole summary', async () => {
    const report = onlyMissing(extract(text, await fixtureStore()));
    expect(report.items.map((i) => i.text)).toEqual(['《不存在的办法》', '约3.3亿元']);
    expect(report.summary.figures).toBe(5);
  });
});
