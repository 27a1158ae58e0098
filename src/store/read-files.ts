import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  /** Ids that failed the schema (entities, a file's default source): already reported, so references to them are not reported again. */
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

/** A locator that reads and parses the file only when first asked, for the rare problem found after reading. */
function lazyLocator(path: string) {
  let located: ((at: ReadonlyArray<PropertyKey>) => number | undefined) | undefined;
  return (at: ReadonlyArray<PropertyKey>) => {
    if (!located) {
      const lines = new LineCounter();
      located = locator(parseDocument(decodeUtf8(readFileSync(path)).text, { lineCounter: lines, prettyErrors: false }), lines);
    }
    return located(at);
  };
}

/** The value of a JSON text that parses and repeats no key in any object; undefined for any other text. */
function parseStrictJson(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return hasRepeatedKey(text) ? undefined : { value };
}

/**
 * Whether an object of a valid JSON text states a key twice (JSON.parse would keep the last silently: a lost
 * fact). One pass over the text: strings are skipped, and keys are those strings that open an object's members.
 */
function hasRepeatedKey(text: string): boolean {
  const objects: (Set<string> | null)[] = []; // null: an array
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      let escaped = false;
      for (let d = text.charCodeAt(j); d !== 0x22; d = text.charCodeAt(++j)) {
        if (d === 0x5c) {
          escaped = true;
          j++;
        }
      }
      if (expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        const keys = objects[objects.length - 1]!;
        if (keys.has(key)) return true;
        keys.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) {
      objects.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      objects.push(null);
    } else if (c === 0x7d || c === 0x5d) {
      objects.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = objects.length > 0 && objects[objects.length - 1] !== null;
    }
  }
  return false;
}

/** Reads every data file under `dir` (YAML or JSON) and checks each against the model, collecting all problems. */
export async function readDataFiles(dir: string): Promise<ReadResult> {
  const hash = createHash('sha256');
  const files: ParsedFile[] = [];
  const problems: DataProblem[] = [];
  const invalidIds = new Set<string>();
  const names = await listDataFiles(dir).catch((e: NodeJS.ErrnoException) => {
    problems.push({ file: dir, path: '', message: `cannot read the data directory: ${e.code ?? e.message}` });
    return null;
  });
  if (names?.length === 0) problems.push({ file: dir, path: '', message: 'no data files (*.yaml, *.yml, *.json) found' });
  for (const file of names ?? []) {
    const bytes = await readFile(join(dir, file));
    hash.update(file).update('\0').update(bytes).update('\0');
    const text = decodeUtf8(bytes);
    // JSON that parses and repeats no key is read by JSON.parse, an order of magnitude faster than the YAML parser
    // and without its syntax tree; anything else goes through the YAML parser, which locates every error.
    const json = file.endsWith('.json') && text.invalidAt === null ? parseStrictJson(text.text) : undefined;
    let lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined;
    let raw: unknown;
    if (json !== undefined) {
      raw = json.value;
      lineOf = lazyLocator(join(dir, file));
    } else {
      const lines = new LineCounter();
      const doc = parseDocument(text.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
      if (doc.errors.length > 0) {
        for (const e of doc.errors) {
          problems.push({ file, path: '', line: lines.linePos(e.pos[0]).line, message: `not valid YAML/JSON: ${e.message.split('\n')[0]}` });
        }
        continue;
      }
      if (text.invalidAt !== null) {
        problems.push({ file, path: '', line: lines.linePos(text.invalidAt).line, message: 'not valid UTF-8: data files must be UTF-8 text' });
        continue;
      }
      try {
        raw = doc.toJS({ maxAliasCount: 1000 }) ?? {};
      } catch (e) {
        problems.push({ file, path: '', message: `cannot read the YAML: ${(e as Error).message}` });
        continue;
      }
      lineOf = locator(doc, lines);
    }
    const report = (path: PropertyKey[], message: string) =>
      problems.push({ file, path: formatPath(path), line: lineOf(path), message });
    const reportIssue = (prefix: PropertyKey[], issue: z.core.$ZodIssue) => {
      // An unknown key is located at the key itself, one problem per key.
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) report([...prefix, ...issue.path, key], `Unrecognized key: "${key}"`);
      } else report([...prefix, ...issue.path], issue.message);
    };
    const outline = Outline.safeParse(raw);
    if (!outline.success) for (const issue of outline.error.issues) reportIssue([], issue);
    // A file with a bad top-level part still has its entities and relations checked one by one, so that one
    // mistake does not make every reference into the file dangle.
    const lists = outline.success ? outline.data : salvage(raw);
    const declared = (raw as { source?: unknown } | null)?.source;
    if (!outline.success && lists.source === undefined && typeof declared === 'string') {
      lists.source = declared; // already reported: citations relying on it are not reported again
      invalidIds.add(declared);
    }
    const items = <T>(list: 'entities' | 'relations', schema: z.ZodType<T>): Item<T>[] =>
      lists[list].flatMap((raw, index) => {
        const parsed = schema.safeParse(raw);
        if (parsed.success) return [{ index, value: parsed.data }];
        for (const issue of parsed.error.issues) reportIssue([list, index], issue);
        const id = (raw as { id?: unknown } | null)?.id;
        if (list === 'entities' && typeof id === 'string') invalidIds.add(id);
        return [];
      });
    files.push({
      file,
      source: lists.source,
      entities: items('entities', Entity),
      relations: items('relations', Relation),
      // Lines are found again from the file when a later check reports a problem: neither its syntax tree nor its
      // text is kept while the rest of the data set is read and assembled.
      lineOf: json !== undefined ? lineOf : lazyLocator(join(dir, file)),
    });
  }
  return { files, problems, invalidIds, version: hash.digest('hex').slice(0, 16) };
}

/** The parts of a file whose outline failed that can still be checked: its lists, and its source if well-formed. */
function salvage(raw: unknown): { source: string | undefined; entities: unknown[]; relations: unknown[] } {
  const record = (raw ?? {}) as Record<string, unknown>;
  const list = (key: string) => (Array.isArray(record[key]) ? (record[key] as unknown[]) : []);
  const source = DataFile.shape.source.safeParse(record.source);
  return { source: source.success ? source.data : undefined, entities: list('entities'), relations: list('relations') };
}

/** The text of a file, and the offset of its first byte sequence that is not UTF-8 (null when it all is). */
function decodeUtf8(bytes: Buffer): { text: string; invalidAt: number | null } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), invalidAt: null };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { text, invalidAt: text.indexOf('\uFFFD') };
  }
}
