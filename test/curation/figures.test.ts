import { describe, expect, it } from 'vitest';
import { findFigures, multipliers } from '../../src/curation/figures.js';

/** The one figure of a text, failing when there is not exactly one. */
function only(text: string) {
  const found = findFigures(text);
  expect(found.map((f) => f.text)).toHaveLength(1);
  return found[0]!;
}

describe('findFigures: numbers, units and qualifiers', () => {
  it('reads a plain figure with its unit as printed and its normalized value', () => {
    expect(only('全区共纳入低保对象279.8万人,比上年多')).toMatchObject({
      text: '279.8万人', core: '279.8万人', value: 279.8, unit: '万人', printedUnit: '万人', scale: 10_000,
      normalizedValue: 2_798_000, comparator: 'EXACT', multiplierOnly: false,
    });
    expect(only('累计发放低保资金81.5亿元。').normalizedValue).toBe(8_150_000_000);
    expect(only('减税降费4113.99万元,惠及').normalizedValue).toBe(41_139_900);
    expect(only('发放助学金105万元').normalizedValue).toBe(1_050_000);
    expect(only('筹措福彩公益金0.95亿元,').normalizedValue).toBe(95_000_000);
  });

  it('prefers the longest unit: 万人次 over 万人, 人次 over 人', () => {
    expect(only('实施临时救助2.95万人次;').unit).toBe('万人次');
    expect(only('救助流浪乞讨人员300人次').unit).toBe('人次');
    expect(only('办理婚姻登记30.63万对').unit).toBe('万对');
    expect(only('联合10部门印发').unit).toBe('部门');
  });

  it('约 is APPROXIMATE, with the qualifier in the printed text', () => {
    expect(only('共发放基本生活补贴约3.3亿元;')).toMatchObject({
      text: '约3.3亿元', core: '3.3亿元', value: 3.3, unit: '亿元', comparator: 'APPROXIMATE', normalizedValue: 330_000_000,
    });
  });

  it('多 and 余, before or after 万, are MORE_THAN', () => {
    expect(only('全年开展个案帮扶700多次,')).toMatchObject({ text: '700多次', value: 700, unit: '次', comparator: 'MORE_THAN' });
    expect(only('惠及儿童2万余人;')).toMatchObject({ text: '2万余人', value: 2, unit: '万人', comparator: 'MORE_THAN', normalizedValue: 20_000 });
    expect(only('惠及群众200多万人;')).toMatchObject({ text: '200多万人', value: 200, unit: '万人', comparator: 'MORE_THAN' });
    expect(only('受理有效诉求1万多件,')).toMatchObject({ text: '1万多件', unit: '万件', comparator: 'MORE_THAN', normalizedValue: 10_000 });
  });

  it('超过 is MORE_THAN, 以上 AT_LEAST, a bare percentage EXACT', () => {
    expect(only('群众评价满意率超过90%。')).toMatchObject({ text: '超过90%', value: 90, unit: '%', comparator: 'MORE_THAN' });
    expect(only('评审32家以上旅居示范基地;')).toMatchObject({ text: '32家以上', value: 32, unit: '家', comparator: 'AT_LEAST' });
    expect(only('社工站1253个,覆盖率100%。'.slice(8))).toMatchObject({ text: '100%', value: 100, unit: '%', comparator: 'EXACT' });
  });

  it('reads a range with the unit on both sides or only after the upper bound', () => {
    expect(only('每人5000元—7000元的一次性助学金')).toMatchObject({
      text: '5000元—7000元', comparator: 'RANGE', lower: 5000, upper: 7000, unit: '元', normalizedLower: 5000, normalizedUpper: 7000,
    });
    expect(only('每人5000—7000元')).toMatchObject({ text: '5000—7000元', comparator: 'RANGE', lower: 5000, upper: 7000 });
    expect(only('补贴1万—2万元')).toMatchObject({ comparator: 'RANGE', lower: 1, upper: 2, unit: '万元', normalizedUpper: 20_000 });
    expect(only('每人5000元')).not.toHaveProperty('lower');
  });

  it('reads a measure word with the noun it counts', () => {
    expect(only('与14个省份签署战略合作协议')).toMatchObject({ text: '14个省份', value: 14, unit: '个', noun: '省份', printedUnit: '个省份', core: '14个' });
    expect(only('指导6个市成立领导小组').printedUnit).toBe('个市');
    expect(only('覆盖3个县,').printedUnit).toBe('个县');
    expect(only('与12家金融机构互通互融').printedUnit).toBe('家金融机构');
    expect(only('建设老年食堂127个、').printedUnit).toBe('个');
  });

  it('reads 万 directly before a noun as 万 + noun', () => {
    const [total, part] = findFigures('全区634万脱贫人口中有134.5万人纳入低保');
    expect(total).toMatchObject({
      text: '634万脱贫人口', core: '634万', value: 634, unit: '万', noun: '脱贫人口', printedUnit: '万脱贫人口',
      multiplierOnly: true, scale: 10_000, normalizedValue: 6_340_000, comparator: 'EXACT',
    });
    expect(part).toMatchObject({ text: '134.5万人', unit: '万人', multiplierOnly: false, normalizedValue: 1_345_000 });
  });

  it('derives the multipliers from the unit table', () => {
    expect(multipliers.get('万')).toBe(10_000);
    expect(multipliers.get('亿')).toBe(100_000_000);
  });

  it('gives offsets into the original text, in text order', () => {
    const text = '2023年,投入105万元,开展700多次,惠及2万余人。';
    const found = findFigures(text);
    expect(found.map((f) => f.text)).toEqual(['105万元', '700多次', '2万余人']);
    for (const f of found) {
      expect(text.slice(f.offset, f.end)).toBe(f.text);
      expect(text.slice(f.coreOffset, f.coreOffset + f.core.length)).toBe(f.core);
    }
  });

  it('reads full-width digits and ％', () => {
    expect(only('覆盖率１００％')).toMatchObject({ text: '１００％', value: 100, unit: '%' });
  });
});

describe('findFigures: what is not a figure', () => {
  it('ignores dates, times, ordinals, Chinese numerals and file names', () => {
    const text = [
      '发布时间:2023-12-29 00:49',
      '2023年以来,全面贯彻落实党的二十大精神。2023年1—11月,截至11月底,',
      '组织开展第十一届节地生态安葬活动,第11届活动,第1名',
      '文件000_09619a28976fb543.txt,历时3个月。五级关爱服务网络',
    ].join('\n');
    expect(findFigures(text)).toEqual([]);
  });

  it('ignores numbers inside a 《title》', () => {
    expect(findFigures('编制《康养产业发展三年行动方案(2023—2025年)》和《关于3个问题的通知》')).toEqual([]);
    expect(findFigures('《关于3个问题的通知》等6项规范').map((f) => f.text)).toEqual(['6项规范']);
  });
});
