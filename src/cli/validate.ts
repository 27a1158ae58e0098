/** `npm run validate [-- --data-dir DIR]`: checks the data set and prints every problem, without serving it. */
import { parseArgs } from 'node:util';
import { DataSetError, formatProblems } from '../store/problems.js';
import { loadStore } from '../store/load.js';
import { defaultDataDir } from '../server/config.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
const dir = values['data-dir'] ?? process.env.DATA_DIR ?? defaultDataDir;
try {
  const store = await loadStore(dir);
  const counts = store.entities().length;
  console.log(`${dir}: valid — ${store.info.files} files, ${counts} entities, ${store.graph.size} relations (version ${store.info.version})`);
} catch (error) {
  if (!(error instanceof DataSetError)) throw error;
  console.error(`${dir}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`);
  console.error(formatProblems(error.problems));
  process.exitCode = 1;
}
