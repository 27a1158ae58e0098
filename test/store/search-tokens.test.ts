import { describe, expect, it } from 'vitest';
import { exactKey, indexTokens, isHanTerm, pinyinTerms, queryTerms } from '../../src/store/search-tokens.js';

const terms = (text: string) => indexTokens(text).map((t) => t.term);

describe('the search tokenizer', () => {
  it('cuts a Han run into bigrams, plus its last character alone when indexing', () => {
    expect(terms('民政厅')).toEqual(['民政', '政厅', '厅']);
    expect(terms('厅')).toEqual(['厅']);
    expect(queryTerms('最低生活保障')).toEqual(['最低', '低生', '生活', '活保', '保障']);
    // A one-character query keeps its character; a longer one only its bigrams.
    expect(queryTerms('厅')).toEqual(['厅']);
    expect(queryTerms('民政厅')).toEqual(['民政', '政厅']);
  });

  it('never lets a term cross punctuation, a line break, a space or a change of script', () => {
    expect(terms('低保\n低保救助')).toEqual(['低保', '保', '低保', '保救', '救助', '助']);
    expect(terms('壮美广西·长寿福地')).not.toContain('西长');
    expect(queryTerms('低保 对象')).toEqual(['低保', '对象']);
    expect(queryTerms('低保dibao对象')).toEqual(['低保', 'dibao', '对象']);
  });

  it('lower-cases and folds accents and full-width forms in Latin words', () => {
    expect(queryTerms('Guǎngxī MINIMUM living')).toEqual(['guangxi', 'minimum', 'living']);
    expect(queryTerms('Gua\u0301ngxi')).toEqual(['guangxi']); // decomposed accent
    expect(queryTerms('ＧＵＡＮＧＸＩ')).toEqual(['guangxi']); // full width
    expect(queryTerms('elderly-care (dibao)')).toEqual(['elderly', 'care', 'dibao']);
  });

  it('keeps a decimal number whole, but not a full stop after a word', () => {
    expect(queryTerms('81.5亿元')).toEqual(['81.5', '亿元']);
    expect(queryTerms('paid 2023. Then')).toEqual(['paid', '2023', 'then']);
  });

  it('tells where each term stands in the original text, across folding', () => {
    const text = 'Guǎngxī 民政厅';
    const tokens = indexTokens(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Guǎngxī', '民政', '政厅', '厅']);
    const decomposed = 'Gua\u0301ngxi 低保';
    expect(indexTokens(decomposed).map((t) => decomposed.slice(t.start, t.end))).toEqual(['Gua\u0301ngxi', '低保', '保']);
    expect(tokens.map((t) => t.han)).toEqual([false, true, true, true]);
  });

  it('spells names in pinyin, from every character to the end of its run, in full and as initials', () => {
    const found = pinyinTerms('广西民政厅').map((p) => p.term);
    expect(found).toEqual(expect.arrayContaining(['guangximinzhengting', 'gxmzt', 'minzhengting', 'mzt', 'ting']));
    expect(found).not.toContain('t'); // no one-letter initials
    expect(pinyinTerms('低保').map((p) => p.term)).toEqual(['dibao', 'db', 'bao']);
    expect(pinyinTerms('绿色').map((p) => p.term)).toContain('luse'); // ü folded
    expect(pinyinTerms('Guangxi 2023')).toEqual([]);
  });

  it('tells Han terms from Latin ones, and keys exact names without case, width, accents or extra space', () => {
    expect(isHanTerm('低保')).toBe(true);
    expect(isHanTerm('dibao')).toBe(false);
    expect(isHanTerm('2023')).toBe(false);
    expect(exactKey('  Minimum   LIVING allowance ')).toBe('minimum living allowance');
    expect(exactKey('Guǎngxī')).toBe(exactKey('GUANGXI'));
  });
});
