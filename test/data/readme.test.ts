/** The README's example queries give the answers the bundled data gives: the docs cannot go stale unnoticed. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Config, defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { clientFor } from '../api/client.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** Each ```graphql block directly followed by a ```json block: a query and its documented answer. */
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```\n```json\n([\s\S]*?)```/g)].map(([, query, answer]) => ({
  query: query!,
  answer: JSON.parse(answer!) as unknown,
}));

describe('README configuration', () => {
  it('lists every setting with its flag and environment variable', () => {
    for (const key of Object.keys(Config.shape)) {
      const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      const env = key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
      expect(readme, key).toContain(`| \`${flag}\` | \`${env}\` |`);
    }
  });
});

describe('README examples', () => {
  it('has examples with answers', () => expect(examples.length).toBeGreaterThanOrEqual(3));

  it.each(examples.map((e, i) => [i + 1, e] as const))('example %i answers as documented', async (_, { query, answer }) => {
    const client = clientFor(await loadStore(defaultDataDir));
    const { data, errors } = await client.query(query);
    expect(errors).toBeUndefined();
    expect(data).toEqual(answer);
  });
});
