import { describe, expect, it } from 'vitest';
import { findTitles } from '../../src/curation/titles.js';

describe('findTitles', () => {
  it('finds every 《title》 in text order, without its brackets, with offsets of the bracketed title', () => {
    const text = '自治区民政厅印发《关于做好低保工作的通知》,抓好《广西壮族自治区养老服务条例》贯彻落实。';
    const titles = findTitles(text);
    expect(titles.map((t) => t.title)).toEqual(['关于做好低保工作的通知', '广西壮族自治区养老服务条例']);
    for (const t of titles) expect(text.slice(t.offset, t.end)).toBe(`《${t.title}》`);
  });

  it('keeps a title as printed, quotes, dots and brackets included', () => {
    const title = '广西壮族自治区深入推进“壮美广西·长寿福地”康养产业发展三年行动方案(2023—2025年)';
    expect(findTitles(`编制《${title}》,召开推进会`).map((t) => t.title)).toEqual([title]);
  });

  it('ignores an unclosed bracket and does not run across lines', () => {
    expect(findTitles('印发《关于做好\n低保工作的通知》')).toEqual([]);
    expect(findTitles('没有书名号的文本')).toEqual([]);
  });
});
