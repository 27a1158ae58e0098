/**
 * `npm run schema`: prints the GraphQL SDL (sorted) and the data files' JSON Schema into schema/.
 * `npm run schema -- --check`: exits non-zero when the committed files differ from what the code builds.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { schemaFiles } from './schema-files.js';

const check = process.argv.includes('--check');
let stale = 0;
for (const { path, text } of schemaFiles()) {
  const name = relative(process.cwd(), path);
  const committed = await readFile(path, 'utf8').catch(() => null);
  if (committed === text) continue;
  if (check) {
    stale++;
    console.error(`${name} is out of date: run \`npm run schema\` and commit it`);
  } else {
    await writeFile(path, text);
    console.log(`wrote ${name}`);
  }
}
if (stale > 0) process.exitCode = 1;
