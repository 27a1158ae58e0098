import { pinyin } from 'pinyin-pro';

/**
 * How search cuts text into terms. Chinese has no spaces, so a run of Han characters is cut into overlapping
 * bigrams (民政厅 → 民政 政厅): a two-character word inside a longer name is then a term of that name. Latin
 * words (and numbers) are terms of their own, lower-cased and accent-folded (Guǎngxī → guangxi). Each field
 * is cut on its own, so no term spans two fields or two aliases.
 */

/** A term of a text, and the span of the original text it stands for (UTF-16 offsets, end exclusive). */
export type Token = { term: string; start: number; end: number; han: boolean };

/** A character of a run, folded, with where it stands in the original text. */
type Unit = { char: string; start: number; end: number };
/** A maximal run of Han characters, or a Latin word or number. */
export type Run = { han: boolean; units: Unit[] };

const han = /^\p{Script=Han}$/u;
const word = /^[\p{L}\p{N}]$/u;
const digit = /^\p{N}$/u;

/** The form characters are compared in: NFKC (full width → half width), then without accents, lower case. */
export function foldText(text: string): string {
  return text.normalize('NFKC').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** An exact-match key: folded, with runs of space collapsed and the ends trimmed. */
export function exactKey(text: string): string {
  return foldText(text).replace(/\s+/g, ' ').trim();
}

/** The runs of a text, folded character by character so that every unit keeps its place in the original. */
export function runsOf(text: string): Run[] {
  const units: Unit[] = [];
  let offset = 0;
  for (const original of text) {
    // ASCII and common Han characters need no normalization (the bulk of the text): only lower case.
    const folded = original < '\u0080' || (original >= '\u4e00' && original <= '\u9fff') ? original.toLowerCase() : foldText(original);
    for (const char of folded) units.push({ char, start: offset, end: offset + original.length });
    offset += original.length;
  }
  const runs: Run[] = [];
  let current: Run | null = null;
  units.forEach((unit, i) => {
    const isHan = han.test(unit.char);
    // A point between two digits belongs to the number (279.8), so that figures stay one term.
    const inNumber = unit.char === '.' && current !== null && !current.han && digit.test(current.units.at(-1)!.char) && digit.test(units[i + 1]?.char ?? '');
    if (!isHan && !word.test(unit.char) && !inNumber) {
      current = null;
      return;
    }
    if (current === null || current.han !== isHan) runs.push((current = { han: isHan, units: [] }));
    current.units.push(unit);
  });
  return runs;
}

function span(units: Unit[], han: boolean): Token {
  return { term: units.map((u) => u.char).join(''), start: units[0]!.start, end: units.at(-1)!.end, han };
}

/**
 * The terms a field is indexed under: each Latin word; for a Han run its bigrams and its last character alone,
 * so that every character begins some term and a one-character query (prefix-matched) finds any run holding it.
 */
export function indexTokens(text: string): Token[] {
  return runsOf(text).flatMap(({ han, units }) => {
    if (!han) return [span(units, false)];
    const bigrams = units.slice(0, -1).map((u, i) => span([u, units[i + 1]!], true));
    return [...bigrams, span(units.slice(-1), true)];
  });
}

/** The terms of a query: Latin words; a Han run's bigrams, or the character itself when the run is one character. */
export function queryTerms(text: string): string[] {
  return runsOf(text).flatMap(({ han, units }) => {
    if (!han || units.length === 1) return [span(units, han).term];
    return units.slice(0, -1).map((u, i) => u.char + units[i + 1]!.char);
  });
}

/** Whether a query term is Han (never fuzzy, never prefix-matched unless it is one character). */
export function isHanTerm(term: string): boolean {
  return han.test(String.fromCodePoint(term.codePointAt(0)!));
}

/** A pinyin term of a Han run: the syllables from `from` to the end, spelled out or as initials. */
export type PinyinTerm = { term: string; run: Run; from: number; syllables: string[] };

/**
 * The pinyin terms of a name: for every Han run and every character in it, the pinyin of the rest of the run
 * written out (民政厅 → minzhengting, zhengting, ting) and as initials when two or more (mzt, zt). Prefix search
 * over them finds a name by the pinyin of any part of it (minzheng, dibao). Tones and ü are folded (lü → lu).
 */
export function pinyinTerms(text: string): PinyinTerm[] {
  return runsOf(text)
    .filter((run) => run.han)
    .flatMap((run) => {
      const syllables = pinyin(run.units.map((u) => u.char).join(''), { toneType: 'none', type: 'array' }).map(foldText);
      return syllables.flatMap((_, from) => {
        const rest = syllables.slice(from);
        const full = { term: rest.join(''), run, from, syllables: rest };
        const initials = rest.map((s) => s[0]!);
        return rest.length >= 2 ? [full, { term: initials.join(''), run, from, syllables: initials }] : [full];
      });
    });
}
