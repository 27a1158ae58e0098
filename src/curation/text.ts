/**
 * Text helpers shared by the extractors. Every extractor searches a folded copy of the text that has the same
 * length as the original, so an offset found in the copy is an offset in the original too.
 */

/**
 * Folds the text for matching without changing its length: each character becomes its NFKC form (full-width
 * digits, letters and ％ become ASCII) and lower case, when that is still one UTF-16 unit; otherwise it stays.
 */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch.length !== 1) {
      out += ch;
      continue;
    }
    const folded = ch.normalize('NFKC').toLowerCase();
    out += folded.length === 1 ? folded : ch;
  }
  return out;
}

export type Position = { line: number; column: number };

/** Turns offsets into 1-based line and column numbers (columns count UTF-16 units, as offsets do). */
export function positionsOf(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** The [start, end) spans of every 《title》 in the text, brackets included. */
export function titleSpans(text: string): { start: number; end: number; inner: string }[] {
  return [...text.matchAll(/《([^《》\n]+)》/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, inner: m[1]! }));
}
