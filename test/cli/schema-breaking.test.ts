import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBreakingChanges, compareSchemas, parseAcknowledgements } from '../../src/cli/schema-changes.js';

const before = /* GraphQL */ `
  type Query { policy(id: ID!): Policy, policies(first: Int): [Policy!]! }
  type Policy { id: ID!, name: String!, year: Int }
  enum Kind { POLICY AGENCY }
`;
const removedField = before.replace(', year: Int', '');
const added = before.replace(', year: Int', ', year: Int, nameEn: String').replace('POLICY AGENCY', 'POLICY AGENCY PROGRAM');

describe('compareSchemas', () => {
  it('finds a removed field breaking, unacknowledged', async () => {
    const { breaking } = await compareSchemas(before, removedField, []);
    expect(breaking.map(({ change, acknowledgedBy }) => [change.message, change.path, acknowledgedBy])).toEqual([
      ["Field 'year' was removed from object type 'Policy'", 'Policy.year', null],
    ]);
  });

  it('takes an acknowledgement by the message or by the path', async () => {
    for (const change of ["Field 'year' was removed from object type 'Policy'", 'Policy.year']) {
      const ack = { change, why: 'No source ever gave a year.' };
      const result = await compareSchemas(before, removedField, [ack]);
      expect(result.breaking.map((b) => b.acknowledgedBy)).toEqual([ack]);
      expect(result.unused).toEqual([]);
    }
  });

  it('lets additions through: a field is safe, an enum value dangerous; acknowledgements that match nothing are reported', async () => {
    const ack = { change: 'Policy.gone', why: 'an earlier commit' };
    const { breaking, dangerous, safe, unused } = await compareSchemas(before, added, [ack]);
    expect(breaking).toEqual([]);
    expect(dangerous.map((c) => c.path)).toEqual(['Kind.PROGRAM']);
    expect(safe.map((c) => c.path)).toEqual(['Policy.nameEn']);
    expect(unused).toEqual([ack]);
  });
});

describe('parseAcknowledgements', () => {
  it('reads a YAML list of { change, why }; comments only is an empty list', () => {
    expect(parseAcknowledgements('# nothing yet\n', 'a.yaml')).toEqual([]);
    expect(parseAcknowledgements('- change: Policy.year\n  why: unused\n', 'a.yaml')).toEqual([{ change: 'Policy.year', why: 'unused' }]);
  });

  it('refuses an entry without a reason, naming the file and the entry', () => {
    expect(() => parseAcknowledgements('- change: Policy.year\n  why: ""\n', 'a.yaml')).toThrow(/^a\.yaml, entry 1 \(why\): /);
    expect(() => parseAcknowledgements('- change: Policy.year\n', 'a.yaml')).toThrow(/^a\.yaml, entry 1 \(why\): /);
    expect(() => parseAcknowledgements('change: Policy.year\n', 'a.yaml')).toThrow(/^a\.yaml: /);
    expect(() => parseAcknowledgements('- [unclosed\n', 'a.yaml')).toThrow(/^a\.yaml: not YAML/);
  });
});

describe('checkBreakingChanges against the previous commit', () => {
  /** A git repository whose commits hold these versions of schema/schema.graphql, oldest first. */
  async function repository(...schemas: (string | null)[]) {
    const root = await mkdtemp(join(tmpdir(), 'schema-breaking-'));
    await mkdir(join(root, 'schema'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'ignore' });
    git('init', '-q');
    for (const [i, sdl] of schemas.entries()) {
      await writeFile(join(root, sdl === null ? 'README.md' : 'schema/schema.graphql'), sdl ?? 'no schema yet');
      git('add', '-A');
      git('commit', '-q', '-m', `commit ${i}`);
    }
    return root;
  }

  it('fails on a removed field, printing the entry to add', async () => {
    const root = await repository(before, removedField);
    const { ok, lines } = await checkBreakingChanges({ root, base: 'HEAD~1', current: removedField });
    expect(ok).toBe(false);
    expect(lines.join('\n')).toContain(`BREAKING   Field 'year' was removed from object type 'Policy' — NOT ACKNOWLEDGED`);
    expect(lines.join('\n')).toContain(`- change: "Field 'year' was removed from object type 'Policy'"`);
  });

  it('passes when schema/breaking-changes.yaml acknowledges it', async () => {
    const root = await repository(before, removedField);
    await writeFile(join(root, 'schema/breaking-changes.yaml'), '- change: Policy.year\n  why: No source ever gave a year.\n');
    const { ok, lines } = await checkBreakingChanges({ root, base: 'HEAD~1', current: removedField });
    expect(ok).toBe(true);
    expect(lines.join('\n')).toContain('acknowledged: No source ever gave a year.');
  });

  it('passes on additions', async () => {
    const root = await repository(before, added);
    expect((await checkBreakingChanges({ root, base: 'HEAD~1', current: added })).ok).toBe(true);
  });

  it('passes when there is no previous commit, or it has no schema', async () => {
    const first = await repository(before);
    expect(await checkBreakingChanges({ root: first, base: 'HEAD~1', current: removedField })).toEqual({
      ok: true,
      lines: ['no commit HEAD~1: nothing to compare with, so nothing can break.'],
    });
    const noSchema = await repository(null, removedField);
    expect(await checkBreakingChanges({ root: noSchema, base: 'HEAD~1', current: removedField })).toEqual({
      ok: true,
      lines: ['HEAD~1 has no schema/schema.graphql: nothing to compare with, so nothing can break.'],
    });
  });
});
