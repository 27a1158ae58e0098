import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Where the SDL and the acknowledgements live, relative to the project's root. */
export const schemaPath = 'schema/schema.graphql';
export const acknowledgementsPath = 'schema/breaking-changes.yaml';

/** One breaking change a commit makes on purpose: the inspector's message or the changed path, and why. */
export const Acknowledgement = z.strictObject({
  change: z.string().trim().min(1).describe("graphql-inspector's message for the change, or its path (Query.c, Query.b.x)"),
  why: z.string().trim().min(1).describe('Why clients can live with it, or how they were told'),
});
export type Acknowledgement = z.infer<typeof Acknowledgement>;

/** The acknowledgements of a YAML list; an error naming the file and the entry when one is malformed. */
export function parseAcknowledgements(text: string, file: string): Acknowledgement[] {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new Error(`${file}: not YAML: ${(error as Error).message}`);
  }
  if (value == null) return [];
  const parsed = z.array(Acknowledgement).safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [index, key] = issue.path;
  const where = typeof index === 'number' ? `, entry ${index + 1}${key === undefined ? '' : ` (${String(key)})`}` : '';
  throw new Error(`${file}${where}: ${issue.message}; each entry is { change, why }`);
}

export type SchemaComparison = {
  breaking: { change: Change; acknowledgedBy: Acknowledgement | null }[];
  dangerous: Change[];
  safe: Change[];
  /** Acknowledgements that match no change of this comparison (left from an earlier commit, or mistyped). */
  unused: Acknowledgement[];
};

/** graphql-inspector's diff of two SDL texts, each breaking change matched against the acknowledgements. */
export async function compareSchemas(before: string, after: string, acknowledgements: Acknowledgement[]): Promise<SchemaComparison> {
  const changes = await diff(buildSchema(before), buildSchema(after));
  const used = new Set<Acknowledgement>();
  const comparison: SchemaComparison = { breaking: [], dangerous: [], safe: [], unused: [] };
  for (const change of changes) {
    const level = change.criticality.level;
    if (level === CriticalityLevel.Breaking) {
      const acknowledgedBy = acknowledgements.find((a) => a.change === change.message || a.change === change.path) ?? null;
      if (acknowledgedBy) used.add(acknowledgedBy);
      comparison.breaking.push({ change, acknowledgedBy });
    } else if (level === CriticalityLevel.Dangerous) {
      comparison.dangerous.push(change);
    } else {
      comparison.safe.push(change);
    }
  }
  comparison.unused = acknowledgements.filter((a) => !used.has(a));
  return comparison;
}

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return null;
  }
}

/** The SDL committed at `ref`, or why there is none (no such commit, or no schema in it). */
export function committedSchema(root: string, ref: string): { sdl: string } | { missing: string } {
  if (git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) === null) return { missing: `no commit ${ref}` };
  const sdl = git(root, ['show', `${ref}:./${schemaPath}`]);
  return sdl === null ? { missing: `${ref} has no ${schemaPath}` } : { sdl };
}

const quote = (text: string) => JSON.stringify(text);

/**
 * Compares the schema the code builds (`current`) with the one committed at `base`. It passes when there is
 * nothing to compare with, and fails on any breaking change that the acknowledgements file does not list.
 */
export async function checkBreakingChanges({ root, base, current }: { root: string; base: string; current: string }) {
  const committed = committedSchema(root, base);
  if ('missing' in committed) return { ok: true, lines: [`${committed.missing}: nothing to compare with, so nothing can break.`] };
  const ackText = await readFile(join(root, acknowledgementsPath), 'utf8').catch(() => '');
  const acknowledgements = parseAcknowledgements(ackText, acknowledgementsPath);
  const { breaking, dangerous, safe, unused } = await compareSchemas(committed.sdl, current, acknowledgements);
  const lines = [
    `${schemaPath} at ${base} → the schema the code builds: ${breaking.length} breaking, ${dangerous.length} dangerous, ${safe.length} safe change(s).`,
  ];
  for (const { change, acknowledgedBy } of breaking) {
    lines.push(`  BREAKING   ${change.message}${acknowledgedBy ? ` — acknowledged: ${acknowledgedBy.why}` : ' — NOT ACKNOWLEDGED'}`);
  }
  for (const change of dangerous) lines.push(`  DANGEROUS  ${change.message}${change.criticality.reason ? ` (${change.criticality.reason})` : ''}`);
  for (const ack of unused) lines.push(`  note: ${acknowledgementsPath} lists ${quote(ack.change)}, which no change of this comparison matches.`);
  const unacknowledged = breaking.filter((b) => !b.acknowledgedBy);
  if (unacknowledged.length > 0) {
    lines.push(
      '',
      `${unacknowledged.length} breaking change(s) not acknowledged. Clients written against ${base} may fail. Undo them, or, if`,
      `they are intended, list each in ${acknowledgementsPath} with why clients can live with it:`,
      ...unacknowledged.flatMap(({ change }) => [`- change: ${quote(change.message)}`, '  why: …']),
    );
  }
  return { ok: unacknowledged.length === 0, lines };
}
