import { UndirectedGraph } from 'graphology';
import { allSimplePaths } from 'graphology-simple-path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { type Path, pathLimits, paths, shortestPath } from '../../src/store/paths.js';
import type { PolicyStore } from '../../src/store/store.js';
import { fixtureStore } from '../fixtures.js';

let store: PolicyStore;
beforeAll(async () => {
  store = await fixtureStore();
});

const ids = (p: Path | null | undefined) => p?.entities.map((e) => e.id);
const walked = (p: Path | null | undefined) => p?.steps.map((s) => `${s.relation.type} ${s.direction}`);

/** Every path must be a real walk: consecutive steps join, each relation links its two ends as its direction says. */
function expectWalk(path: Path, from: string, to: string) {
  expect(path.entities[0]!.id).toBe(from);
  expect(path.entities.at(-1)!.id).toBe(to);
  expect(path.steps).toHaveLength(path.entities.length - 1);
  expect(new Set(ids(path)).size).toBe(path.entities.length);
  path.steps.forEach((step, i) => {
    expect(step.from).toBe(path.entities[i]);
    expect(step.to).toBe(path.entities[i + 1]);
    const [start, end] = step.direction === 'OUTGOING' ? [step.from.id, step.to.id] : [step.to.id, step.from.id];
    for (const r of [step.relation, ...step.alternatives]) expect(new Set([r.from, r.to])).toEqual(new Set([start, end]));
    expect([step.relation.from, step.relation.to]).toEqual([start, end]);
  });
}

describe('shortestPath', () => {
  it('walks a relation forward, and backward only when the direction allows it', () => {
    expect(walked(shortestPath(store, 'policy:notice', 'program:dibao', { direction: 'OUTGOING' }))).toEqual(['GOVERNS OUTGOING']);
    expect(shortestPath(store, 'program:dibao', 'policy:notice', { direction: 'OUTGOING' })).toBeNull();
    expect(walked(shortestPath(store, 'program:dibao', 'policy:notice', { direction: 'INCOMING' }))).toEqual(['GOVERNS INCOMING']);
    expect(shortestPath(store, 'policy:notice', 'program:dibao', { direction: 'INCOMING' })).toBeNull();
    expect(walked(shortestPath(store, 'program:dibao', 'policy:notice'))).toEqual(['GOVERNS INCOMING']);
  });

  it('records the direction each step was walked in when either way is allowed', () => {
    const path = shortestPath(store, 'program:lottery-fund', 'organization:platform', { direction: 'BOTH' })!;
    expectWalk(path, 'program:lottery-fund', 'organization:platform');
    expect(ids(path)).toEqual(['program:lottery-fund', 'program:dibao', 'organization:platform']);
    expect(walked(path)).toEqual(['FUNDS OUTGOING', 'USES OUTGOING']);
    const back = shortestPath(store, 'agency:education', 'organization:platform')!;
    expect(walked(back)).toEqual(['PARTNERS_WITH INCOMING', 'ADMINISTERS OUTGOING']);
  });

  it('walks only the relation types asked for', () => {
    const viaAgency = shortestPath(store, 'policy:notice', 'organization:platform', { relationTypes: ['ISSUED_BY', 'ADMINISTERS'] });
    expect(ids(viaAgency)).toEqual(['policy:notice', 'agency:civil-affairs', 'organization:platform']);
    const viaProgram = shortestPath(store, 'policy:notice', 'organization:platform', { relationTypes: ['GOVERNS', 'USES'] });
    expect(ids(viaProgram)).toEqual(['policy:notice', 'program:dibao', 'organization:platform']);
    expect(shortestPath(store, 'policy:notice', 'program:dibao', { relationTypes: ['CITES', 'ISSUED_BY'] })).toBeNull();
  });

  it('keeps parallel relations between the same two entities as alternatives of one step', () => {
    const path = shortestPath(store, 'policy:notice', 'policy:regulation')!;
    expect(path.steps).toHaveLength(1);
    expect(path.steps[0]!.relation.type).toBe('IMPLEMENTS');
    expect(path.steps[0]!.alternatives.map((r) => r.type)).toEqual(['CITES']);
    const cites = shortestPath(store, 'policy:notice', 'policy:regulation', { relationTypes: ['CITES'] })!;
    expect(cites.steps[0]!.relation.type).toBe('CITES');
    expect(cites.steps[0]!.alternatives).toEqual([]);
  });

  it('honours maxHops: a path longer than allowed is no path', () => {
    expect(shortestPath(store, 'event:meeting', 'program:lottery-fund', { maxHops: 4 })?.steps).toHaveLength(4);
    expect(shortestPath(store, 'event:meeting', 'program:lottery-fund', { maxHops: 3 })).toBeNull();
  });

  it('answers a path of length 0 from an entity to itself, and null for unknown ids', () => {
    const self = shortestPath(store, 'program:dibao', 'program:dibao')!;
    expect(self.steps).toEqual([]);
    expect(ids(self)).toEqual(['program:dibao']);
    expect(shortestPath(store, 'program:none', 'program:dibao')).toBeNull();
  });

  it('answers null between entities in different components', async () => {
    const apart = await fixtureStore((files) => {
      files['topic/assistance.yaml']!.entities!.push({
        id: 'target-group:orphans', kind: 'TARGET_GROUP', name: '孤儿', nameEn: 'Orphans', citations: [{ span: '孤儿' }],
      });
    });
    expect(shortestPath(apart, 'policy:notice', 'target-group:orphans', { maxHops: pathLimits.maxHops.ceiling })).toBeNull();
    expect(paths(apart, 'policy:notice', 'target-group:orphans')).toEqual([]);
  });

  it('refuses limits past their ceilings with a RangeError rather than searching', () => {
    expect(() => shortestPath(store, 'policy:notice', 'program:dibao', { maxHops: pathLimits.maxHops.ceiling + 1 })).toThrow(RangeError);
    expect(() => shortestPath(store, 'policy:notice', 'program:dibao', { maxHops: 0 })).toThrow(RangeError);
    expect(() => paths(store, 'policy:notice', 'program:dibao', { first: pathLimits.first.ceiling + 1 })).toThrow(RangeError);
  });
});

