/**
 * Checks a data set and prints every problem, then its quality findings (lint): what `npm run validate` and
 * `policy-graph validate` do. With source texts (SOURCE_ID=FILE), evidence spans citing that source must occur
 * verbatim in FILE. Returns the exit code: 1 on problems, and on findings when strict; else 0.
 */
import { readFile } from 'node:fs/promises';
import { lintDataSet } from '../store/lint.js';
import { loadStore } from '../store/load.js';
import { DataSetError, formatProblems } from '../store/problems.js';
import type { PolicyStore } from '../store/store.js';

export type ValidateOptions = {
  dataDir: string;
  /** SOURCE_ID=FILE pairs. */
  sourceTexts: string[];
  strict: boolean;
  /** How to load the data set: loadStore, or the same with a progress bar around it. */
  load?: (dir: string) => Promise<PolicyStore>;
};

export async function validateDataSet({ dataDir: dir, sourceTexts: pairs, strict, load = loadStore }: ValidateOptions): Promise<number> {
  const sourceTexts = new Map<string, string>();
  for (const pair of pairs) {
    const [id, file] = pair.split('=');
    if (!id || !file) throw new Error(`--source-text takes SOURCE_ID=FILE, got "${pair}"`);
    sourceTexts.set(id, await readFile(file, 'utf8'));
  }

  try {
    const store = await load(dir);
    console.log(`${dir}: valid — ${store.info.files} files, ${store.graph.order} entities, ${store.graph.size} relations (version ${store.info.version})`);
    for (const id of sourceTexts.keys()) if (!store.entity(id)) console.warn(`warning: --source-text names ${id}, which is not a source of the data set`);
    const findings = lintDataSet(store, sourceTexts);
    for (const f of findings) console.log(`${f.rule}: ${f.id}: ${f.message}`);
    console.log(`${findings.length} quality finding${findings.length === 1 ? '' : 's'}`);
    return findings.length > 0 && strict ? 1 : 0;
  } catch (error) {
    if (!(error instanceof DataSetError)) throw error;
    console.error(`${dir}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`);
    console.error(formatProblems(error.problems));
    return 1;
  }
}
