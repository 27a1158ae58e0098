import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStore } from '../../src/store/load.js';
import { DataSetError } from '../../src/store/problems.js';
import { fixtureFiles, type FixtureFiles, writeDataSet } from '../fixtures.js';

/**
 * One kind of data error: planted in a copy of the fixture data set, it must refuse the whole data set with a
 * problem that names the file, the JSON path and, where the file has one, the line (`text` is found on it).
 */
type Fault = {
  plant: (files: FixtureFiles) => void | Record<string, unknown>;
  /** The file named; `<dir>` for the data directory as a whole. */
  file: string;
  path: string | RegExp;
  message: RegExp;
  /** Text on the line the problem points at; null when the problem is about no line of a file. */
  text: string | null;
  /** How many problems the planted error causes in all (1 unless it repeats, as a missing default source does). */
  count?: number;
};

const places = (f: FixtureFiles) => f['places.yaml']!;
const sources = (f: FixtureFiles) => f['sources.yaml']!;
const assistance = (f: FixtureFiles) => f['topic/assistance.yaml']!;
const entity = (f: FixtureFiles, i: number) => assistance(f).entities![i];
const relation = (f: FixtureFiles, i: number) => assistance(f).relations![i];
const cite = (span: string) => [{ span }];
/** A new target group (assistance entities[10]) that nothing refers to, so breaking it breaks nothing else. */
const addGroup = (f: FixtureFiles, fields: Record<string, unknown>) =>
  assistance(f).entities!.push({ id: 'target-group:older-people', kind: 'TARGET_GROUP', name: '老年人', nameEn: 'Older people', citations: cite('老年人'), ...fields });
const addRelation = (f: FixtureFiles, r: Record<string, unknown>) => assistance(f).relations!.push({ ...r, citations: cite('会同') });
/** A second source (sources.yaml entities[1]) that nothing cites. */
const addSource = (f: FixtureFiles, fields: Record<string, unknown>) =>
  sources(f).entities!.push({ id: 'source:other', kind: 'SOURCE', name: '另一篇', nameEn: 'Another article', ...fields });
/** A file of raw text, for errors a YAML writer would never make. */
const addText = (f: FixtureFiles, name: string, text: string) => void ((f as Record<string, unknown>)[name] = text);
/** A file of its own (extra.yaml) that nothing refers to: a file that fails as a whole is skipped, entities and all. */
const addFile = (f: FixtureFiles, fields: Record<string, unknown>) =>
  ((f as Record<string, unknown>)['extra.yaml'] = { source: 'source:test-article', entities: [{ id: 'target-group:older-people', kind: 'TARGET_GROUP', name: '老年人', nameEn: 'Older people', citations: cite('老年人') }], ...fields });

const T = 'topic/assistance.yaml';

