/**
 * `npm run extract -- FILE [--data-dir DIR] [--json] [--missing-only]`: the curator's extraction assistant.
 * Lists the figures, 《titles》 and known entity names of a Chinese text in text order with line numbers, each
 * figure and title marked PRESENT (with the id that holds it) or MISSING from the data set, then a summary.
 * Exits 1 when anything is missing, 2 when the text or the data set cannot be read, 0 otherwise.
 * `policy-graph extract` does the same (extract-command.ts).
 */
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../server/config.js';
import { extractText } from './extract-command.js';

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

const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? defaultDataDir;
process.exitCode = await extractText({ file: positionals[0]!, dataDir, json: values.json, missingOnly: values['missing-only'] });
