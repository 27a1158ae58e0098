import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { z } from 'zod';
import { DataFile } from '../model/data-file.js';
import { Entity } from '../model/entity.js';
import { Relation } from '../model/relations.js';
import { type DataProblem, formatPath } from './problems.js';

const dataFileExtensions = /\.(ya?ml|json)$/;

/** An item of a file's list, with its index there so that problems point at it. */
export type Item<T> = { index: number; value: T };

/** A data file that parsed, with the entities and relations that passed the model's schema. */
export type ParsedFile = {
  file: string;
  source: string | undefined;
  entities: Item<Entity>[];
  relations: Item<Relation>[];
  /** The 1-based line of a JSON path, or of its nearest ancestor that exists. */
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
};

export type ReadResult = {
  files: ParsedFile[];
  problems: DataProblem[];
  /** Ids of entities that failed the schema: already reported, so references to them are not reported again. */
  invalidIds: Set<string>;
  version: string;
};

/** The file's outline: its lists are checked item by item, so one bad entity does not hide the rest of the file. */
const Outline = DataFile.extend({ entities: z.array(z.unknown()).default([]), relations: z.array(z.unknown()).default([]) });

async function listDataFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && dataFileExtensions.test(e.name) && !e.name.endsWith('.schema.json'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

function locator(doc: Document, lines: LineCounter) {
  return (path: ReadonlyArray<PropertyKey>) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** Reads every data file under `dir` (YAML or JSON) and checks each against the model, collecting all problems. */
export async function readDataFiles(dir: string): Promise<ReadResult> {
  const names = await listDataFiles(dir).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read the data directory ${dir}: ${e.code ?? e.message}`);
  });
  const hash = createHash('sha256');
  const files: ParsedFile[] = [];
  const problems: DataProblem[] = [];
  const invalidIds = new Set<string>();
  if (names.length === 0) problems.push({ file: dir, path: '', message: 'no data files (*.yaml, *.yml, *.json) found' });
  for (const file of names) {
    const text = await readFile(join(dir, file), 'utf8');
    hash.update(file).update('\0').update(text).update('\0');
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        problems.push({ file, path: '', line: lines.linePos(e.pos[0]).line, message: `not valid YAML/JSON: ${e.message.split('\n')[0]}` });
      }
      continue;
    }
    const lineOf = locator(doc, lines);
    const report = (path: PropertyKey[], message: string) =>
      problems.push({ file, path: formatPath(path), line: lineOf(path), message });
    const outline = Outline.safeParse(doc.toJS() ?? {});
    if (!outline.success) {
      for (const issue of outline.error.issues) report(issue.path, issue.message);
      continue;
    }
    const items = <T>(list: 'entities' | 'relations', schema: z.ZodType<T>): Item<T>[] =>
      outline.data[list].flatMap((raw, index) => {
        const parsed = schema.safeParse(raw);
        if (parsed.success) return [{ index, value: parsed.data }];
        for (const issue of parsed.error.issues) report([list, index, ...issue.path], issue.message);
        const id = (raw as { id?: unknown } | null)?.id;
        if (list === 'entities' && typeof id === 'string') invalidIds.add(id);
        return [];
      });
    files.push({
      file,
      source: outline.data.source,
      entities: items('entities', Entity),
      relations: items('relations', Relation),
      lineOf,
    });
  }
  return { files, problems, invalidIds, version: hash.digest('hex').slice(0, 16) };
}
