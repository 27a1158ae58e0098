import { describe, expect, it } from 'vitest';
import { DataSetError, type DataProblem } from '../../src/store/problems.js';
import { loadStore } from '../../src/store/load.js';
import { fixtureFiles, fixtureStore, writeDataSet, type FixtureFiles } from '../fixtures.js';

/** Loads the fixture after `change` and returns the problems it is refused with. */
async function problemsAfter(change: (files: FixtureFiles) => void): Promise<DataProblem[]> {
  const error = await fixtureStore(change).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataSetError);
  return (error as DataSetError).problems;
}

const assistance = (f: FixtureFiles) => f['topic/assistance.yaml']!;

describe('loading a valid data set', () => {
  it('builds the whole graph, with derived SCOPED_TO and MEASURES relations', async () => {
    const store = await fixtureStore();
    expect(store.graph.order).toBe(15);
    expect(store.count('METRIC')).toBe(3);
    expect(store.relationCounts.get('ISSUED_BY')).toBe(2);
    expect(store.relationCounts.get('SCOPED_TO')).toBe(3);
    expect(store.relationCounts.get('MEASURES')).toBe(4);
    const scoped = store.graph.getEdgeAttributes('SCOPED_TO:metric:recipients->region:450000');
    expect(scoped.derived).toBe(true);
    expect(scoped.citations).toEqual([{ source: 'source:test-article', span: '全区共纳入低保对象279.8万人' }]);
  });

  it('gives every citation its file’s default source', async () => {
    const store = await fixtureStore();
    store.graph.forEachNode((_, e) => e.citations.forEach((c) => expect(c.source).toBe('source:test-article')));
  });

  it('indexes names and aliases, ignoring case and width', async () => {
    const store = await fixtureStore();
    expect(store.lookup('低保').map((e) => e.id)).toEqual(['program:dibao']);
    expect(store.lookup('  MINIMUM living   allowance ').map((e) => e.id)).toEqual(['program:dibao']);
    expect(store.lookup('广西').map((e) => e.id)).toEqual(['region:450000']);
    expect(store.lookup('没有这个')).toEqual([]);
  });

  it('gives a content hash as data version that changes with the data', async () => {
    const a = await fixtureStore();
    const b = await fixtureStore();
    const c = await fixtureStore((f) => (assistance(f).entities![0].nameEn = 'Dibao'));
    expect(a.info.version).toBe(b.info.version);
    expect(c.info.version).not.toBe(a.info.version);
  });
});

