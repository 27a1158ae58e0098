/**
 * `npx tsx bench/scale/write-synthetic.ts DIR [ENTITIES]`: writes a generated data set (default 100000 entities,
 * JSON files of 5000) to DIR, for trying the CLI on a large graph:
 *   npx policy-graph export --data-dir DIR --format gexf > big.gexf
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syntheticDataSet } from './synthetic.js';

const [dir, count = '100000'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: npx tsx bench/scale/write-synthetic.ts DIR [ENTITIES]');
  process.exit(2);
}
await mkdir(dir, { recursive: true });
const files = syntheticDataSet(Number(count));
for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
console.log(`wrote ${Object.keys(files).length} files of ${count} entities to ${dir}`);
