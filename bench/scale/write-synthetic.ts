/**
 * `npx tsx bench/scale/write-synthetic.ts DIR [ENTITIES] [SEED]`: writes a generated data set (default 100000
 * entities, seed 1, JSON files of 5000 entities) to DIR, for trying the CLI or the server on a large graph:
 *   npx policy-graph export --data-dir DIR --format gexf > big.gexf
 */
import { performance } from 'node:perf_hooks';
import { writeSyntheticDataSet } from './synthetic.js';

const [dir, count = '100000', seed = '1'] = process.argv.slice(2);
if (!dir || !(Number(count) >= 20) || !Number.isInteger(Number(seed))) {
  console.error('usage: npx tsx bench/scale/write-synthetic.ts DIR [ENTITIES (at least 20)] [SEED (an integer)]');
  process.exit(2);
}
const started = performance.now();
const written = await writeSyntheticDataSet(dir, Number(count), { seed: Number(seed) });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `wrote ${written.files} files (${(written.bytes / 1e6).toFixed(1)} MB) of ${written.entities} entities and ` +
    `${written.statedRelations} stated relations (figures' region and subjects add more) to ${dir} in ${seconds} s`,
);
