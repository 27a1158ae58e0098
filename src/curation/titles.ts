/** Finds the titles of a text: every 《…》, as printed, in text order. */
import { titleSpans } from './text.js';

export type FoundTitle = {
  /** Where the title starts (at 《) and ends (after 》), as offsets in the text. */
  offset: number;
  end: number;
  /** The title without its brackets, as printed. */
  title: string;
};

export function findTitles(text: string): FoundTitle[] {
  return titleSpans(text).map((t) => ({ offset: t.start, end: t.end, title: t.inner }));
}
