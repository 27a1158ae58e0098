import { z } from 'zod';
import { idOfKind } from './ids.js';

/** The longest evidence span: enough to quote the clause that states a fact, short enough to read at a glance. */
export const maxSpanLength = 60;

/** Where a fact is stated: the source document and the short verbatim span of it that says so. */
export const Citation = z
  .object({
    source: idOfKind('SOURCE')
      .optional()
      .meta({ description: 'The source document. Defaults to the `source` declared at the top of the data file.' }),
    span: z
      .string()
      .trim()
      .min(2, { message: 'a citation span must quote at least 2 characters of the source' })
      .max(maxSpanLength, { message: `a citation span quotes a short passage (at most ${maxSpanLength} characters), not whole sentences` })
      .meta({ description: 'The short verbatim passage of the source that states the fact.' }),
  })
  .strict()
  .meta({ description: 'The provenance of a fact: a source and the span of it that states the fact.' });
export type Citation = z.infer<typeof Citation>;

/** A citation after loading: its source is always known. */
export type ResolvedCitation = { source: string; span: string };

export const Citations = z.array(Citation).meta({ description: 'The citations that state this fact.' });
