/**
 * `npm run validate [-- --data-dir DIR] [--source-text SOURCE_ID=FILE …] [--strict]`: checks the data set and
 * prints every problem without serving it, then the quality findings (lint). With --source-text, evidence spans
 * citing that source must occur verbatim in FILE. Exits non-zero on problems, and on findings with --strict.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { lintDataSet } from '../store/lint.js';
import { loadStore } from '../store/load.js';
import { DataSetError, formatProblems } from '../store/problems.js';
import { defaultDataDir } from '../server/config.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'source-text': { type: 'string', multiple: true, default: [] },
    strict: { type: 'boolean', default: false },
  },
});
const dir = values['data-dir'] ?? process.env.DATA_DIR ?? defaultDataDir;
const sourceTexts = new Map<string, string>();
for (const pair of values['source-text']) {
  const [id, file] = pair.split('=');
  if (!id || !file) throw new Error(`--source-text takes SOURCE_ID=FILE, got "${pair}"`);
  sourceTexts.set(id, await readFile(file, 'utf8'));
}

try {
  const store = await loadStore(dir);
  console.log(`${dir}: valid — ${store.info.files} files, ${store.graph.order} entities, ${store.graph.size} relations (version ${store.info.version})`);
  for (const id of sourceTexts.keys()) if (!store.entity(id)) console.warn(`warning: --source-text names ${id}, which is not a source of the data set`);
  const findings = lintDataSet(store, sourceTexts);
  for (const f of findings) console.log(`${f.rule}: ${f.id}: ${f.message}`);
  console.log(`${findings.length} quality finding${findings.length === 1 ? '' : 's'}`);
  if (findings.length > 0 && values.strict) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof DataSetError)) throw error;
  console.error(`${dir}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`);
  console.error(formatProblems(error.problems));
  process.exitCode = 1;
}
