import { type SearchField, type SearchHit, searchDocument, searchFields } from './search-index.js';
import { indexTokens, pinyinTerms } from './search-tokens.js';

/** What a snippet wraps each matched part in, and about how many characters it keeps around the first match. */
export const snippetMarks = { open: '«', close: '»', cut: '…' } as const;
export const snippetLength = 60;

/** The field that matched best, and its text with the matched parts marked: 广西壮族自治区«民政厅». */
export type Snippet = { field: SearchField; text: string };

type Span = [start: number, end: number];
type Candidate = { field: SearchField; text: string; spans: Span[]; terms: Set<string> };

/** The length of the character at `offset` (2 for characters outside the Basic Multilingual Plane). */
const charLength = (text: string, offset: number) => ((text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1);

/** The parts of one field text that matched: whole words and bigrams, one character for a one-character query. */
function matchedSpans(hit: SearchHit, field: SearchField, text: string): Candidate {
  const found: Candidate = { field, text, spans: [], terms: new Set() };
  const matchedHere = (term: string) => hit.match[term]?.includes(field) ?? false;
  if (field === 'PINYIN') {
    const matched = pinyinTerms(text).filter((p) => matchedHere(p.term));
    const askedOf = (term: string) => hit.queryTerms.filter((q) => term.startsWith(q)).sort((a, b) => b.length - a.length)[0];
    // Terms the query spells out beat terms it only resembles (fuzzy): minzhengting marks 民政厅, not 区民政厅.
    const spelled = matched.filter((p) => askedOf(p.term) !== undefined);
    for (const p of spelled.length > 0 ? spelled : matched) {
      // Mark the characters the query spelled: `minzheng` marks 民政 in …民政厅.
      const asked = askedOf(p.term) ?? p.term;
      let count = 0;
      for (let letters = 0; letters < asked.length && count < p.syllables.length; count++) letters += p.syllables[count]!.length;
      found.spans.push([p.run.units[p.from]!.start, p.run.units[p.from + Math.max(count, 1) - 1]!.end]);
      found.terms.add(p.term);
    }
    return found;
  }
  for (const t of indexTokens(text).filter((t) => matchedHere(t.term))) {
    const lone = t.han && !hit.queryTerms.includes(t.term);
    found.spans.push([t.start, lone ? t.start + charLength(text, t.start) : t.end]);
    found.terms.add(t.term);
  }
  return found;
}

/** The texts search looked in, one per name, alias, English name, figure and description. */
function fieldTexts(hit: SearchHit): { field: SearchField; text: string }[] {
  const doc = searchDocument(hit.entity);
  return searchFields.flatMap((field) => (doc[field] ?? '').split('\n').filter(Boolean).map((text) => ({ field, text })));
}

/** Overlapping or touching spans become one, so that 民政 + 政厅 is marked «民政厅». */
function merge(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The text with its spans marked, cut to about `snippetLength` characters starting a little before the first span. */
export function markText(text: string, spans: Span[]): string {
  const marked = merge(spans);
  let from = 0;
  let to = text.length;
  if (text.length > snippetLength) {
    from = Math.max(0, Math.min((marked[0]?.[0] ?? 0) - 15, text.length - snippetLength));
    to = Math.min(text.length, from + snippetLength);
    // Never cut inside a marked part or a surrogate pair; cut Latin text between words.
    for (const [start, end] of marked) if (start < to && end > to) to = end;
    const inWord = (at: number) => /\w/.test(text[at - 1] ?? '') && /\w/.test(text[at] ?? '');
    if (inWord(from)) {
      const space = text.slice(from, marked[0]?.[0] ?? from).search(/\W/);
      if (space >= 0) from += space + 1;
    }
    while (from < (marked[0]?.[0] ?? from) && /\s/.test(text[from]!)) from += 1;
    if (inWord(to)) {
      const lastMark = marked.filter(([start]) => start < to).at(-1)?.[1] ?? from;
      const space = text.slice(lastMark, to).search(/\W\w*$/);
      if (space >= 0) to = lastMark + space;
    }
    if (from > 0 && charLength(text, from - 1) === 2) from += 1;
    if (to < text.length && charLength(text, to - 1) === 2) to += 1;
  }
  let out = from > 0 ? snippetMarks.cut : '';
  let at = from;
  for (const [start, end] of marked) {
    if (end <= from || start >= to) continue;
    out += `${text.slice(at, Math.max(at, start))}${snippetMarks.open}${text.slice(Math.max(start, from), end)}${snippetMarks.close}`;
    at = end;
  }
  return out + text.slice(at, to) + (to < text.length ? snippetMarks.cut : '');
}

/**
 * The snippet of a search hit: the name that equals the query, whole and marked; otherwise the field text where
 * the most distinct terms matched (names before English names, figures, pinyin and descriptions on a tie).
 */
export function snippetOf(hit: SearchHit): Snippet {
  if (hit.exact) return { field: hit.exact.field, text: markText(hit.exact.name, [[0, hit.exact.name.length]]) };
  const matchedFields = new Set(Object.values(hit.match).flat());
  const candidates = fieldTexts(hit)
    .filter(({ field }) => field === 'NAME' || matchedFields.has(field))
    .map(({ field, text }) => matchedSpans(hit, field, text));
  const best = candidates.reduce((a, b) => (b.terms.size > a.terms.size ? b : a));
  return { field: best.field, text: markText(best.text, best.spans) };
}