const faults: Record<string, Fault> = {
  // The file as a whole.
  'invalid YAML': { plant: (f) => addText(f, 'broken.yaml', 'entities:\n  - id: [unclosed\n'), file: 'broken.yaml', path: '', message: /not valid YAML\/JSON/, text: '' },
  'invalid JSON': { plant: (f) => addText(f, 'broken.json', '{\n  "entities": [,]\n}\n'), file: 'broken.json', path: '', message: /not valid YAML\/JSON/, text: '"entities": [,]' },
  'duplicate key in a mapping': { plant: (f) => addText(f, 'dup.yaml', 'entities: []\nentities: []\n'), file: 'dup.yaml', path: '', message: /Map keys must be unique/, text: 'entities: []' },
  // JSON is read by JSON.parse when it parses and repeats no key: a repeated key must still be caught, escaped or not.
  'duplicate key in a JSON object': { plant: (f) => addText(f, 'dup.json', '{\n  "entities": [],\n  "entities": []\n}\n'), file: 'dup.json', path: '', message: /Map keys must be unique/, text: '"entities": []' },
  'duplicate key in JSON, once escaped': { plant: (f) => addText(f, 'dup2.json', '{\n  "relations": [],\n  "\\u0072elations": []\n}\n'), file: 'dup2.json', path: '', message: /Map keys must be unique/, text: '"\\u0072elations": []' },
  'a bad entity in a JSON file, located by line': {
    plant: (f) => addText(f, 'extra.json', `{\n  "source": "source:test-article",\n  "entities": [\n    {\n      "id": "target-group:older-people",\n      "kind": "TARGET_GROUP",\n      "name": "老年人",\n      "nameEn": "Older people",\n      "citations": [{ "span": "老年人" }],\n      "budget": 3\n    }\n  ]\n}\n`),
    file: 'extra.json', path: 'entities[0].budget', message: /Unrecognized key: "budget"/, text: '"budget": 3',
  },
  'several YAML documents in one file': { plant: (f) => addText(f, 'multi.yaml', 'entities: []\n---\nentities: []\n'), file: 'multi.yaml', path: '', message: /multiple documents/, text: '---' },
  'file that is not a mapping': { plant: (f) => addText(f, 'list.yaml', '- a\n- b\n'), file: 'list.yaml', path: '', message: /expected object, received array/, text: '- a' },
  'unknown top-level key': { plant: (f) => void addFile(f, { notes: 'x' }), file: 'extra.yaml', path: 'notes', message: /Unrecognized key: "notes"/, text: 'notes: x' },
  'entities that are not a list': { plant: (f) => void addFile(f, { entities: { a: 1 } }), file: 'extra.yaml', path: 'entities', message: /expected array/, text: 'a: 1' },
  'default source of the wrong kind': { plant: (f) => void addFile(f, { source: 'agency:civil-affairs' }), file: 'extra.yaml', path: 'source', message: /must be the id of SOURCE/, text: 'source: agency:civil-affairs' },
  // One entity against its kind's schema.
  'unknown entity field': { plant: (f) => void (entity(f, 1).budget = 3), file: T, path: 'entities[1].budget', message: /Unrecognized key: "budget"/, text: 'budget: 3' },
  'missing required field': { plant: (f) => void delete entity(f, 0).programType, file: T, path: 'entities[0].programType', message: /expected one of "ASSISTANCE"/, text: 'id: program:dibao' },
  'empty name': { plant: (f) => void (entity(f, 0).name = '  '), file: T, path: 'entities[0].name', message: /must not be empty/, text: 'name: "  "' },
  'wrong type': { plant: (f) => void (entity(f, 0).aliases = '低保'), file: T, path: 'entities[0].aliases', message: /expected array, received string/, text: 'aliases: 低保' },
  'malformed number': { plant: (f) => void (entity(f, 7).value = '279.8万'), file: T, path: 'entities[7].value', message: /expected number, received string/, text: 'value: 279.8万' },
  'number that is not finite': { plant: (f) => void (entity(f, 7).value = Infinity), file: T, path: 'entities[7].value', message: /expected number, received Infinity/, text: 'value: .inf' },
  'count that is not a whole number': { plant: (f) => void (entity(f, 5).unnamedCoIssuerCount = 2.5), file: T, path: 'entities[5].unnamedCoIssuerCount', message: /expected int/, text: 'unnamedCoIssuerCount: 2.5' },
  'bad id format': { plant: (f) => void addGroup(f, { id: 'target-group:Older People' }), file: T, path: 'entities[10].id', message: /must be the id of TARGET_GROUP/, text: 'id: target-group:Older People' },
  'id prefix not matching kind': { plant: (f) => void addGroup(f, { id: 'policy:older-people' }), file: T, path: 'entities[10].id', message: /must be the id of TARGET_GROUP: "target-group:<local-id>"/, text: 'id: policy:older-people' },
  'reference with the prefix of another kind': { plant: (f) => void (entity(f, 7).region = 'agency:civil-affairs'), file: T, path: 'entities[7].region', message: /must be the id of REGION/, text: 'region: agency:civil-affairs' },
  'unknown kind': { plant: (f) => void addGroup(f, { kind: 'PROJECT' }), file: T, path: 'entities[10].kind', message: /Invalid discriminator value/, text: 'kind: PROJECT' },
  'enum value outside the set': { plant: (f) => void (places(f).entities![1].level = 'CITY'), file: 'places.yaml', path: 'entities[1].level', message: /expected one of "COUNTRY"/, text: 'level: CITY' },
  'bad date': { plant: (f) => void (entity(f, 7).asOf = '2023-12-32'), file: T, path: 'entities[7].asOf', message: /must be a date written YYYY-MM-DD/, text: 'asOf: 2023-12-32' },
  'bad date-time': { plant: (f) => void addSource(f, { publishedAt: '2023-12-29 00:49' }), file: 'sources.yaml', path: 'entities[1].publishedAt', message: /ISO date-time with offset/, text: 'publishedAt: 2023-12-29 00:49' },
  'bad URL': { plant: (f) => void addSource(f, { url: 'not a url' }), file: 'sources.yaml', path: 'entities[1].url', message: /Invalid URL/, text: 'url: not a url' },
  'bad division code': { plant: (f) => void (places(f).entities![0].divisionCode = '4500'), file: 'places.yaml', path: 'entities[0].divisionCode', message: /6-, 9- or 12-digit/, text: 'divisionCode: "4500"' },
  // A figure's quantity.
  'period start after end': { plant: (f) => void (entity(f, 8).period = { start: '2023-12-31', end: '2023-01-01' }), file: T, path: 'entities[8].period.end', message: /period start must not be after its end/, text: 'end: 2023-01-01' },
  'unknown unit': { plant: (f) => void (entity(f, 7).unit = '万只'), file: T, path: 'entities[7].unit', message: /unit "万只" cannot be normalized to PERSON/, text: 'unit: 万只' },
  'unit not convertible to the base unit': { plant: (f) => void (entity(f, 7).unit = '亿元'), file: T, path: 'entities[7].unit', message: /unit "亿元" cannot be normalized to PERSON/, text: 'unit: 亿元' },
  'normalized value mismatch': { plant: (f) => void (entity(f, 8).normalizedValue = 815000000), file: T, path: 'entities[8].normalizedValue', message: /does not match value 81.5 × 100000000/, text: 'normalizedValue: 815000000' },
  'normalized value missing': { plant: (f) => void delete entity(f, 8).normalizedValue, file: T, path: 'entities[8].normalizedValue', message: /normalizedValue is required/, text: 'id: metric:funds' },
  'RANGE without bounds': { plant: (f) => void (delete entity(f, 9).lower, delete entity(f, 9).normalizedLower), file: T, path: 'entities[9].lower', message: /lower is required/, text: 'id: metric:nanning-grant' },
  'RANGE with a value': { plant: (f) => void (entity(f, 9).value = 6000), file: T, path: 'entities[9].value', message: /a RANGE has lower and upper bounds, not a value/, text: 'value: 6000' },
  'bounds on a figure that is not a RANGE': { plant: (f) => void (entity(f, 7).upper = 300), file: T, path: 'entities[7].upper', message: /upper is only for comparator RANGE, not EXACT/, text: 'upper: 300' },
  'lower bound above upper bound': { plant: (f) => void Object.assign(entity(f, 9), { lower: 8000, normalizedLower: 8000 }), file: T, path: 'entities[9].upper', message: /lower bound 8000 is greater than upper bound 7000/, text: 'upper: 7000' },
  'change mismatch': { plant: (f) => void (entity(f, 7).change.normalizedValue = 10), file: T, path: 'entities[7].change', message: /change normalizedValue 10 does not match 10 × 10000/, text: 'value: 10' },
  'change in a unit of another base': { plant: (f) => void (entity(f, 7).change.unit = '亿元'), file: T, path: 'entities[7].change', message: /change unit "亿元" cannot be normalized to the figure's base unit PERSON/, text: 'value: 10' },
  'missing period and asOf': { plant: (f) => void delete entity(f, 7).asOf, file: T, path: 'entities[7].period', message: /needs the period it covers or the date it is as of/, text: 'id: metric:recipients' },
  // Citations.
  'citation without source': { plant: (f) => void delete places(f).source, file: 'places.yaml', path: 'entities[0].citations[0].source', message: /names no source and its file declares no default/, text: '- span: 全区', count: 6 },
  'citation to an unknown source': { plant: (f) => void (places(f).entities![0].citations = [{ source: 'source:missing', span: '全区' }]), file: 'places.yaml', path: 'entities[0].citations[0].source', message: /source:missing is not a SOURCE entity/, text: 'source: source:missing' },
  'citation source of the wrong kind': { plant: (f) => void (places(f).entities![0].citations = [{ source: 'agency:civil-affairs', span: '全区' }]), file: 'places.yaml', path: 'entities[0].citations[0].source', message: /must be the id of SOURCE/, text: 'source: agency:civil-affairs' },
  'unknown citation field': { plant: (f) => void (entity(f, 0).citations = [{ span: '低保', page: 3 }]), file: T, path: 'entities[0].citations[0].page', message: /Unrecognized key: "page"/, text: 'page: 3' },
  'entity without citation': { plant: (f) => void (entity(f, 2).citations = []), file: T, path: 'entities[2].citations', message: /every fact needs at least one citation/, text: 'citations: []' },
  'span too short': { plant: (f) => void (entity(f, 0).citations = cite(' 低 ')), file: T, path: 'entities[0].citations[0].span', message: /at least 2 characters/, text: 'span: " 低 "' },
  'span too long': { plant: (f) => void (entity(f, 0).citations = cite('低'.repeat(61))), file: T, path: 'entities[0].citations[0].span', message: /at most 60 characters/, text: `span: ${'低'.repeat(61)}` },
  // Rules across entities and files.
  'duplicate id': { plant: (f) => void assistance(f).entities!.push({ ...places(f).entities![1] }), file: T, path: 'entities[10].id', message: /duplicate id region:450100: already defined in places.yaml at entities\[1\]/, text: 'id: region:450100' },
  'dangling relation end': { plant: (f) => void (relation(f, 2).to = 'program:nowhere'), file: T, path: 'relations[2].to', message: /GOVERNS to program:nowhere: no entity has this id/, text: 'to: program:nowhere' },
  'dangling metric region (derived relation)': { plant: (f) => void (entity(f, 7).region = 'region:nowhere'), file: T, path: 'entities[7].region', message: /SCOPED_TO to region:nowhere: no entity has this id/, text: 'region: region:nowhere' },
  'dangling metric subject (derived relation)': { plant: (f) => void (entity(f, 7).subjects[0] = 'program:nowhere'), file: T, path: 'entities[7].subjects[0]', message: /MEASURES to program:nowhere: no entity has this id/, text: '- program:nowhere' },
  'relation kinds not allowed': { plant: (f) => void addRelation(f, { type: 'ISSUED_BY', from: 'program:dibao', to: 'agency:civil-affairs', role: 'LEAD' }), file: T, path: 'relations[12]', message: /ISSUED_BY may not connect PROGRAM → AGENCY/, text: '- type: ISSUED_BY' },
  'relation from an entity to itself': { plant: (f) => void addRelation(f, { type: 'PARTNERS_WITH', from: 'agency:civil-affairs', to: 'agency:civil-affairs' }), file: T, path: 'relations[12]', message: /PARTNERS_WITH from agency:civil-affairs to itself/, text: '- type: PARTNERS_WITH' },
  'unknown relation type': { plant: (f) => void (relation(f, 2).type = 'OWNS'), file: T, path: 'relations[2].type', message: /Invalid discriminator value/, text: 'type: OWNS' },
  'unknown relation field': { plant: (f) => void (relation(f, 2).weight = 1), file: T, path: 'relations[2].weight', message: /Unrecognized key: "weight"/, text: 'weight: 1' },
  'duplicate relation (explicit)': { plant: (f) => void assistance(f).relations!.push({ ...relation(f, 0) }), file: T, path: 'relations[12]', message: /duplicate relation ISSUED_BY:policy:notice->agency:civil-affairs: already stated in topic\/assistance.yaml at relations\[0\]/, text: '- type: ISSUED_BY' },
  'duplicate relation (repeats a derived one)': { plant: (f) => void addRelation(f, { type: 'MEASURES', from: 'metric:funds', to: 'program:dibao' }), file: T, path: 'relations[12]', message: /duplicate relation MEASURES:metric:funds->program:dibao: already stated in topic\/assistance.yaml at entities\[8\].subjects\[0\]/, text: '- type: MEASURES' },
  'duplicate relation (a subject listed twice)': { plant: (f) => void (entity(f, 7).subjects = ['program:dibao', 'program:dibao']), file: T, path: 'entities[7].subjects[1]', message: /duplicate relation MEASURES:metric:recipients->program:dibao/, text: '- program:dibao' },
  'FUNDS amount not a YUAN metric': { plant: (f) => void (relation(f, 8).amount = 'metric:recipients'), file: T, path: 'relations[8].amount', message: /amount metric:recipients must be the id of a METRIC in YUAN/, text: 'amount: metric:recipients' },
  'FUNDS amount naming no entity': { plant: (f) => void (relation(f, 8).amount = 'metric:nowhere'), file: T, path: 'relations[8].amount', message: /amount metric:nowhere must be the id of a METRIC in YUAN/, text: 'amount: metric:nowhere' },
  'ambiguous alias within a kind': { plant: (f) => void (entity(f, 1).aliases = ['低保']), file: T, path: 'entities[1].aliases[0]', message: /"低保" already names program:dibao/, text: '- 低保' },
  'names equal once normalized': { plant: (f) => void (entity(f, 1).nameEn = 'MINIMUM  Living allowance'), file: T, path: 'entities[1].nameEn', message: /already names program:dibao: names and aliases must be unambiguous within a kind/, text: 'nameEn: MINIMUM  Living allowance' },
  'PART_OF cycle': { plant: (f) => void places(f).relations!.push({ type: 'PART_OF', from: 'region:450000', to: 'region:450100', citations: cite('广西') }), file: 'places.yaml', path: /^relations\[[02]\]$/, message: /PART_OF cycle: region:\d+ → region:\d+ → region:\d+/, text: '- type: PART_OF' },
  'relation without citation': { plant: (f) => void (relation(f, 2).citations = []), file: T, path: 'relations[2].citations', message: /every relation needs at least one citation/, text: 'citations: []' },
  'missing role on ISSUED_BY': { plant: (f) => void delete relation(f, 0).role, file: T, path: 'relations[0].role', message: /expected one of "LEAD"\|"JOINT"/, text: '- type: ISSUED_BY' },
  'event ends before it starts': { plant: (f) => void Object.assign(entity(f, 4), { startDate: '2023-12-02', endDate: '2023-12-01' }), file: T, path: 'entities[4].endDate', message: /an event cannot end before it starts/, text: 'endDate: 2023-12-01' },
  'bytes that are not UTF-8': { plant: (f) => void ((f as Record<string, unknown>)['latin1.yaml'] = Buffer.from([...Buffer.from('entities: []\n# '), 0xc4, 0xe3, 0x0a])), file: 'latin1.yaml', path: '', message: /not valid UTF-8/, text: '# ' },
  'YAML alias bomb': { plant: (f) => addText(f, 'bomb.yaml', ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n')), file: 'bomb.yaml', path: '', message: /cannot read the YAML: .*alias/i, text: null },
  'invalid SOURCE cited by many facts': { plant: (f) => void delete sources(f).entities![0].name, file: 'sources.yaml', path: 'entities[0].name', message: /expected string/, text: '- id: source:test-article' },
  // The data set as a whole.
  'empty data dir': { plant: () => ({}), file: '<dir>', path: '', message: /no data files \(\*\.yaml, \*\.yml, \*\.json\) found/, text: null },
  'data dir without data files': { plant: () => ({ 'README.md': '# Notes\n', 'notes/a.txt': 'x' }), file: '<dir>', path: '', message: /no data files/, text: null },
};

describe('every kind of data error refuses the whole data set, located by file, path and line', () => {
  it.each(Object.entries(faults))('%s', async (_, fault) => {
    const files = fixtureFiles();
    const dir = await writeDataSet(fault.plant(files) ?? files);

    // Nothing partial: the promise rejects, so no store (not even an incomplete one) ever reaches a caller.
    const error = await loadStore(dir).then(
      (store) => store,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataSetError);
    const { problems, message: report } = error as DataSetError;
    expect(problems).toHaveLength(fault.count ?? 1);

    const file = fault.file === '<dir>' ? dir : fault.file;
    const problem = problems.find((p) => p.file === file && (typeof fault.path === 'string' ? p.path === fault.path : fault.path.test(p.path)));
    expect(problem, `no problem at ${file} ${fault.path}: ${report}`).toBeDefined();
    expect(problem!.message).toMatch(fault.message);
    // The report (what the log carries) names file, line and path the way a curator reads them.
    expect(report).toContain(`${file}${problem!.line ? `:${problem!.line}` : ''}${problem!.path ? ` at ${problem!.path}` : ''}: ${problem!.message}`);

    if (fault.text === null) return expect(problem!.line).toBeUndefined();
    expect(problem!.line).toBeGreaterThan(0);
    const lines = (await readFile(join(dir, file), 'utf8')).split('\n');
    expect(lines[problem!.line! - 1]).toContain(fault.text);
  });
});

describe('a data directory that cannot be read', () => {
  it('is refused with a problem naming the directory, not a crash', async () => {
    const dir = join(await writeDataSet({}), 'missing');
    const error = await loadStore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataSetError);
    expect((error as DataSetError).problems).toEqual([{ file: dir, path: '', message: 'cannot read the data directory: ENOENT' }]);
  });
});
