import { describe, expect, it } from 'vitest';
import { findNames, knownNames, type KnownName } from '../../src/curation/names.js';
import { fixtureStore } from '../fixtures.js';

const known = (...names: string[]): KnownName[] => names.map((name, i) => ({ name, key: name, ids: [`program:n${i}`], kinds: ['PROGRAM'] }));

describe('knownNames', () => {
  it('lists names and aliases of every kind but METRIC and SOURCE', async () => {
    const names = (await fixtureStore().then(knownNames)).map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['广西壮族自治区', '广西', '自治区民政厅', '低保', '低保对象', '关于做好低保工作的通知']));
    expect(names).not.toContain('低保对象人数'); // a METRIC
    expect(names).not.toContain('测试文章'); // a SOURCE
    expect(names).not.toContain('Guangxi'); // English names are not looked for in Chinese text
  });
});

describe('findNames', () => {
  it('takes the longest name: 广西壮族自治区民政厅, not 广西', async () => {
    const store = await fixtureStore();
    const found = findNames('广西壮族自治区民政厅印发通知,广西各地落实。', knownNames(store));
    expect(found.map((n) => [n.text, n.ids])).toEqual([
      ['广西壮族自治区民政厅', ['agency:civil-affairs']],
      ['广西', ['region:450000']],
    ]);
  });

  it('prefers 低保对象 to 低保, and finds every occurrence with its offset', async () => {
    const store = await fixtureStore();
    const text = '全区共纳入低保对象279.8万人,发放低保资金';
    const found = findNames(text, knownNames(store));
    expect(found.map((n) => n.text)).toEqual(['低保对象', '低保']);
    for (const n of found) expect(text.slice(n.offset, n.end)).toBe(n.text);
    expect(found[0]!.kinds).toEqual(['TARGET_GROUP']);
  });

  it('lets a longer name win even when a shorter one starts before it', () => {
    const found = findNames('甲乙丙丁戊', known('甲乙', '乙丙丁戊'));
    expect(found.map((n) => n.text)).toEqual(['乙丙丁戊']);
  });

  it('finds a policy name inside its title', async () => {
    const store = await fixtureStore();
    const found = findNames('印发《关于做好低保工作的通知》', knownNames(store));
    expect(found.map((n) => n.ids)).toEqual([['policy:notice']]);
  });
});
