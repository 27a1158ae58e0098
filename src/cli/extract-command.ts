/**
 * The curator's extraction assistant, shared by `npm run extract` and `policy-graph extract`: lists the figures,
 * 《titles》 and known entity names of a text, each figure and title PRESENT (with its id) or MISSING from the data
 * set. Returns the exit code: 1 when anything is missing, 2 when the text or the data set cannot be read, else 0.
 */
import { readFile } from 'node:fs/promises';
import { extract, onlyMissing } from '../curation/extract.js';
import { formatTable } from '../curation/format.js';
import { loadStore } from '../store/load.js';
import { DataSetError, formatProblems } from '../store/problems.js';
import type { PolicyStore } from '../store/store.js';

export type ExtractOptions = {
  file: string;
  dataDir: string;
  json: boolean;
  missingOnly: boolean;
  load?: (dir: string) => Promise<PolicyStore>;
};

export async function extractText({ file, dataDir: dir, json, missingOnly, load = loadStore }: ExtractOptions): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }

  try {
    const store = await load(dir);
    const full = extract(text, store);
    const report = missingOnly ? onlyMissing(full) : full;
    console.log(json ? JSON.stringify({ file, dataDir: dir, ...report }, null, 2) : formatTable(report));
    return full.summary.missing > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof DataSetError)) throw error;
    console.error(`${dir}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; fix them first (npm run validate)`);
    console.error(formatProblems(error.problems));
    return 2;
  }
}