describe('refusing a data set with problems', () => {
  it('names a dangling relation end by file, path and line', async () => {
    const problems = await problemsAfter((f) => (assistance(f).relations![2].to = 'program:nowhere'));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'topic/assistance.yaml', path: 'relations[2].to', message: expect.stringContaining('program:nowhere: no entity has this id') }),
    ]);
    expect(problems[0]!.line).toBeGreaterThan(1);
  });

  it('names a duplicate id and where it was first defined', async () => {
    const problems = await problemsAfter((f) => assistance(f).entities!.push({ ...f['places.yaml']!.entities![1] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'topic/assistance.yaml', path: 'entities[10].id' });
    expect(problems[0]!.message).toContain('duplicate id region:450100: already defined in places.yaml at entities[1]');
  });

  it('refuses a relation between kinds its type does not allow', async () => {
    const problems = await problemsAfter((f) =>
      assistance(f).relations!.push({ type: 'ISSUED_BY', from: 'program:dibao', to: 'agency:civil-affairs', role: 'LEAD', citations: [{ span: 'x印发' }] }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'topic/assistance.yaml', path: 'relations[12]' });
    expect(problems[0]!.message).toContain('ISSUED_BY may not connect PROGRAM → AGENCY');
  });

  it('refuses a malformed number', async () => {
    const problems = await problemsAfter((f) => (assistance(f).entities![7].value = '279.8万'));
    expect(problems).toEqual([expect.objectContaining({ path: 'entities[7].value', message: expect.stringMatching(/expected number/) })]);
  });

  it('refuses a normalized value that does not match value × unit scale', async () => {
    const problems = await problemsAfter((f) => (assistance(f).entities![8].normalizedValue = 815000000));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('entities[8].normalizedValue');
    expect(problems[0]!.message).toContain('does not match value 81.5 × 100000000');
  });

  it('refuses an alias that names two entities of one kind', async () => {
    const problems = await problemsAfter((f) => assistance(f).entities![1].aliases = ['低保']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toMatch(/^entities\[\d\]\.aliases\[0\]$/);
    expect(problems[0]!.message).toContain('"低保" already names');
  });

  it('allows one name across kinds', async () => {
    const store = await fixtureStore((f) => (assistance(f).entities![2].aliases = ['低保']));
    expect(store.lookup('低保').map((e) => e.kind).sort()).toEqual(['PROGRAM', 'TARGET_GROUP']);
  });

  it('refuses a citation with no source and one citing an unknown source', async () => {
    const problems = await problemsAfter((f) => {
      delete assistance(f).source;
      f['places.yaml']!.entities![0].citations = [{ source: 'source:missing', span: '全区' }];
    });
    expect(problems.some((p) => p.file === 'places.yaml' && p.path === 'entities[0].citations[0].source' && p.message.includes('source:missing is not a SOURCE'))).toBe(true);
    const unsourced = problems.filter((p) => p.file === 'topic/assistance.yaml');
    expect(unsourced.length).toBeGreaterThan(10);
    expect(unsourced.every((p) => p.message.includes('names no source'))).toBe(true);
  });

  it('refuses a duplicate relation, including one that repeats a derived relation', async () => {
    const problems = await problemsAfter((f) => {
      const rels = assistance(f).relations!;
      rels.push({ ...rels[0] });
      rels.push({ type: 'MEASURES', from: 'metric:funds', to: 'program:dibao', citations: [{ span: '低保资金' }] });
    });
    expect(problems.map((p) => p.path)).toEqual(['relations[12]', 'relations[13]']);
    expect(problems[1]!.message).toContain('duplicate relation MEASURES:metric:funds->program:dibao');
  });

  it('refuses a PART_OF cycle, naming the relation that closes it', async () => {
    const problems = await problemsAfter((f) =>
      f['places.yaml']!.relations!.push({ type: 'PART_OF', from: 'region:450000', to: 'region:450100', citations: [{ span: '广西' }] }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ file: 'places.yaml', path: 'relations[0]', message: 'PART_OF cycle: region:450000 → region:450100 → region:450000' }),
    ]);
  });

  it('refuses a funding amount that is not a figure in yuan', async () => {
    const problems = await problemsAfter((f) => (assistance(f).relations![8].amount = 'metric:recipients'));
    expect(problems).toEqual([expect.objectContaining({ path: 'relations[8].amount', message: expect.stringContaining('must be the id of a METRIC in YUAN') })]);
  });

  it('refuses an id whose prefix does not match its kind, and unknown fields', async () => {
    const problems = await problemsAfter((f) => {
      assistance(f).entities![0].id = 'policy:dibao';
      assistance(f).entities![1].budget = 3;
    });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['entities[0].id', 'entities[1].budget']));
    expect(problems.find((p) => p.path === 'entities[1].budget')!.message).toBe('Unrecognized key: "budget"');
  });

  it('reports a broken entity once, not again at every relation that points at it', async () => {
    const problems = await problemsAfter((f) => delete assistance(f).entities![0].programType);
    expect(problems).toEqual([expect.objectContaining({ path: 'entities[0].programType' })]);
  });

  it('reports every problem of every file at once', async () => {
    const problems = await problemsAfter((f) => {
      assistance(f).relations![0].to = 'agency:nowhere';
      assistance(f).entities![7].unit = '万只';
      f['places.yaml']!.entities![1].level = 'CITY';
    });
    expect(problems.map((p) => `${p.file} ${p.path}`).sort()).toEqual([
      'places.yaml entities[1].level',
      'topic/assistance.yaml entities[7].unit',
      'topic/assistance.yaml relations[0].to',
    ]);
  });

  it('reports YAML syntax errors with their line', async () => {
    const files = { ...fixtureFiles(), 'broken.yaml': 'entities:\n  - id: [unclosed\n' } as Record<string, unknown>;
    const error = await loadStore(await writeDataSet(files)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataSetError);
    const problem = (error as DataSetError).problems.find((p) => p.file === 'broken.yaml')!;
    expect(problem.message).toContain('not valid YAML/JSON');
    expect(problem.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses an empty data directory', async () => {
    const error = await loadStore(await writeDataSet({})).catch((e: unknown) => e);
    expect((error as DataSetError).problems[0]!.message).toContain('no data files');
  });
});
