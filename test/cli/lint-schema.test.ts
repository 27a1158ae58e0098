import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const filePath = `${root}schema/schema.graphql`;

/** `npm run lint:schema` in-process: the same config file, over the committed SDL or a variant of it. */
describe('schema lint (.ci/eslint.config.js)', () => {
  let eslint: ESLint;
  let sdl: string;
  beforeAll(async () => {
    eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}.ci/eslint.config.js` });
    sdl = await readFile(filePath, 'utf8');
  });
  const problems = async (text: string) =>
    (await eslint.lintText(text, { filePath }))[0]!.messages.map((m) => `${m.ruleId}: ${m.message.split('\n')[0]}`);

  it('passes on the committed schema', async () => {
    expect(await problems(sdl)).toEqual([]);
  });

  it('wants a description on every field', async () => {
    const text = sdl.replace('  """Where this page stands in the whole list."""\n  pageInfo: PageInfo!', '  pageInfo: PageInfo!');
    expect(text).not.toBe(sdl);
    expect(await problems(text)).toEqual(['@graphql-eslint/require-description: Description is required for field "pageInfo" in type "AgencyConnection"']);
  });

  it('wants Relay connections: a connection without pageInfo is refused', async () => {
    const text = sdl.replace(/("""Where this page stands in the whole list."""\n  pageInfo: PageInfo!\n)/, '');
    expect(await problems(text)).toContain('@graphql-eslint/relay-connection-types: Connection type must contain a field `pageInfo` that return a non-null `PageInfo` Object type.');
  });
});