describe('paths', () => {
  it('lists every distinct route within maxHops, shortest first, as the k shortest of all simple paths', () => {
    // An independent count: every simple path of the undirected projection, by graphology-simple-path.
    const projection = new UndirectedGraph();
    store.graph.forEachNode((id) => projection.addNode(id));
    store.graph.forEachEdge((_key, _r, source, target) => projection.mergeEdge(source, target));
    for (const [from, to] of [['event:meeting', 'program:lottery-fund'], ['region:450100', 'organization:platform'], ['policy:notice', 'region:450000']] as const) {
      const all = allSimplePaths(projection, from, to, { maxDepth: 6 }).map((p) => p.length - 1).sort((a, b) => a - b);
      const found = paths(store, from, to, { maxHops: 6, first: 20 });
      expect(found.map((p) => p.steps.length)).toEqual(all.slice(0, 20));
      expect(new Set(found.map((p) => ids(p)!.join(' '))).size).toBe(found.length);
      for (const p of found) expectWalk(p, from, to);
    }
  });

  it('stops at `first` and at maxHops', () => {
    const five = paths(store, 'event:meeting', 'program:lottery-fund', { maxHops: 6 });
    expect(five).toHaveLength(pathLimits.first.default);
    expect(paths(store, 'event:meeting', 'program:lottery-fund', { maxHops: 6, first: 2 })).toEqual(five.slice(0, 2));
    const short = paths(store, 'event:meeting', 'program:lottery-fund', { first: 20 });
    expect(short.map((p) => p.steps.length)).toEqual([4, 4]);
    expect(paths(store, 'event:meeting', 'program:lottery-fund', { maxHops: 3 })).toEqual([]);
  });

  it('follows only the direction asked for', () => {
    const forward = paths(store, 'policy:notice', 'organization:platform', { direction: 'OUTGOING', first: 20 });
    expect(forward.map(ids)).toEqual(
      expect.arrayContaining([
        ['policy:notice', 'agency:civil-affairs', 'organization:platform'],
        ['policy:notice', 'program:dibao', 'organization:platform'],
      ]),
    );
    expect(forward).toHaveLength(2);
    const backward = paths(store, 'organization:platform', 'policy:notice', { direction: 'INCOMING', first: 20 });
    expect(backward.map(ids).map((p) => p!.reverse())).toEqual(expect.arrayContaining(forward.map(ids)));
    expect(backward.flatMap((p) => p.steps.map((s) => s.direction))).toEqual(['INCOMING', 'INCOMING', 'INCOMING', 'INCOMING']);
  });

  it('gives one path per sequence of entities, however many relations link them', async () => {
    expect(paths(store, 'policy:notice', 'policy:regulation', { first: 20 })).toHaveLength(1);
    const both = await fixtureStore((files) => {
      files['topic/assistance.yaml']!.relations!.push({ type: 'PARTNERS_WITH', from: 'agency:education', to: 'agency:civil-affairs', citations: [{ span: '会同' }] });
    });
    const [direct] = paths(both, 'agency:civil-affairs', 'agency:education', { relationTypes: ['PARTNERS_WITH'] });
    expect(walked(direct)).toEqual(['PARTNERS_WITH OUTGOING']);
    expect(direct!.steps[0]!.alternatives.map((r) => r.from)).toEqual(['agency:education']);
    expect(walked(shortestPath(both, 'agency:education', 'agency:civil-affairs', { direction: 'OUTGOING', relationTypes: ['PARTNERS_WITH'] }))).toEqual([
      'PARTNERS_WITH OUTGOING',
    ]);
  });

  it('leaves the graph as it found it: the same question gets the same answer', () => {
    const before = paths(store, 'region:450100', 'organization:platform', { maxHops: 6, first: 20 }).map(ids);
    const shortest = ids(shortestPath(store, 'region:450100', 'organization:platform'));
    expect(paths(store, 'region:450100', 'organization:platform', { maxHops: 6, first: 20 }).map(ids)).toEqual(before);
    expect(ids(shortestPath(store, 'region:450100', 'organization:platform'))).toEqual(shortest);
    expect(before[0]).toEqual(shortest);
  });

  it('answers one path of length 0 from an entity to itself', () => {
    expect(paths(store, 'program:dibao', 'program:dibao').map(ids)).toEqual([['program:dibao']]);
  });
});

