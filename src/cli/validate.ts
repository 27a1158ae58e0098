/**
 * `npm run validate [-- --data-dir DIR] [--source-text SOURCE_ID=FILE …] [--strict]`: checks the data set and
 * prints every problem without serving it, then the quality findings (lint). With --source-text, evidence spans
 * citing that source must occur verbatim in FILE. Exits non-zero on problems, and on findings with --strict.
 * `policy-graph validate` does the same (validate-command.ts).
 */
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../server/config.js';
import { validateDataSet } from './validate-command.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'source-text': { type: 'string', multiple: true, default: [] },
    strict: { type: 'boolean', default: false },
  },
});
const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? defaultDataDir;
process.exitCode = await validateDataSet({ dataDir, sourceTexts: values['source-text'], strict: values.strict });
