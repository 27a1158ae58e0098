import { beforeAll, describe, expect, it } from 'vitest';
import { ExportFilterParams, filterLabel, selectGraph, UnknownEntityError } from '../../src/export/select.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';

let store: PolicyStore;
beforeAll(async () => {
  store = await fixtureStore();
});
const ids = (filter: Parameters<typeof selectGraph>[1]) => selectGraph(store.graph, filter).nodes().sort();

describe('selecting the part of the graph to export', () => {
  it('keeps the whole graph (the same object) without a filter', () => {
    expect(selectGraph(store.graph, {})).toBe(store.graph);
  });

  it('keeps entities of the given kinds and the relations among them', () => {
    const part = selectGraph(store.graph, { kinds: ['POLICY', 'AGENCY'] });
    expect(part.nodes().sort()).toEqual(['agency:civil-affairs', 'agency:education', 'policy:notice', 'policy:regulation']);
    expect(part.edges().sort()).toEqual([
      'CITES:policy:notice->policy:regulation',
      'IMPLEMENTS:policy:notice->policy:regulation',
      'ISSUED_BY:policy:notice->agency:civil-affairs',
      'ISSUED_BY:policy:notice->agency:education',
      'PARTNERS_WITH:agency:civil-affairs->agency:education',
    ]);
    expect(part.getNodeAttributes('policy:notice')).toBe(store.entity('policy:notice'));
  });

  it('keeps what lies within depth relations of an entity, in either direction', () => {
    expect(ids({ around: 'policy:regulation' })).toEqual(['policy:notice', 'policy:regulation']);
    expect(ids({ around: 'policy:regulation', depth: 2 })).toEqual([
      'agency:civil-affairs',
      'agency:education',
      'policy:notice',
      'policy:regulation',
      'program:dibao',
      'target-group:dibao-recipients',
    ]);
    expect(selectGraph(store.graph, { around: 'policy:regulation' }).size).toBe(2);
  });

  it('combines both: the kinds asked for, reached through any kind', () => {
    // Figures are two relations from the notice, through the program it governs and the group it targets.
    expect(ids({ around: 'policy:notice', depth: 2, kinds: ['METRIC'] })).toEqual(['metric:funds', 'metric:nanning-grant', 'metric:recipients']);
    expect(ids({ around: 'policy:notice', depth: 1, kinds: ['METRIC'] })).toEqual([]);
  });

  it('refuses an unknown centre', () => {
    expect(() => selectGraph(store.graph, { around: 'policy:nowhere' })).toThrow(UnknownEntityError);
  });
});

describe('filter parameters as written on a command line or in a query string', () => {
  it('reads kinds case-insensitively and depth as a number', () => {
    expect(ExportFilterParams.parse({ kinds: 'policy, Agency', around: 'agency:x', depth: '2' })).toEqual({ kinds: ['POLICY', 'AGENCY'], around: 'agency:x', depth: 2 });
    expect(ExportFilterParams.parse({})).toEqual({});
  });

  it('names the parameter and the problem', () => {
    const issues = (params: Record<string, string>) =>
      ExportFilterParams.safeParse(params).error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(issues({ kinds: 'POLICY,POLICIES' })).toEqual([expect.stringMatching(/^kinds: unknown kind "POLICIES": use POLICY, AGENCY/)]);
    expect(issues({ kinds: ',' })).toEqual(['kinds: name at least one kind']);
    expect(issues({ around: 'agency:x', depth: '11' })).toEqual(['depth: must be a whole number from 1 to 10']);
    expect(issues({ around: 'agency:x', depth: 'two' })).toEqual(['depth: must be a whole number from 1 to 10']);
    expect(issues({ depth: '2' })).toEqual(['depth: depth needs around: the id of the entity to start from']);
    expect(issues({ around: 'Agency X' })[0]).toMatch(/^around: must be "<kind>:<local-id>"/);
    expect(issues({ colour: 'red' })[0]).toMatch(/Unrecognized key/);
  });

  it('labels a filter for file names', () => {
    expect(filterLabel({ around: 'agency:gx-civil-affairs', depth: 2, kinds: ['POLICY', 'AGENCY'] })).toBe('around-agency.gx-civil-affairs-2_POLICY-AGENCY');
  });
});