describe('paths on the bundled data', () => {
  let bundled: PolicyStore;
  beforeAll(async () => {
    bundled = await loadStore(defaultDataDir);
  });
  const measures = 'policy:gx-social-assistance-data-sharing-measures';

  it('connects the data-sharing measures to 低保 through the social-assistance system it governs', () => {
    const path = shortestPath(bundled, measures, 'program:minimum-living-allowance', { relationTypes: ['GOVERNS', 'PART_OF'] })!;
    expectWalk(path, measures, 'program:minimum-living-allowance');
    expect(ids(path)).toEqual([measures, 'program:social-assistance', 'program:minimum-living-allowance']);
    expect(walked(path)).toEqual(['GOVERNS OUTGOING', 'PART_OF INCOMING']);
    expect(path.steps[0]!.relation.citations[0]!.span).toContain('广西社会救助信息共享和数据利用管理办法');
  });

  it('lists other routes too, through the department that issued both documents', () => {
    const found = paths(bundled, measures, 'program:minimum-living-allowance', { first: 20 });
    expect(found[0]!.steps.length).toBeLessThanOrEqual(2);
    for (const p of found) expectWalk(p, measures, 'program:minimum-living-allowance');
    expect(found.map(ids)).toContainEqual([measures, 'agency:gx-civil-affairs', 'policy:gx-minimum-living-allowance-review-measures', 'program:minimum-living-allowance']);
  });

  it('reaches the group 低保 serves, one step further', () => {
    const path = shortestPath(bundled, measures, 'target-group:minimum-living-allowance-recipients', { relationTypes: ['GOVERNS', 'PART_OF', 'TARGETS'] })!;
    expect(ids(path)).toEqual([measures, 'program:social-assistance', 'program:minimum-living-allowance', 'target-group:minimum-living-allowance-recipients']);
    expect(walked(path)).toEqual(['GOVERNS OUTGOING', 'PART_OF INCOMING', 'TARGETS OUTGOING']);
  });
});
