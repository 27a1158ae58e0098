import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { type SearchIndex, searchIndex } from '../../src/store/search-index.js';
import { markText, snippetLength, snippetOf } from '../../src/store/search-snippet.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';

let store: PolicyStore;
let index: SearchIndex;
beforeAll(async () => {
  store = await fixtureStore();
  index = store.derived(searchIndex);
});

const ids = (text: string, kinds?: Parameters<SearchIndex['search']>[1]) => index.search(text, kinds).map((h) => h.entity.id);
const first = (text: string) => {
  const hit = index.search(text)[0]!;
  return { id: hit.entity.id, ...snippetOf(hit) };
};

describe('search on the fixture', () => {
  it('finds a program by its alias and by its full name, the exact match first', () => {
    expect(first('低保')).toEqual({ id: 'program:dibao', field: 'ALIAS', text: '«低保»' });
    // Everything else that holds 低保 follows.
    expect(ids('低保').slice(1)).toEqual(
      expect.arrayContaining(['target-group:dibao-recipients', 'metric:recipients', 'metric:funds', 'policy:notice']),
    );
    expect(first('最低生活保障')).toEqual({ id: 'program:dibao', field: 'NAME', text: '«最低生活保障»' });
  });

  it('finds a word inside a longer name, and a single character anywhere in a name', () => {
    expect(ids('民政厅')).toEqual(['agency:civil-affairs']);
    expect(first('民政厅')).toMatchObject({ field: 'NAME', text: '广西壮族自治区«民政厅»' });
    expect(ids('厅').sort()).toEqual(['agency:civil-affairs', 'agency:education']);
    expect(first('厅').text).toMatch(/«厅»$/);
    expect(ids('壮族')).toEqual(expect.arrayContaining(['region:450000', 'agency:civil-affairs', 'agency:education']));
  });

  it('ranks an exact name above entities where the words match more often', async () => {
    const crowded = await fixtureStore((files) => {
      files['topic/assistance.yaml']!.entities!.push({
        id: 'organization:dibao-centre', kind: 'ORGANIZATION', name: '低保对象服务中心', nameEn: 'Dibao recipients service centre',
        aliases: ['低保对象中心'], description: '低保对象 低保对象 低保对象', category: 'FACILITY', citations: [{ span: '低保对象' }],
      });
    });
    const hits = crowded.derived(searchIndex).search('低保对象');
    expect(hits[0]!.entity.id).toBe('target-group:dibao-recipients');
    expect(hits[0]!.exact).toEqual({ field: 'NAME', name: '低保对象' });
    expect(hits.map((h) => h.entity.id)).toContain('organization:dibao-centre');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('matches Latin text whatever its case and accents, by word beginnings and near misses', async () => {
    expect(ids('minimum LIVING allowance')[0]).toBe('program:dibao');
    expect(first('MINIMUM living allowance')).toMatchObject({ field: 'NAME_EN', text: '«Minimum living allowance»' }); // the whole name
    expect(first('LIVING mínimum')).toMatchObject({ field: 'NAME_EN', text: '«Minimum» «living» allowance' });
    expect(ids('Guǎngxī')[0]).toBe('region:450000');
    expect(ids('civil aff')[0]).toBe('agency:civil-affairs'); // prefix
    expect(ids('alowance')).toContain('program:dibao'); // one letter off, eight letters long
    const accented = await fixtureStore((files) => {
      files['places.yaml']!.entities![1]!.nameEn = 'Nánníng';
    });
    expect(accented.derived(searchIndex).search('NANNING').map((h) => h.entity.id)[0]).toBe('region:450100');
  });

  it('never matches Chinese loosely', () => {
    expect(ids('低宝')).toEqual([]);
    expect(ids('保低')).toEqual([]);
  });

  it('finds names by pinyin, spelled out or as initials, after names in characters', () => {
    expect(ids('dibao')).toContain('program:dibao');
    expect(first('minzhengting')).toEqual({ id: 'agency:civil-affairs', field: 'PINYIN', text: '广西壮族自治区«民政厅»' });
    expect(first('minzheng').text).toBe('广西壮族自治区«民政»厅');
    expect(ids('mzt')).toEqual(['agency:civil-affairs']);
  });

  it('needs every term to match, and falls back to any term when nothing does', () => {
    expect(ids('低保 资金')).toEqual(['metric:funds']);
    expect(ids('低保 qwertyuiop').sort()).toEqual(ids('低保').sort());
    expect(ids('!!!')).toEqual([]);
  });

  it('keeps only the kinds asked for', () => {
    expect(ids('低保', ['METRIC']).sort()).toEqual(['metric:funds', 'metric:recipients']);
    expect(ids('低保', ['PROGRAM', 'TARGET_GROUP'])).toEqual(['program:dibao', 'target-group:dibao-recipients']);
    expect(ids('低保', ['REGION'])).toEqual([]);
  });

  it('matches a figure by its number and unit', () => {
    expect(first('81.5亿元')).toMatchObject({ id: 'metric:funds', field: 'FIGURE', text: '«81.5亿元»' });
  });
});

describe('snippets', () => {
  it('marks merged spans and cuts long text around the first match', () => {
    expect(markText('广西壮族自治区民政厅', [[7, 9], [8, 10]])).toBe('广西壮族自治区«民政厅»');
    const long = `${'x '.repeat(60)}target ${'y '.repeat(60)}`;
    const text = markText(long, [[120, 126]]);
    expect(text).toContain('«target»');
    expect(text.startsWith('…') && text.endsWith('…')).toBe(true);
    expect(text.replace(/[«»…]/g, '').length).toBeLessThanOrEqual(snippetLength);
    expect(markText('short text', [])).toBe('short text');
  });
});

describe('search on the bundled data', () => {
  let bundled: SearchIndex;
  beforeAll(async () => {
    bundled = (await loadStore(defaultDataDir)).derived(searchIndex);
  });
  const top = (text: string) => bundled.search(text)[0]!;

  it('answers 低保 and 最低生活保障 with the minimum living allowance first', () => {
    expect(top('低保').entity.id).toBe('program:minimum-living-allowance');
    expect(snippetOf(top('低保'))).toEqual({ field: 'ALIAS', text: '«低保»' });
    expect(top('最低生活保障').entity.id).toBe('program:minimum-living-allowance');
    expect(bundled.search('低保').length).toBeGreaterThan(3);
  });

  it('answers 民政厅 with the civil-affairs department first, and finds it by pinyin', () => {
    expect(top('民政厅').entity.id).toBe('agency:gx-civil-affairs');
    expect(snippetOf(top('民政厅')).text).toBe('广西壮族自治区«民政厅»');
    expect(top('minzhengting').entity.id).toBe('agency:gx-civil-affairs');
  });

  it('puts the general concept before its specialisations, and counts an alias that repeats the name once', () => {
    const names = bundled.search('养老').map((h) => h.entity.name);
    expect(names[0]).toBe('养老服务');
    // 旅居养老服务 has the alias 旅居养老: without de-duplication it outranked everything on 养老.
    expect(names.indexOf('养老服务')).toBeLessThan(names.indexOf('旅居养老服务'));
    expect(bundled.search('儿童福利').slice(0, 2).map((h) => h.entity.name).sort()).toEqual(['儿童福利事业', '儿童福利机构']);
  });

  it('answers 养老 with the elderly-care entities, each snippet marking it', () => {
    const hits = bundled.search('养老');
    expect(hits.map((h) => h.entity.id)).toEqual(
      expect.arrayContaining([
        'policy:gx-elderly-care-services-regulation',
        'event:gx-elderly-care-high-quality-development-meeting',
        'organization:nanning-urban-elderly-care-service-center',
      ]),
    );
    for (const hit of hits) expect(snippetOf(hit).text).toContain('«养老»');
  });

  it('answers English and accented Latin text', () => {
    expect(bundled.search('minimum LIVING allowance').slice(0, 3).map((h) => h.entity.id)).toContain('program:minimum-living-allowance');
    expect(bundled.search('Guǎngxī').slice(0, 3).map((h) => h.entity.id)).toContain('region:450000');
    expect(bundled.search('elderly care', ['ORGANIZATION']).map((h) => h.entity.id)).toContain('organization:nanning-urban-elderly-care-service-center');
  });
});
