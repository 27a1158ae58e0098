/**
 * `npm run extract -- FILE [--data-dir DIR] [--json] [--missing-only]`: the curator's extraction assistant.
 * Lists the figures, 《titles》 and known entity names of a Chinese text in text order with line numbers, each
 * figure and title marked PRESENT (with the id that holds it) or MISSING from the data set, then a summary.
 * Exits 1 when anything is missing, 2 when the text or the data set cannot be read, 0 otherwise.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { extract, onlyMissing } from '../curation/extract.js';
import { formatTable } from '../curation/format.js';
import { defaultDataDir } from '../server/config.js';
import { loadStore } from '../store/load.js';
import { DataSetError, formatProblems } from '../store/problems.js';

const usage = 'usage: npm run extract -- FILE [--data-dir DIR] [--json] [--missing-only]';

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      'missing-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = args;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length !== 1) {
  console.error(`expected one text file, got ${positionals.length}\n${usage}`);
  process.exit(2);
}

const file = positionals[0]!;
const dir = values['data-dir'] ?? process.env.DATA_DIR ?? defaultDataDir;
let text: string;
try {
  text = await readFile(file, 'utf8');
} catch (error) {
  console.error(`cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

try {
  const store = await loadStore(dir);
  const full = extract(text, store);
  const report = values['missing-only'] ? onlyMissing(full) : full;
  console.log(values.json ? JSON.stringify({ file, dataDir: dir, ...report }, null, 2) : formatTable(report));
  process.exitCode = full.summary.missing > 0 ? 1 : 0;
} catch (error) {
  if (!(error instanceof DataSetError)) throw error;
  console.error(`${dir}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; fix them first (npm run validate)`);
  console.error(formatProblems(error.problems));
  process.exitCode = 2;
}
