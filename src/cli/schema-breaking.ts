/**
 * `npm run schema:breaking [-- --base REF]`: fails when the schema the code builds breaks the schema committed
 * at REF (default HEAD~1, the previous commit) with a change that schema/breaking-changes.yaml does not
 * acknowledge. Passes when REF does not exist (a first commit, a shallow clone) or has no schema.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printSchema } from 'graphql';
import { schema } from '../api/index.js';
import { checkBreakingChanges } from './schema-changes.js';

const { values } = parseArgs({ options: { base: { type: 'string', default: 'HEAD~1' } } });
const root = fileURLToPath(new URL('../..', import.meta.url));
try {
  const { ok, lines } = await checkBreakingChanges({ root, base: values.base, current: printSchema(schema) });
  (ok ? console.log : console.error)(lines.join('\n'));
  if (!ok) process.exitCode = 1;
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
